// The live view: a spinner line per running task, redrawn in place, with logs printed above.
// Events only update state; a timer redraws at the spinner's pace, so a module that sends
// 100k events costs a dozen writes a second. Off a terminal it writes what
// SimpleEventDisplay writes.
import { performance } from 'node:perf_hooks';
import ora from 'ora';
import type { Style } from './color.js';
import {
  type DisplayOptions,
  type DisplaySettings,
  resolveDisplayOptions,
  type TaskId,
} from './display-options.js';
import {
  getTaskKey,
  readData,
  readLog,
  readProgress,
  shouldShowLog,
  toDisplayText,
} from './format.js';
import { LiveRegion } from './live-region.js';
import { TaskBoard, type TaskState } from './progress-state.js';
import type { LogLevel, ModuleEvent } from './protocol.js';
import { SimpleEventDisplay } from './simple-display.js';
import { formatTaskLine, getTaskTitle } from './task-line.js';
import { getTerminalSize, isInteractive } from './terminal.js';
import { getTextWidth } from './text-width.js';

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
    const lines = this.#takePending();
    const now = performance.now();
    for (const task of this.#tasks.list()) lines.push(this.#formatDone(task, now));
    this.#tasks.clear();
    this.#region.close(lines);
  }

  [Symbol.dispose](): void {
    this.stop();
  }

  /** Takes in one event; `taskId` overrides the event's own `task_id`. Never writes. */
  handleEvent(event: ModuleEvent, taskId?: TaskId): void {
    if (this.#plain !== undefined) {
      this.#plain.handleEvent(event, taskId);
      return;
    }

    const callerId = taskId === undefined ? undefined : String(taskId);
    switch (event.event) {
      case 'progress':
        this.#handleProgress(event, callerId);
        return;
      case 'log':
        this.#handleLog(event, callerId);
        return;
      case 'data':
        this.#handleData(event, callerId);
        return;
    }
  }

  /** An event callback for one task, for `executeLocalStreaming`'s `eventCallback`. */
  makeCallback(taskId: TaskId): (event: ModuleEvent) => void {
    return (event) => this.handleEvent(event, taskId);
  }

  #handleProgress(event: ModuleEvent, callerId: string | undefined): void {
    const fields = readProgress(event);
    const key = getTaskKey(callerId, fields.taskId);
    const finished = this.#tasks.update(key, fields, performance.now());
    if (finished !== undefined) this.#enqueue(finished);
  }

  #handleLog(event: ModuleEvent, callerId: string | undefined): void {
    const log = readLog(event);
    if (!shouldShowLog(log.level, this.#settings.isVerbose)) return;

    const label = getTaskKey(callerId, log.taskId);
    const text = toDisplayText(label === '' ? log.message : `${label}: ${log.message}`);
    this.#enqueue(formatLogLine(log.level, text, this.#settings.style));
  }

  #handleData(event: ModuleEvent, callerId: string | undefined): void {
    if (!this.#settings.shouldShowData) return;

    const data = readData(event);
    const label = getTaskKey(callerId, data.taskId);
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

  #takePending(): string[] {
    const now = performance.now();
    const lines: string[] = [];
    for (const entry of this.#pending) {
      if (typeof entry === 'string') lines.push(entry);
      else if (this.#tasks.retire(entry)) lines.push(this.#formatDone(entry, now));
    }

    this.#pending = [];
    return lines;
  }

  #render(): void {
    const above = this.#takePending();
    const now = performance.now();
    const frame = this.#settings.style.cyan(
      this.#frames[this.#frameIndex % this.#frames.length] ?? '',
    );
    this.#frameIndex += 1;
    const tasks = this.#tasks.size > 0 ? this.#tasks.list() : this.#getIdleTasks();
    this.#region.draw(above, this.#formatTasks(tasks, frame, now));
  }

  // The idle line is drawn as a task that never finishes and is never left on screen.
  #getIdleTasks(): TaskState[] {
    if (this.#idleMessage === undefined) return [];

    const fields = { ...readProgress({ event: 'progress' }), message: this.#idleMessage };
    return [{ key: '', fields, startedAt: this.#startedAt, finishedAt: undefined }];
  }

  #formatTasks(tasks: TaskState[], frame: string, now: number): string[] {
    const { stream, style } = this.#settings;
    const { columns, rows } = getTerminalSize(stream);
    const width = Math.max(1, columns - 1);
    const room = Math.max(1, rows - 1);
    const shown = tasks.length > room ? tasks.slice(0, room - 1) : tasks;
    const titleWidth = Math.max(0, ...shown.map((task) => getTextWidth(getTaskTitle(task))));
    const lines = shown.map((task) =>
      formatTaskLine(task, { symbol: frame, now, width, titleWidth, style }),
    );
    if (shown.length < tasks.length) {
      lines.push(style.dim(`  … and ${tasks.length - shown.length} more tasks`));
    }

    return lines;
  }

  #formatDone(task: TaskState, now: number): string {
    const { stream, style } = this.#settings;
    const symbol = task.finishedAt === undefined ? style.yellow('-') : style.green('✔');
    const width = Math.max(1, getTerminalSize(stream).columns - 1);
    const titleWidth = getTextWidth(getTaskTitle(task));
    return formatTaskLine(task, { symbol, now, width, titleWidth, style });
  }
}

const LOG_SYMBOLS: Record<LogLevel, (style: Style) => string> = {
  debug: (style) => style.dim('·'),
  info: (style) => style.blue('ℹ'),
  warning: (style) => style.yellow('⚠'),
  error: (style) => style.red('✖'),
};

/** A log line of the live view: a symbol for the level, then the text; warnings and errors colored. */
function formatLogLine(level: LogLevel, text: string, style: Style): string {
  const symbol = LOG_SYMBOLS[level](style);
  if (level === 'warning') return `${symbol} ${style.yellow(text)}`;
  if (level === 'error') return `${symbol} ${style.red(text)}`;
  if (level === 'debug') return `${symbol} ${style.dim(text)}`;
  return `${symbol} ${text}`;
}
