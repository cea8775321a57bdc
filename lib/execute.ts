// One run from start to result: resolve REF, plan the launch, run the child, read the result.
// A module's failure, crash, garbage output or timeout is a result; only bad arguments throw.
import { performance } from 'node:perf_hooks';
import { STDOUT_LIMIT } from './capped-output.js';
import { runChild } from './child.js';
import { getErrorMessage } from './errors.js';
import { isWellFormed, parseEventLine } from './events.js';
import type { LaunchPlan } from './launch.js';
import type { Params } from './params.js';
import { type PlannedModule, planModuleLaunch } from './plan-module.js';
import { PrivateDir } from './private-dir.js';
import type { ModuleEvent, Status } from './protocol.js';
import type { ResolvedModule, ResolveOutcome } from './resolve.js';
import { decideOutcome, getModuleWarnings, parseModuleStdout } from './result.js';
import type { ExecuteOptions, ExecutionResult, RunObserver } from './run-types.js';
import { describeSpawnError } from './spawn-error.js';
import { StderrTail } from './stderr-tail.js';

/** Runs a resolved (or unresolvable) module and reports to the observer as things happen. */
export async function runModule(
  ref: string,
  resolved: ResolveOutcome,
  params: Params,
  options: ExecuteOptions,
  observer: RunObserver = {},
): Promise<ExecutionResult> {
  const run: Run = { base: createBaseResult(ref, resolved), startedAt: performance.now(), params };
  if (!resolved.ok) {
    notifyStart(observer, run, null);
    return finishEarly(run, resolved.status, resolved.error);
  }

  const privateDir = new PrivateDir();
  try {
    const planned = planSafely(resolved.module, params, options, privateDir);
    if ('error' in planned) {
      notifyStart(observer, run, null);
      return finishEarly(run, 'error', planned.error);
    }

    run.base.path = planned.path;
    run.base.warnings.push(...planned.warnings);
    return await runPlanned(planned.plan, run, options, observer);
  } finally {
    privateDir.remove();
  }
}

// Planning reads files and makes the private folder; a failure there (no TMPDIR, a file that
// cannot be read) is a result that says so, never an exception.
function planSafely(
  module: ResolvedModule,
  params: Params,
  options: ExecuteOptions,
  privateDir: PrivateDir,
): PlannedModule | { error: string } {
  try {
    const env = mergeEnv(options.env);
    return planModuleLaunch(module, params, { options, env, privateDir });
  } catch (error) {
    // The code only: a file system message would name paths, and a path may be a param value.
    const reason = (error as NodeJS.ErrnoException).code ?? getErrorMessage(error);
    return { error: `cannot prepare the run of ${module.path}: ${reason}` };
  }
}

interface Run {
  base: ExecutionResult;
  startedAt: number;
  params: Params;
}

async function runPlanned(
  plan: LaunchPlan,
  run: Run,
  options: ExecuteOptions,
  observer: RunObserver,
): Promise<ExecutionResult> {
  const { base } = run;
  const keepEvents = options.keepEvents ?? true;
  const stderrTail = new StderrTail();
  const malformed: ModuleEvent[] = [];
  let callbackError: { error: unknown } | undefined;
  const abortOnCallbackError = new AbortController();
  const signal =
    options.signal === undefined
      ? abortOnCallbackError.signal
      : AbortSignal.any([options.signal, abortOnCallbackError.signal]);

  const handleLine = (line: string, truncated: boolean): void => {
    const event = truncated ? undefined : parseEventLine(line);
    try {
      if (event === undefined) {
        stderrTail.push(line);
        observer.onStderr?.(line, truncated);
        return;
      }

      base.eventCount += 1;
      if (keepEvents) base.events.push(event);
      if (malformed.length === 0 && !isWellFormed(event)) malformed.push(event);
      observer.onEvent?.(event, line);
      options.eventCallback?.(event);
    } catch (error) {
      callbackError ??= { error };
      abortOnCallbackError.abort();
    }
  };

  const exit = await runChild(
    plan,
    {
      onSpawn: (pid) => notifyStart(observer, run, pid ?? null),
      onLine: handleLine,
      waitForRoom: () => observer.waitForRoom?.(),
    },
    { cwd: options.cwd ?? process.cwd(), timeout: options.timeout, signal },
  );
  if (callbackError !== undefined) throw callbackError.error;

  base.stderr = stderrTail.text();
  if (exit.spawnError !== undefined) {
    return finishEarly(run, 'error', describeSpawnError(plan, base.path, exit.spawnError));
  }

  const parsed = parseModuleStdout(exit.stdout);
  const outcome = decideOutcome({
    output: parsed.output,
    problem: exit.stdoutOverflow ? STDOUT_OVERFLOW : parsed.problem,
    exitCode: exit.exitCode,
    signal: exit.signal,
    timedOutAfter: exit.timedOutAfter,
    interruptedBy: exit.interruptedBy,
    lastStderrLine: stderrTail.lastLine(),
  });
  const warnings = [...base.warnings, ...parsed.warnings, ...getModuleWarnings(parsed.output)];
  if (exit.stdoutOverflow) warnings.push(`module ${STDOUT_OVERFLOW}; the rest was dropped`);
  if (malformed[0] !== undefined) warnings.push(await describeMalformed(malformed[0]));

  return {
    ...base,
    status: outcome.status,
    success: outcome.status === 'ok',
    changed: parsed.output?.changed === true,
    output: parsed.output,
    error: outcome.error,
    returnCode: exit.exitCode,
    signal: exit.signal,
    stdout: exit.stdout,
    warnings,
    durationMs: getDuration(run),
  };
}

const STDOUT_OVERFLOW = `printed more than ${STDOUT_LIMIT / 1024 / 1024} MiB on stdout`;

/** The environment a run gets: ftl2's own, with `extra` set over it (undefined removes). */
export function mergeEnv(extra: Record<string, string | undefined> | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(extra ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }

  return env;
}

function createBaseResult(ref: string, resolved: ResolveOutcome): ExecutionResult {
  const module = resolved.ok ? resolved.module : undefined;
  return {
    module: ref,
    fqcn: module?.fqcn ?? null,
    path: module?.path ?? null,
    status: 'error',
    success: false,
    changed: false,
    output: null,
    error: null,
    returnCode: null,
    signal: null,
    stdout: '',
    stderr: '',
    events: [],
    eventCount: 0,
    warnings: [...(module?.warnings ?? [])],
    durationMs: 0,
  };
}

function notifyStart(observer: RunObserver, run: Run, pid: number | null): void {
  const { module, fqcn, path } = run.base;
  observer.onStart?.({ module, fqcn, path, pid, params: Object.keys(run.params) });
}

function finishEarly(run: Run, status: Status, error: string): ExecutionResult {
  return { ...run.base, status, error, durationMs: getDuration(run) };
}

function getDuration(run: Run): number {
  return Math.round(performance.now() - run.startedAt);
}

// zod is loaded only here, when an event needs explaining, to keep it off the start-up path.
async function describeMalformed(event: ModuleEvent): Promise<string> {
  const { describeEventProblem } = await import('./protocol.js');
  const problem = describeEventProblem(event) ?? 'fields of the wrong type';
  return `module sent a malformed ${event.event} event (${problem}); its fields were kept as sent`;
}
