// The `--json` renderer: one record per line (DESIGN.md §3). Records are batched into one
// write per chunk the module sent, and a full pipe makes the module wait.
import type { Writable } from 'node:stream';
import { waitIfFull } from './command-output.js';
import type { ModuleEvent } from './protocol.js';
import type { ExecutionResult, RunObserver, StartInfo } from './run-types.js';
import { SCHEMA_VERSION } from './schema-version.js';

const FLUSH_SIZE = 64 * 1024;

export class NdjsonWriter implements RunObserver {
  readonly #out: Writable;
  #seq = 0;
  #buffer = '';
  #isFlushScheduled = false;
  #isClosed = false;
  #lastMillisecond = -1;
  #lastTime = '';

  constructor(out: Writable) {
    this.#out = out;
  }

  onStart(start: StartInfo): void {
    this.#push(
      JSON.stringify({
        ...this.#envelope('start'),
        schema: SCHEMA_VERSION,
        module: start.module,
        fqcn: start.fqcn,
        path: start.path,
        pid: start.pid,
        params: start.params,
      }),
    );
  }

  onEvent(event: ModuleEvent, line?: string): void {
    const seq = this.#seq++;
    const time = this.#now();
    const hasEnvelopeField =
      Object.hasOwn(event, 'type') || Object.hasOwn(event, 'seq') || Object.hasOwn(event, 'time');
    if (line !== undefined && !hasEnvelopeField) {
      // The line parsed as this very object, so its text can follow the envelope as it is.
      const text = line.trim();
      this.#push(`{"type":"event","seq":${seq},"time":"${time}",${text.slice(1)}`);
      return;
    }

    // A field that would override the envelope is dropped; the record stays what it says.
    const fields = Object.entries(event).filter(([name]) => !ENVELOPE_FIELDS.has(name));
    const record = Object.fromEntries([['type', 'event'], ['seq', seq], ['time', time], ...fields]);
    try {
      this.#push(JSON.stringify(record));
    } catch {
      // Nested too deeply for JSON.stringify: the line is kept as text, so nothing is lost.
      this.#push(JSON.stringify({ type: 'stderr', seq, time, line: line ?? '' }));
    }
  }

  onStderr(line: string, truncated: boolean): void {
    const record = { ...this.#envelope('stderr'), line, ...(truncated ? { truncated } : {}) };
    this.#push(JSON.stringify(record));
  }

  /** Writes the result record; `exitCode` is the code ftl2 exits with for the run. */
  writeResult(result: ExecutionResult, exitCode: number): void {
    this.#push(
      JSON.stringify({
        ...this.#envelope('result'),
        status: result.status,
        success: result.success,
        changed: result.changed,
        rc: result.returnCode,
        signal: result.signal,
        output: result.output,
        error: result.error,
        warnings: result.warnings,
        duration_ms: result.durationMs,
        events: result.eventCount,
        exit_code: exitCode,
      }),
    );
    this.flush();
  }

  waitForRoom(): Promise<void> | undefined {
    this.flush();
    return this.#isClosed ? undefined : waitIfFull(this.#out);
  }

  /** Stops writing, for when the reader has gone (EPIPE). */
  close(): void {
    this.#isClosed = true;
    this.#buffer = '';
  }

  flush(): void {
    if (this.#isClosed || this.#buffer === '') return;

    const text = this.#buffer;
    this.#buffer = '';
    this.#out.write(text);
  }

  #push(record: string): void {
    if (this.#isClosed) return;

    this.#buffer += `${record}\n`;
    if (this.#buffer.length >= FLUSH_SIZE) {
      this.flush();
      return;
    }

    if (this.#isFlushScheduled) return;

    this.#isFlushScheduled = true;
    process.nextTick(() => {
      this.#isFlushScheduled = false;
      this.flush();
    });
  }

  #envelope(type: string): { type: string; seq: number; time: string } {
    return { type, seq: this.#seq++, time: this.#now() };
  }

  // Many records share a millisecond; formatting the time once per millisecond is enough.
  #now(): string {
    const millisecond = Date.now();
    if (millisecond !== this.#lastMillisecond) {
      this.#lastMillisecond = millisecond;
      this.#lastTime = new Date(millisecond).toISOString();
    }

    return this.#lastTime;
  }
}

const ENVELOPE_FIELDS: ReadonlySet<string> = new Set(['type', 'seq', 'time']);
