// The options both displays take, and their defaults.
import { createStyle, type Style } from './color.js';
import {
  type DataFields,
  getTaskKey,
  type LogFields,
  type ProgressFields,
  readData,
  readLog,
  readProgress,
  shouldShowLog,
} from './format.js';
import type { ModuleEvent } from './protocol.js';
import { type DisplayStream, shouldUseColor } from './terminal.js';

export interface DisplayOptions {
  /** Where the display writes; process.stderr by default, so stdout stays for results. */
  stream?: DisplayStream;
  /** Show debug logs, and data events unless `showData` says otherwise. */
  verbose?: boolean;
  /** Show data events; by default only when `verbose`. */
  showData?: boolean;
  /** Color the output; by default per NO_COLOR, FORCE_COLOR and whether the stream can. */
  color?: boolean;
}

export interface DisplaySettings {
  stream: DisplayStream;
  isVerbose: boolean;
  shouldShowData: boolean;
  style: Style;
}

/** The options with every default filled in. */
export function resolveDisplayOptions(options: DisplayOptions): DisplaySettings {
  const stream = options.stream ?? process.stderr;
  const isVerbose = options.verbose ?? false;
  return {
    stream,
    isVerbose,
    shouldShowData: options.showData ?? isVerbose,
    style: createStyle(options.color ?? shouldUseColor(stream)),
  };
}

/**
 * The most tasks a display keeps track of. A module may invent a task id per event; past
 * this many, the task that first reported earliest is forgotten, so memory stays bounded.
 */
const MAX_TRACKED_TASKS = 1000;

/** Forgets the earliest task of `tasks` once it holds more than MAX_TRACKED_TASKS. */
export function limitTasks(tasks: Map<string, unknown>): void {
  if (tasks.size <= MAX_TRACKED_TASKS) return;

  const oldest = tasks.keys().next();
  if (oldest.done !== true) tasks.delete(oldest.value);
}

/** A task id as the displays key it: ids may be numbers, as in Python modules. */
export type TaskId = string | number;

/** What a display does with each kind of event it shows, read, with the key of its task. */
export interface EventHandlers {
  progress(fields: ProgressFields, key: string): void;
  log(log: LogFields, key: string): void;
  data(data: DataFields, key: string): void;
}

/**
 * Reads an event and hands it, with its task's key, to the handler for its kind: debug logs
 * only when verbose, data only when asked; kinds no display shows are passed over.
 */
export function dispatchEvent(
  event: ModuleEvent,
  taskId: TaskId | undefined,
  settings: DisplaySettings,
  handlers: EventHandlers,
): void {
  const callerId = taskId === undefined ? undefined : String(taskId);
  switch (event.event) {
    case 'progress': {
      const fields = readProgress(event);
      handlers.progress(fields, getTaskKey(callerId, fields.taskId));
      return;
    }
    case 'log': {
      const log = readLog(event);
      if (shouldShowLog(log.level, settings.isVerbose)) {
        handlers.log(log, getTaskKey(callerId, log.taskId));
      }
      return;
    }
    case 'data': {
      if (!settings.shouldShowData) return;

      const data = readData(event);
      handlers.data(data, getTaskKey(callerId, data.taskId));
    }
  }
}
