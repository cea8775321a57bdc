// Telling events from plain stderr text, and checking event fields cheaply. This is the
// per-line hot path: no zod here. The checks below accept exactly what the zod schemas in
// protocol.ts accept (a test holds them together); zod explains a rejection when one matters.

import { isPlainObject } from './plain-object.js';
import type { DataEvent, LogEvent, LogLevel, ModuleEvent, ProgressEvent } from './protocol.js';

const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** The event a stderr line carries: a JSON object with a string `event`; else undefined. */
export function parseEventLine(line: string): ModuleEvent | undefined {
  const text = line.trim();
  if (text.charCodeAt(0) !== OPEN_BRACE || text.charCodeAt(text.length - 1) !== CLOSE_BRACE) {
    return undefined;
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }

  return isModuleEvent(value) ? value : undefined;
}

export function isModuleEvent(value: unknown): value is ModuleEvent {
  return isPlainObject(value) && typeof value.event === 'string';
}

/** Whether every field ftl2 knows has the type DESIGN.md §1 gives it. */
export function isWellFormed(event: ModuleEvent): boolean {
  switch (event.event) {
    case 'progress':
      return isProgressShape(event);
    case 'log':
      return isLogShape(event);
    case 'data':
      return isDataShape(event);
    default:
      return true;
  }
}

export function isProgressEvent(event: ModuleEvent): event is ProgressEvent {
  return event.event === 'progress' && isProgressShape(event);
}

export function isLogEvent(event: ModuleEvent): event is LogEvent {
  return event.event === 'log' && isLogShape(event);
}

export function isDataEvent(event: ModuleEvent): event is DataEvent {
  return event.event === 'data' && isDataShape(event);
}

function isProgressShape(event: ModuleEvent): boolean {
  return (
    isOptionalNumberIn(event.percent, 0, 100) &&
    isOptionalString(event.message) &&
    isOptionalNumberIn(event.current, 0, Number.POSITIVE_INFINITY) &&
    isOptionalNumberIn(event.total, 0, Number.POSITIVE_INFINITY) &&
    (event.task_id === undefined || isStringOrNumber(event.task_id)) &&
    isOptionalTimestamp(event.timestamp)
  );
}

const LEVELS: ReadonlySet<unknown> = new Set<LogLevel>(['debug', 'info', 'warning', 'error']);

function isLogShape(event: ModuleEvent): boolean {
  return (
    (event.level === undefined || LEVELS.has(event.level)) &&
    isOptionalString(event.message) &&
    isOptionalTimestamp(event.timestamp)
  );
}

function isDataShape(event: ModuleEvent): boolean {
  return (
    isOptionalString(event.stream) &&
    isOptionalString(event.data) &&
    isOptionalTimestamp(event.timestamp)
  );
}

function isOptionalNumberIn(value: unknown, min: number, max: number): boolean {
  return (
    value === undefined ||
    (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max)
  );
}

function isOptionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

function isOptionalTimestamp(value: unknown): boolean {
  return value === undefined || isStringOrNumber(value);
}

function isStringOrNumber(value: unknown): boolean {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}
