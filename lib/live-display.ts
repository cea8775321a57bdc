// The live view: a spinner line per running task, redrawn in place, with logs printed above.
// Events only update state; a timer redraws at the spinner's pace, so a module that sends
// 100k events costs a dozen writes a second. Off a terminal it writes what
// SimpleEventDisplay writes.
import { performance } from 'node:perf_hooks';
import ora from 'ora';
import {
  type DisplayOptions,
  type DisplaySettings,
  dispatchEvent,
  type EventHandlers,
  resolveDisplayOptions,
  type TaskId,
} from './display-options.js';
import {
  type DataFields,
  type LogFields,
  type ProgressFields,
  readProgress,
  toDisplayText,
} from './format.js';
import { formatLastLine, formatLogLine, formatTaskLines, type ScreenLayout } from './live-lines.js';
import { LiveRegion } from './live-region.js';
import { TaskBoard, type TaskState } from './progress-state.js';
import type { ModuleEvent } from './protocol.js';
import { SimpleEventDisplay } from './simple-display.js';
import { getTerminalSize, isInteractive } from './terminal.js';

export interface LiveDisplayOptions extends DisplayOptions {
  /** Redraw in place; by default when the stream is a TTY, `TERM` is not dumb and not in CI. */
  animate?: boolean;
  /** Milliseconds between redraws; by default the spinner's own (80 for ora's dots). */
  interval?: number;
  /** Shown with a spinner while no task reports progress, such as `running step_counter`. */
  idleMessage?: string;
}

/** A pending permanent line: text, or a task that finished and leaves the live lines. */
type Entry = string | TaskState;

/** Shows the progress of one or many tasks as spinner lines, and logs above them. */
export class EventProgressDisplay implements Disposable {
  readonly #settings: DisplaySettings;
  readonly #handlers: EventHandlers = {
    progress: (fields, key) => this.#handleProgress(fields, key),
    log: (log, key) => this.#handleLog(log, key),
    data: (data, key) => this.#handleData(data, key),
  };
  readonly #plain: SimpleEventDisplay | undefined;
  readonly #frames: string[];
  readonly #interval: number;
  readonly #region: LiveRegion;
  readonly #tasks = new TaskBoard();
  readonly #idleMessage: string | undefined;
  #startedAt = 0;
  #pending: Entry[] = [];
  #timer: NodeJS.Timeout | undefined;
  #frameIndex = 0;

  constructor(options: LiveDisplayOptions = {}) {
    this.#settings = resolveDisplayOptions(options);
    const { stream } = this.#settings;
    const animate = options.animate ?? isInteractive(stream);
    this.#plain = animate ? undefined : new SimpleEventDisplay(options);
    // ora picks the spinner: dots, or a plain line where the terminal lacks Unicode.
    const spinner = ora({ stream, isEnabled: false, discardStdin: false }).spinner;
    this.#frames = spinner.frames;
    this.#interval = options.interval ?? spinner.interval ?? 80;
    this.#region = new LiveRegion(stream);
    this.#idleMessage = options.idleMessage;
  }

  /** Starts redrawing; safe to call twice. */
  start(): this {
    if (this.#plain !== undefined || this.#timer !== undefined) return this;

    this.#startedAt = performance.now();
    this.#region.open();
    this.#timer = setInterval(() => this.#render(), this.#interval);
    // An unstopped display must not keep the process alive; 'exit' restores the cursor.
    this.#timer.unref();
    this.#render();
    return this;
  }

  /** Stops redrawing, leaves each task's last line on screen, and shows the cursor. */
  stop(): void {
    if (this.#timer === undefined) return;

    clearInterval(this.#timer);
    this.#timer = undefined;
    const layout = this.#getLayout();
    const lines = this.#takePending(layout);
    for (const task of this.#tasks.list()) lines.push(formatLastLine(task, layout));
    this.#tasks.clear();
    this.#region.close(lines);
  }

  [Symbol.dispose](): void {
    this.stop();
  }

  /** Takes in one event; `taskId` overrides the event's `task_id`. Running, it only records. */
  handleEvent(event: ModuleEvent, taskId?: TaskId): void {
    if (this.#plain !== undefined) {
      this.#plain.handleEvent(event, taskId);
      return;
    }

    dispatchEvent(event, taskId, this.#settings, this.#handlers);
  }

  /** An event callback for one task, for `executeLocalStreaming`'s `eventCallback`. */
  makeCallback(taskId: TaskId): (event: ModuleEvent) => void {
    return (event) => this.handleEvent(event, taskId);
  }

  #handleProgress(fields: ProgressFields, key: string): void {
    const finished = this.#tasks.update(key, fields, performance.now());
    if (finished !== undefined) this.#enqueue(finished);
  }

  #handleLog(log: LogFields, label: string): void {
    const text = toDisplayText(label === '' ? log.message : `${label}: ${log.message}`);
    this.#enqueue(formatLogLine(log.level, text, this.#settings.style));
  }

  #handleData(data: DataFields, label: string): void {
    const prefix = toDisplayText(label === '' ? `[${data.stream}]` : `[${data.stream}] ${label}:`);
    for (const line of data.lines)
      this.#enqueue(this.#settings.style.dim(`${prefix} ${toDisplayText(line)}`));
  }

  // While stopped, a line goes out at once; while running, with the next redraw.
  #enqueue(entry: Entry): void {
    this.#pending.push(entry);
    if (this.#timer === undefined) {
      const lines = this.#takePending();
      if (lines.length > 0) this.#settings.stream.write(`${lines.join('\n')}\n`);
    }
  }

  // The layout is measured only when a finished task is among the lines.
  #takePending(known?: ScreenLayout): string[] {
    let layout = known;
    const lines: string[] = [];
    for (const entry of this.#pending) {
      if (typeof entry === 'string') {
        lines.push(entry);
      } else if (this.#tasks.retire(entry)) {
        layout ??= this.#getLayout();
        lines.push(formatLastLine(entry, layout));
      }
    }

    this.#pending = [];
    return lines;
  }

  #render(): void {
    const layout = this.#getLayout();
    const above = this.#takePending(layout);
    const frame = this.#settings.style.cyan(
      this.#frames[this.#frameIndex % this.#frames.length] ?? '',
    );
    this.#frameIndex += 1;
    const tasks = this.#tasks.size > 0 ? this.#tasks.list() : this.#getIdleTasks();
    this.#region.draw(above, formatTaskLines(tasks, frame, layout));
  }

  // The idle line is drawn as a task that never finishes and is never left on screen.
  #getIdleTasks(): TaskState[] {
    if (this.#idleMessage === undefined) return [];

    const fields = { ...readProgress({ event: 'progress' }), message: this.#idleMessage };
    return [{ key: '', fields, startedAt: this.#startedAt, finishedAt: undefined }];
  }

  #getLayout(): ScreenLayout {
    const { columns, rows } = getTerminalSize(this.#settings.stream);
    return { now: performance.now(), columns, rows, style: this.#settings.style };
  }
}
