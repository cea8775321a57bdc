// The human view of one run, as plain text: event lines on stderr while the module works,
// then a status line, and the module's output on stdout.
import type { Writable } from 'node:stream';
import { isLogEvent, isProgressEvent } from './events.js';
import type { ExecutionResult, RunObserver } from './execute.js';
import type { ModuleEvent } from './protocol.js';

export interface HumanStreams {
  stdout: Writable;
  stderr: Writable;
}

export class PlainRenderer implements RunObserver {
  readonly #streams: HumanStreams;
  readonly #lastStep = new Map<string, number>();
  #isStdoutClosed = false;

  constructor(streams: HumanStreams) {
    this.#streams = streams;
  }

  onEvent(event: ModuleEvent): void {
    if (isLogEvent(event)) {
      this.#streams.stderr.write(
        `[${(event.level ?? 'info').toUpperCase()}] ${event.message ?? ''}\n`,
      );
      return;
    }

    if (!isProgressEvent(event)) return;

    const percent = getPercent(event.percent, event.current, event.total);
    if (percent === undefined) return;

    const task = String(event.task_id ?? '');
    const step = Math.floor(percent / 10);
    if (this.#lastStep.get(task) === step) return;

    this.#lastStep.set(task, step);
    const label = task === '' ? '' : `[${task}] `;
    this.#streams.stderr.write(`${label}${Math.round(percent)}% ${event.message ?? ''}\n`);
  }

  onStderr(line: string): void {
    this.#streams.stderr.write(`${line}\n`);
  }

  writeResult(result: ExecutionResult): void {
    const { stderr, stdout } = this.#streams;
    for (const warning of result.warnings) stderr.write(`[WARNING] ${warning}\n`);
    stderr.write(`${formatStatusLine(result)}\n`);
    if (result.error !== null) stderr.write(`error: ${result.error}\n`);
    if (result.output !== null && !this.#isStdoutClosed) {
      stdout.write(`${JSON.stringify(result.output, null, 2)}\n`);
    }
  }

  close(): void {
    this.#isStdoutClosed = true;
  }
}

function getPercent(
  percent: number | undefined,
  current: number | undefined,
  total: number | undefined,
): number | undefined {
  if (percent !== undefined) return percent;
  if (current === undefined || total === undefined || total === 0) return undefined;
  return Math.min(100, (current / total) * 100);
}

const SYMBOLS: Record<string, string> = { ok: '✔', failed: '✖', timeout: '⏱', interrupted: '⚠' };

/** `✔ ref ok, changed, 1.2s`: how a run ended, in one line. */
export function formatStatusLine(result: ExecutionResult): string {
  const symbol = SYMBOLS[result.status] ?? '✖';
  const changed = result.changed ? 'changed' : 'unchanged';
  const seconds = (result.durationMs / 1000).toFixed(1);
  return `${symbol} ${result.module} ${result.status}, ${changed}, ${seconds}s`;
}
