// `ftl2/module`: what a module written for Node needs to talk to ftl2. Every write is
// synchronous, so events keep their order and none is lost when the module exits.
import { readFileSync, writeSync } from 'node:fs';

export type ModuleArgs = Record<string, unknown>;

let checkMode = false;

/** The module's params from the JSON document on stdin, without Ansible's `_ansible_*` keys. */
export function readArgs(): ModuleArgs {
  const text = readFileSync(0, 'utf8');
  const document =
    text.trim() === '' ? {} : (JSON.parse(text) as { ANSIBLE_MODULE_ARGS?: unknown });
  const args = (document.ANSIBLE_MODULE_ARGS ?? {}) as ModuleArgs;
  checkMode = args._ansible_check_mode === true;
  return Object.fromEntries(Object.entries(args).filter(([name]) => !name.startsWith('_ansible_')));
}

/** Whether ftl2 runs the module in check mode (`--check`); known once readArgs() ran. */
export function isCheckMode(): boolean {
  return checkMode;
}

/** Writes one event line on stderr; fields that are undefined are left out. */
export function emitEvent(event: string, fields: Record<string, unknown> = {}): void {
  const record = { event, ...fields, timestamp: fields.timestamp ?? Date.now() / 1000 };
  writeAll(2, `${JSON.stringify(record)}\n`);
}

export interface ProgressFields {
  percent?: number;
  message?: string;
  current?: number;
  total?: number;
  taskId?: string | number;
  /** `bytes` makes the displays show current and total as sizes. */
  unit?: string;
}

/** Progress of the work: a percent (0-100), or current and total, and a message. */
export function emitProgress(progress: ProgressFields): void {
  const { taskId, ...fields } = progress;
  const percent =
    fields.percent ??
    (fields.current !== undefined && fields.total
      ? Math.min(100, (100 * fields.current) / fields.total)
      : undefined);
  emitEvent('progress', { ...fields, percent, task_id: taskId });
}

/** A log line at a level: debug, info, warning or error. */
export function emitLog(
  message: string,
  level: 'debug' | 'info' | 'warning' | 'error' = 'info',
): void {
  emitEvent('log', { level, message });
}

/** A piece of output, such as a line a command printed. */
export function emitData(data: string, stream = 'stdout'): void {
  emitEvent('data', { stream, data });
}

/** Prints the result and ends the module with exit code 0. */
export function exitJson(result: Record<string, unknown> = {}): never {
  writeAll(1, `${JSON.stringify({ changed: false, ...result })}\n`);
  process.exit(0);
}

/** Prints a failed result with its message and ends the module with exit code 1. */
export function failJson(message: string, result: Record<string, unknown> = {}): never {
  writeAll(1, `${JSON.stringify({ ...result, failed: true, msg: message })}\n`);
  process.exit(1);
}

const pause = new Int32Array(new SharedArrayBuffer(4));

// Once Node has used process.stderr, fd 2 may be non-blocking: a write to a full pipe (ftl2
// pausing to let its own reader catch up) then fails with EAGAIN, or writes only part. So
// every byte is written, waiting a millisecond whenever the pipe is full.
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}
