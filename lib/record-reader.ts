// Reading an ftl2 NDJSON stream (docs/protocol.md) back into records, as the bytes arrive.
// This is the per-record hot path of `ftl2 render`: a cheap structural check, no zod. zod is
// loaded only to explain a record that fails the check, and it rejects everything the check
// rejects (a test holds them together).
import { LineSplitter } from './lines.js';
import { isPlainObject } from './plain-object.js';
import type { NdjsonRecord, ResultRecord, StartRecord, Status } from './protocol.js';
import { SCHEMA_VERSION } from './schema-version.js';

/** The longest record line read: a result carries up to 16 MiB of module output, re-encoded. */
const MAX_RECORD_LENGTH = 64 * 1024 * 1024;

/** A line that holds no valid record, or a record out of place; `lineNumber` counts from 1. */
export class RecordError extends Error {
  override readonly name = 'RecordError';
  readonly lineNumber: number;

  constructor(lineNumber: number, problem: string) {
    super(`line ${lineNumber} ${problem}`);
    this.lineNumber = lineNumber;
  }
}

/** Takes one record; a promise makes the reader wait before the next. */
export type RecordHandler = (record: NdjsonRecord, lineNumber: number) => unknown;

export interface ReadSummary {
  /** How many lines were read, blank ones included. */
  lineCount: number;
  /** Whether the last line, without a newline, held no record: the stream was cut in one. */
  isCut: boolean;
}

/**
 * Reads records from `input` and hands each on in order as soon as its line is complete.
 * Blank lines are skipped. Rejects with a RecordError at the first line that holds no valid
 * record, except a last line cut short, which the summary reports.
 */
export async function readRecords(
  input: AsyncIterable<Uint8Array>,
  onRecord: RecordHandler,
  waitForRoom: () => Promise<void> | undefined = () => undefined,
): Promise<ReadSummary> {
  let lines: { text: string; isTruncated: boolean }[] = [];
  const splitter = new LineSplitter((text, isTruncated) => {
    lines.push({ text, isTruncated });
  }, MAX_RECORD_LENGTH);
  let lineNumber = 0;
  const takeLines = async (): Promise<void> => {
    const taken = lines;
    lines = [];
    for (const { text, isTruncated } of taken) {
      lineNumber += 1;
      if (isTruncated) throw new RecordError(lineNumber, 'is longer than 64 MiB');
      if (text.trim() === '') continue;

      const record = parseRecordLine(text);
      if (record === undefined) throw new RecordError(lineNumber, await explainBadLine(text));

      const pending = onRecord(record, lineNumber);
      if (pending instanceof Promise) await pending;
    }
  };

  for await (const chunk of input) {
    splitter.push(chunk);
    await takeLines();
    await waitForRoom();
  }

  splitter.end();
  // What end() hands on is a last line without a newline; one that holds no record was cut.
  const last = lines.at(-1);
  if (last !== undefined && last.text.trim() !== '' && parseRecordLine(last.text) === undefined) {
    return { lineCount: lineNumber + 1, isCut: true };
  }

  await takeLines();
  return { lineCount: lineNumber, isCut: false };
}

/** The record a line holds, or undefined when it holds none (explainBadLine says why). */
export function parseRecordLine(line: string): NdjsonRecord | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Why a line holds no valid record, as the end of a sentence that begins `line N`. */
export async function explainBadLine(line: string): Promise<string> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `is not JSON (${(error as Error).message})`;
  }

  return `is not an ftl2 record: ${await describeProblem(value)}`;
}

/** Whether a parsed line has the fields a record of its type must have, with their types. */
export function isRecord(value: unknown): value is NdjsonRecord {
  if (!isPlainObject(value)) return false;

  const record = value;
  if (!isCount(record.seq) || typeof record.time !== 'string') return false;

  switch (record.type) {
    case 'event':
      return typeof record.event === 'string';
    case 'stderr':
      return (
        typeof record.line === 'string' &&
        (record.truncated === undefined || typeof record.truncated === 'boolean')
      );
    case 'start':
      return isStartShape(record);
    case 'result':
      return isResultShape(record);
    default:
      return false;
  }
}

function isStartShape(record: Record<string, unknown>): boolean {
  const fields = record as Partial<Record<keyof StartRecord, unknown>>;
  return (
    fields.schema === SCHEMA_VERSION &&
    typeof fields.module === 'string' &&
    isStringOrNull(fields.fqcn) &&
    isStringOrNull(fields.path) &&
    (fields.pid === null || Number.isInteger(fields.pid)) &&
    isStringList(fields.params)
  );
}

// Keyed by Status, so TypeScript fails here when a status is added in protocol.ts.
const STATUS_NAMES: Record<Status, true> = {
  ok: true,
  failed: true,
  timeout: true,
  interrupted: true,
  invalid_output: true,
  not_found: true,
  error: true,
};

function isResultShape(record: Record<string, unknown>): boolean {
  const fields = record as Partial<Record<keyof ResultRecord, unknown>>;
  return (
    typeof fields.status === 'string' &&
    Object.hasOwn(STATUS_NAMES, fields.status) &&
    typeof fields.success === 'boolean' &&
    typeof fields.changed === 'boolean' &&
    (fields.rc === null || Number.isInteger(fields.rc)) &&
    isStringOrNull(fields.signal) &&
    (fields.output === null || isPlainObject(fields.output)) &&
    isStringOrNull(fields.error) &&
    isStringList(fields.warnings) &&
    typeof fields.duration_ms === 'number' &&
    fields.duration_ms >= 0 &&
    isCount(fields.events) &&
    (fields.exit_code === undefined || (isCount(fields.exit_code) && fields.exit_code <= 255))
  );
}

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

function isStringOrNull(value: unknown): boolean {
  return value === null || typeof value === 'string';
}

function isStringList(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

// zod is loaded only here, once, for the line that stops the reading.
async function describeProblem(value: unknown): Promise<string> {
  if (!isPlainObject(value)) {
    return `a JSON ${Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value}`;
  }

  const { describeRecordProblem } = await import('./protocol.js');
  return describeRecordProblem(value) ?? 'fields of the wrong type';
}
