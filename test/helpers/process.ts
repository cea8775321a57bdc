// Watching ftl2 while it runs: wait for a record, check whether a process is still alive.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { FTL2, testEnv } from './cli.js';

export interface LiveRun {
  child: ChildProcessWithoutNullStreams;
  /** Everything ftl2 printed on stdout so far. */
  stdout: () => string;
  stderr: () => string;
  /** Resolves once stdout matches, with the text so far. */
  waitFor: (pattern: RegExp) => Promise<string>;
  /** Resolves with the exit code once ftl2 has ended and its pipes are closed. */
  done: Promise<number | null>;
}

/** Starts `ftl2 ARGS...` and lets a test act while it runs. */
export function startFtl2(args: string[], env: Record<string, string> = {}): LiveRun {
  const child = spawn(FTL2, args, { env: testEnv(env) });
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: (text: string) => void }[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const waiter of waiters.filter((item) => item.pattern.test(stdout))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(stdout);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const done = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    waitFor: (pattern) =>
      pattern.test(stdout)
        ? Promise.resolve(stdout)
        : new Promise((resolve) => waiters.push({ pattern, resolve })),
    done,
  };
}

/** Whether a process with this pid exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }

  // A zombie still answers kill(0); it has ended all the same.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}
