// Starting one module process: in its own process group, never through a shell, with its
// stdin document. What happens while it runs (stdout collected, stderr split into lines as
// bytes arrive, timeouts, interrupts, flow control) is in child-run.ts.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { ChildRun } from './child-run.js';
import type { LaunchPlan } from './launch.js';

export interface ChildHandlers {
  onSpawn(pid: number | undefined): void;
  onLine(line: string, truncated: boolean): void;
  /** Called after each chunk of stderr; a promise pauses reading until it settles. */
  waitForRoom(): Promise<void> | undefined;
}

export interface ChildControl {
  cwd: string;
  /** Seconds; the group gets SIGTERM then SIGKILL when it runs longer. */
  timeout: number | undefined;
  signal: AbortSignal | undefined;
}

export interface ChildExit {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stdoutOverflow: boolean;
  /** Set when the process could not be started at all. */
  spawnError: NodeJS.ErrnoException | undefined;
  timedOutAfter: number | undefined;
  interruptedBy: NodeJS.Signals | undefined;
}

/** Starts the plan's process and resolves when it has exited and its pipes are drained. */
export function runChild(
  plan: LaunchPlan,
  handlers: ChildHandlers,
  control: ChildControl,
): Promise<ChildExit> {
  return new Promise((resolvePromise) => {
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawn(plan.command, plan.args, {
        cwd: control.cwd,
        env: plan.env,
        detached: true,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
    } catch (error) {
      // Most failures come as an 'error' event, but some (ENOTDIR, ELOOP) are thrown.
      handlers.onSpawn(undefined);
      resolvePromise(getSpawnFailure(error as NodeJS.ErrnoException));
      return;
    }

    const run = new ChildRun(child, handlers, control, resolvePromise);
    run.start(plan.stdin);
  });
}

function getSpawnFailure(spawnError: NodeJS.ErrnoException): ChildExit {
  return {
    exitCode: null,
    signal: null,
    stdout: '',
    stdoutOverflow: false,
    spawnError,
    timedOutAfter: undefined,
    interruptedBy: undefined,
  };
}
