// The tasks the live view shows: the latest progress of each, when it began and finished.
import { limitTasks } from './display-options.js';
import { mergeProgress, type ProgressFields } from './format.js';

export interface TaskState {
  readonly key: string;
  fields: ProgressFields;
  /** When the task's first event arrived (performance.now() milliseconds). */
  readonly startedAt: number;
  /** When the task reached 100%; undefined while it runs. */
  finishedAt: number | undefined;
}

/** The running tasks by key, in the order they first reported. */
export class TaskBoard {
  readonly #tasks = new Map<string, TaskState>();

  get size(): number {
    return this.#tasks.size;
  }

  /** Records an update; returns the task when this update is the one that finished it. */
  update(key: string, fields: ProgressFields, now: number): TaskState | undefined {
    const previous = this.#tasks.get(key);
    const task = previous ?? { key, fields, startedAt: now, finishedAt: undefined };
    task.fields = mergeProgress(previous?.fields, fields);
    this.#tasks.set(key, task);
    limitTasks(this.#tasks);

    const isDone = task.fields.percent !== undefined && task.fields.percent >= 100;
    if (!isDone) {
      task.finishedAt = undefined;
      return undefined;
    }

    if (task.finishedAt !== undefined) return undefined;

    task.finishedAt = now;
    return task;
  }

  /** Removes a finished task, unless it has started again since; whether it was removed. */
  retire(task: TaskState): boolean {
    if (task.finishedAt === undefined || this.#tasks.get(task.key) !== task) return false;

    this.#tasks.delete(task.key);
    return true;
  }

  /** The tasks, oldest first. */
  list(): TaskState[] {
    return [...this.#tasks.values()];
  }

  clear(): void {
    this.#tasks.clear();
  }
}
