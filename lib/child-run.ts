// One module process while it runs: its pipes read, the linger after it exits, and the
// stopping of its whole process group on a timeout or an interrupt.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { CappedOutput } from './capped-output.js';
import type { ChildControl, ChildExit, ChildHandlers } from './child.js';
import { LineSplitter } from './lines.js';

/** How long a module gets after SIGTERM or SIGINT before its process group is killed. */
const KILL_GRACE_MS = 1000;

// How long ftl2 keeps reading after the module exited when something it started still holds
// the pipes open and writes nothing.
const LINGER_MS = 500;

export class ChildRun {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #handlers: ChildHandlers;
  readonly #control: ChildControl;
  readonly #finish: (exit: ChildExit) => void;
  readonly #splitter: LineSplitter;
  readonly #stdout = new CappedOutput();
  #openStreams = 2;
  #exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  #spawnError: NodeJS.ErrnoException | undefined;
  #timedOutAfter: number | undefined;
  #interruptedBy: NodeJS.Signals | undefined;
  #timers: NodeJS.Timeout[] = [];
  #lingerTimer: NodeJS.Timeout | undefined;
  #isFinished = false;
  #onAbort = (): void => this.interrupt(getSignalName(this.#control.signal?.reason));

  constructor(
    child: ChildProcessWithoutNullStreams,
    handlers: ChildHandlers,
    control: ChildControl,
    finish: (exit: ChildExit) => void,
  ) {
    this.#child = child;
    this.#handlers = handlers;
    this.#control = control;
    this.#finish = finish;
    this.#splitter = new LineSplitter(handlers.onLine);
  }

  start(stdin: string): void {
    const child = this.#child;
    child.on('error', (error: NodeJS.ErrnoException) => this.#handleError(error));
    child.on('exit', (code, signal) => this.#handleExit(code, signal));
    child.stdout.on('data', (chunk: Buffer) => this.#handleStdout(chunk));
    child.stderr.on('data', (chunk: Buffer) => this.#handleStderr(chunk));
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('close', () => this.#handleStreamClosed(stream === child.stderr));
    }

    // A module that never reads its stdin closes the pipe early; that is not an error.
    child.stdin.on('error', () => {});
    child.stdin.end(stdin);

    this.#handlers.onSpawn(child.pid);
    if (child.pid === undefined) return;

    const { timeout, signal } = this.#control;
    if (timeout !== undefined) {
      this.#timers.push(setTimeout(() => this.#timeOut(timeout), timeout * 1000));
    }

    signal?.addEventListener('abort', this.#onAbort, { once: true });
    if (signal?.aborted) this.#onAbort();
  }

  /** Passes a signal to the module's group, then kills the group after a grace period. */
  interrupt(signalName: NodeJS.Signals): void {
    if (this.#isStopping()) return;

    this.#interruptedBy = signalName;
    this.#stop(signalName);
  }

  #timeOut(seconds: number): void {
    if (this.#interruptedBy !== undefined) return;

    this.#timedOutAfter = seconds;
    this.#stop('SIGTERM');
  }

  #isStopping(): boolean {
    return this.#interruptedBy !== undefined || this.#timedOutAfter !== undefined;
  }

  #stop(signalName: NodeJS.Signals): void {
    this.#killGroup(signalName);
    this.#timers.push(
      setTimeout(() => {
        this.#killGroup('SIGKILL');
        // A process that left the group can still hold the pipes; stop waiting for it.
        this.#timers.push(setTimeout(() => this.#releasePipes(), LINGER_MS));
      }, KILL_GRACE_MS),
    );
  }

  #releasePipes(): void {
    this.#child.stdout.destroy();
    this.#child.stderr.destroy();
  }

  #killGroup(signalName: NodeJS.Signals): void {
    const pid = this.#child.pid;
    if (pid === undefined) return;

    try {
      process.kill(-pid, signalName);
    } catch {
      // The group is gone already.
    }
  }

  #handleStdout(chunk: Buffer): void {
    this.#rearmLinger();
    this.#stdout.push(chunk);
  }

  #handleStderr(chunk: Buffer): void {
    this.#rearmLinger();
    this.#splitter.push(chunk);
    const wait = this.#handlers.waitForRoom();
    if (wait === undefined) return;

    const { stdout, stderr } = this.#child;
    stdout.pause();
    stderr.pause();
    const resume = (): void => {
      stdout.resume();
      stderr.resume();
    };
    wait.then(resume, resume);
  }

  #handleStreamClosed(isStderr: boolean): void {
    if (isStderr) this.#splitter.end();

    this.#openStreams -= 1;
    this.#finishIfDone();
  }

  #handleExit(code: number | null, signal: NodeJS.Signals | null): void {
    this.#exit = { code, signal };
    this.#rearmLinger();
    this.#finishIfDone();
  }

  #handleError(error: NodeJS.ErrnoException): void {
    // Only a failed spawn matters; a failed kill of an exited process is harmless.
    if (this.#child.pid !== undefined) return;

    this.#spawnError = error;
    this.#openStreams = 0;
    this.#finishIfDone();
  }

  // Something the module started may keep the pipes open after the module exited. Keep
  // reading while bytes arrive (or while paused for flow control), then let go of the pipes.
  #rearmLinger(): void {
    if (this.#exit === undefined || this.#isFinished || this.#isStopping()) return;

    clearTimeout(this.#lingerTimer);
    this.#lingerTimer = setTimeout(() => {
      if (this.#child.stderr.isPaused()) {
        this.#rearmLinger();
        return;
      }

      this.#releasePipes();
    }, LINGER_MS);
  }

  #finishIfDone(): void {
    const isExited = this.#exit !== undefined || this.#spawnError !== undefined;
    if (this.#isFinished || !isExited || this.#openStreams > 0) return;

    this.#isFinished = true;
    // Whatever is left of a group that was told to stop (it closed the pipes but ignores
    // SIGTERM) does not outlive the run.
    if (this.#isStopping()) this.#killGroup('SIGKILL');
    for (const timer of this.#timers) clearTimeout(timer);
    clearTimeout(this.#lingerTimer);
    this.#control.signal?.removeEventListener('abort', this.#onAbort);
    this.#finish({
      exitCode: this.#exit?.code ?? null,
      signal: this.#exit?.signal ?? null,
      stdout: this.#stdout.text(),
      stdoutOverflow: this.#stdout.hasOverflowed,
      spawnError: this.#spawnError,
      timedOutAfter: this.#timedOutAfter,
      interruptedBy: this.#interruptedBy,
    });
  }
}

const FORWARDED_SIGNALS: ReadonlySet<unknown> = new Set(['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT']);

/** The signal an abort sends first: its reason when that is a signal name, else SIGTERM. */
function getSignalName(reason: unknown): NodeJS.Signals {
  return FORWARDED_SIGNALS.has(reason) ? (reason as NodeJS.Signals) : 'SIGTERM';
}
