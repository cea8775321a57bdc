// The display for logs and pipes: no animation, a line each time a task crosses a 10% step,
// and `[LEVEL] message` for logs. Nothing here moves the cursor.
import { getLevelPaint, type Style } from './color.js';
import {
  type DisplayOptions,
  type DisplaySettings,
  dispatchEvent,
  type EventHandlers,
  limitTasks,
  resolveDisplayOptions,
  type TaskId,
} from './display-options.js';
import {
  type DataFields,
  formatAmount,
  type LogFields,
  mergeProgress,
  type ProgressFields,
  toDisplayText,
} from './format.js';
import type { ModuleEvent } from './protocol.js';

/** Writes events as plain lines, one per 10% step of each task. */
export class SimpleEventDisplay {
  readonly #settings: DisplaySettings;
  readonly #handlers: EventHandlers = {
    progress: (fields, key) => this.#handleProgress(fields, key),
    log: (log, key) => this.#handleLog(log, key),
    data: (data, key) => this.#handleData(data, key),
  };
  /** Each task's progress so far, and the 10% step it was last shown at (-1: no percent). */
  readonly #tasks = new Map<string, { fields: ProgressFields; shownStep: number }>();

  constructor(options: DisplayOptions = {}) {
    this.#settings = resolveDisplayOptions(options);
  }

  /** Shows what the event says, if it is worth a line; `taskId` overrides the event's. */
  handleEvent(event: ModuleEvent, taskId?: TaskId): void {
    dispatchEvent(event, taskId, this.#settings, this.#handlers);
  }

  /** An event callback for one task, for `executeLocalStreaming`'s `eventCallback`. */
  makeCallback(taskId: TaskId): (event: ModuleEvent) => void {
    return (event) => this.handleEvent(event, taskId);
  }

  #handleProgress(update: ProgressFields, key: string): void {
    const known = this.#tasks.get(key);
    const shownStep = known?.shownStep;
    const fields = mergeProgress(known?.fields, update);
    const step = fields.percent === undefined ? -1 : Math.floor(fields.percent / 10);
    const isNewStep = shownStep === undefined || (step !== -1 && step !== shownStep);
    this.#tasks.set(key, { fields, shownStep: isNewStep ? step : shownStep });
    limitTasks(this.#tasks);
    if (!isNewStep) return;

    const line = formatProgressLine(key, fields, this.#settings.style);
    if (line !== '') this.#write(line);
  }

  #handleLog(log: LogFields, key: string): void {
    const { style } = this.#settings;
    const tag = getLevelPaint(style, log.level)(`[${log.level.toUpperCase()}]`);
    const label = formatLabel(key, style);
    const message = toDisplayText(log.message);
    this.#write([tag, label, message].filter((part) => part !== '').join(' '));
  }

  #handleData(data: DataFields, key: string): void {
    const { style } = this.#settings;
    const label = formatLabel(key, style);
    const prefix = [style.dim(`[${toDisplayText(data.stream)}]`), label].filter(Boolean).join(' ');
    for (const line of data.lines) this.#write(`${prefix} ${toDisplayText(line)}`);
  }

  #write(line: string): void {
    this.#settings.stream.write(`${line}\n`);
  }
}

function formatLabel(key: string, style: Style): string {
  return key === '' ? '' : style.cyan(`[${toDisplayText(key)}]`);
}

function formatProgressLine(key: string, fields: ProgressFields, style: Style): string {
  const amount = formatAmount(fields);
  const parts = [
    formatLabel(key, style),
    fields.percent === undefined ? '' : style.bold(`${Math.floor(fields.percent)}%`),
    toDisplayText(fields.message),
    amount === '' ? '' : style.dim(`(${amount})`),
  ];
  return parts.filter((part) => part !== '').join(' ');
}
