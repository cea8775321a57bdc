// What the displays show of an event: its fields read with sane defaults, the percent, sizes
// and durations. Events are kept as the module sent them (DESIGN.md §1), so a field of the
// wrong type (a string percent, a negative total) reads as unknown here instead of crashing.
import { stripVTControlCharacters } from 'node:util';
import type { LogLevel, ModuleEvent } from './protocol.js';

export interface ProgressFields {
  /** 0 to 100: `percent` when valid, else from `current` and `total`. */
  percent: number | undefined;
  message: string;
  current: number | undefined;
  total: number | undefined;
  unit: string | undefined;
  taskId: string | undefined;
}

/** A progress event's fields, each undefined (or empty) when missing or malformed. */
export function readProgress(event: ModuleEvent): ProgressFields {
  const current = readCount(event.current);
  const total = readCount(event.total);
  const percent = readNumber(event.percent);
  return {
    percent: percent === undefined ? getPercent(current, total) : clampPercent(percent),
    message: readText(event.message),
    current,
    total,
    unit: typeof event.unit === 'string' && event.unit !== '' ? event.unit : undefined,
    taskId: readTaskId(event.task_id),
  };
}

/**
 * A task's progress after an update: what the update leaves out (a message, the total, the
 * unit, the percent of a message-only update) stays as the task last said.
 */
export function mergeProgress(
  previous: ProgressFields | undefined,
  next: ProgressFields,
): ProgressFields {
  if (previous === undefined) return next;

  const current = next.current ?? previous.current;
  const total = next.total ?? previous.total;
  return {
    percent: next.percent ?? getPercent(current, total) ?? previous.percent,
    message: next.message === '' ? previous.message : next.message,
    current,
    total,
    unit: next.unit ?? previous.unit,
    taskId: next.taskId ?? previous.taskId,
  };
}

/** The percent that `current` of `total` is, capped at 100; undefined when unknown. */
function getPercent(current: number | undefined, total: number | undefined): number | undefined {
  if (current === undefined || total === undefined || total <= 0) return undefined;
  return clampPercent((current / total) * 100);
}

export interface LogFields {
  level: LogLevel;
  message: string;
  taskId: string | undefined;
}

/** A log event's level (info when missing or unknown), message and task. */
export function readLog(event: ModuleEvent): LogFields {
  const level =
    typeof event.level === 'string' ? LEVEL_NAMES[event.level.toLowerCase()] : undefined;
  return {
    level: level ?? 'info',
    message: readText(event.message),
    taskId: readTaskId(event.task_id),
  };
}

const LEVEL_NAMES: Partial<Record<string, LogLevel>> = {
  debug: 'debug',
  info: 'info',
  warn: 'warning',
  warning: 'warning',
  error: 'error',
};

export interface DataFields {
  stream: string;
  lines: string[];
  taskId: string | undefined;
}

/** A data event's stream (stdout when missing), its text split into lines, and its task. */
export function readData(event: ModuleEvent): DataFields {
  const stream = typeof event.stream === 'string' && event.stream !== '' ? event.stream : 'stdout';
  const lines = readText(event.data).split(/\r?\n/);
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return { stream, lines, taskId: readTaskId(event.task_id) };
}

/** Whether a log line of this level is shown: debug only when verbose. */
export function shouldShowLog(level: LogLevel, isVerbose: boolean): boolean {
  return level !== 'debug' || isVerbose;
}

/** The key of the task an event belongs to: the caller's id, the event's, or both. */
export function getTaskKey(callerId: string | undefined, eventId: string | undefined): string {
  if (callerId === undefined) return eventId ?? '';
  if (eventId === undefined || eventId === callerId) return callerId;
  return `${callerId}/${eventId}`;
}

/** Text from a module made safe for a terminal: escape sequences and control characters gone. */
export function toDisplayText(text: string): string {
  return stripVTControlCharacters(text).replaceAll(CONTROL_CHARACTERS, ' ');
}

// C0 and C1 controls, DEL included; tabs and newlines too, as a display line is one line.
const CONTROL_CHARACTERS = /\p{Cc}/gu;

/** Like toDisplayText, for text of several lines: newlines and tabs are kept. */
export function toDisplayLines(text: string): string {
  return stripVTControlCharacters(text).replaceAll(CONTROLS_BUT_LINES, ' ');
}

const CONTROLS_BUT_LINES = /[^\P{Cc}\n\t]/gu;

const MEBIBYTE = 1024 * 1024;

/**
 * `current/total` for a progress line: sizes (KiB, MiB...) when the unit is bytes, or when
 * there is no unit and a number reaches 1 MiB; else plain numbers followed by the unit.
 */
export function formatAmount(fields: ProgressFields): string {
  const { current, total, unit } = fields;
  if (current === undefined) return '';

  const isBytes =
    unit === undefined ? Math.max(current, total ?? 0) >= MEBIBYTE : BYTE_UNITS.has(unit);
  const format = isBytes ? formatBytes : formatNumber;
  const amount = total === undefined ? format(current) : `${format(current)}/${format(total)}`;
  return isBytes || unit === undefined ? amount : `${amount} ${unit}`;
}

const BYTE_UNITS: ReadonlySet<string> = new Set(['bytes', 'byte', 'B', 'b']);

/** A byte count in binary units: `512 B`, `1.5 KiB`, `8.0 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;

  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }

  return `${value.toFixed(1)} ${SIZE_UNITS[unit]}`;
}

const SIZE_UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** A duration as people read it: `0.4s`, `12.5s`, `3m07s`, `1h05m`. */
export function formatDuration(milliseconds: number): string {
  const seconds = Math.max(0, milliseconds) / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;

  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${pad(Math.floor(seconds % 60))}s`;

  return `${Math.floor(minutes / 60)}h${pad(minutes % 60)}m`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function clampPercent(percent: number): number {
  return Math.min(100, Math.max(0, percent));
}

function readNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function readCount(value: unknown): number | undefined {
  const count = readNumber(value);
  return count !== undefined && count >= 0 ? count : undefined;
}

function readText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** A task id as text: a non-empty string, or a number as Python modules send; else undefined. */
export function readTaskId(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
