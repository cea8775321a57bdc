// Replaying a run's records into a renderer, as `ftl2 exec` drives it while the module runs:
// start, then each event and stderr line as it arrives, then the result. One event model,
// any renderer: the view of a saved run is the view of the live one.

import { getExitCode } from './exit-code.js';
import type {
  EventRecord,
  ModuleEvent,
  NdjsonRecord,
  ResultRecord,
  StartRecord,
} from './protocol.js';
import { RecordError } from './record-reader.js';
import type { Renderer } from './renderer.js';
import type { ExecutionResult } from './run-types.js';
import { StderrTail } from './stderr-tail.js';

/** What is wrong with a line after the result record. */
export const AFTER_RESULT = 'comes after the result record: render shows one run';

/** Makes the renderer for a run once its start record says which module ran. */
export type RendererFactory = (start: StartRecord) => Promise<Renderer>;

/** Drives a renderer from one run's records, checking that they come in a run's order. */
export class RunReplay {
  readonly #createRenderer: RendererFactory;
  readonly #stderrTail = new StderrTail();
  #start: StartRecord | undefined;
  #renderer: Renderer | undefined;
  #exitCode: number | undefined;

  constructor(createRenderer: RendererFactory) {
    this.#createRenderer = createRenderer;
  }

  /** Whether a start record has been seen. */
  get hasStarted(): boolean {
    return this.#start !== undefined;
  }

  /** The run's exit code, once its result record has been shown. */
  get exitCode(): number | undefined {
    return this.#exitCode;
  }

  /** Shows one record; throws a RecordError for a record out of a run's order. */
  take(record: NdjsonRecord, lineNumber: number): Promise<void> | undefined {
    if (this.#exitCode !== undefined) {
      throw new RecordError(lineNumber, AFTER_RESULT);
    }

    if (record.type === 'start') return this.#begin(record, lineNumber);

    const renderer = this.#renderer;
    if (renderer === undefined) {
      const article = record.type === 'event' ? 'an' : 'a';
      throw new RecordError(lineNumber, `is ${article} ${record.type} record before the start`);
    }

    switch (record.type) {
      case 'event':
        // The line is the record's, not the module's: it is not passed on as the event's text.
        renderer.onEvent?.(toModuleEvent(record));
        return undefined;
      case 'stderr':
        this.#stderrTail.push(record.line);
        renderer.onStderr?.(record.line, record.truncated === true);
        return undefined;
      case 'result':
        this.#finish(renderer, record);
        return undefined;
    }
  }

  /** Asks the renderer whether it has room for more, as exec does after each chunk read. */
  waitForRoom(): Promise<void> | undefined {
    return this.#renderer?.waitForRoom?.();
  }

  /** Ends any live output; safe to call at any point, and more than once. */
  stop(): void {
    this.#renderer?.stop?.();
  }

  /** Stops writing to stdout, whose reader has gone. */
  close(): void {
    this.#renderer?.close();
  }

  async #begin(record: StartRecord, lineNumber: number): Promise<void> {
    if (this.#start !== undefined) {
      throw new RecordError(lineNumber, 'is a second start record: render shows one run');
    }

    this.#start = record;
    this.#renderer = await this.#createRenderer(record);
    const { module, fqcn, path, pid, params } = record;
    this.#renderer.onStart?.({ module, fqcn, path, pid, params });
  }

  #finish(renderer: Renderer, record: ResultRecord): void {
    const result = toExecutionResult(this.#start as StartRecord, record, this.#stderrTail.text());
    this.#exitCode = record.exit_code ?? getExitCode(result);
    // Both views end their live output first themselves.
    renderer.writeResult(result, this.#exitCode);
  }
}

/** The event as the module sent it: the record without its envelope. */
function toModuleEvent(record: EventRecord): ModuleEvent {
  const { type: _type, seq: _seq, time: _time, ...event } = record;
  return event;
}

function toExecutionResult(
  start: StartRecord,
  record: ResultRecord,
  stderr: string,
): ExecutionResult {
  return {
    module: start.module,
    fqcn: start.fqcn,
    path: start.path,
    status: record.status,
    success: record.success,
    changed: record.changed,
    output: record.output,
    error: record.error,
    returnCode: record.rc,
    signal: record.signal as NodeJS.Signals | null,
    stdout: '',
    stderr,
    events: [],
    eventCount: record.events,
    warnings: record.warnings,
    durationMs: record.duration_ms,
  };
}
