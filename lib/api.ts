// The library's entry points for running one module (DESIGN.md §5).
import { isAbsolute, resolve } from 'node:path';
import { mergeEnv, runModule } from './execute.js';
import { isFolder } from './files.js';
import { ModuleSearch } from './module-search.js';
import type { Params } from './params.js';
import { resolveModulePath } from './resolve.js';
import { resolveModuleName } from './resolve-name.js';
import type { ExecuteOptions, ExecutionResult } from './run-types.js';

/** Runs the module file at `modulePath` with `params`, streaming its events to the callback. */
export async function executeLocalStreaming(
  modulePath: string,
  params: Params = {},
  rawOptions: ExecuteOptions = {},
): Promise<ExecutionResult> {
  validateArguments('executeLocalStreaming', modulePath, params, rawOptions);
  const options = resolvePythonPath(rawOptions);
  const resolved = resolveModulePath(modulePath, options.cwd ?? process.cwd());
  return runModule(modulePath, resolved, params, options);
}

/**
 * Runs the module a name stands for (`ns.coll.name`, `ansible.builtin.ping`, or a short name),
 * found where Ansible would find it, with `collectionsPaths` searched first as `-C` does.
 */
export async function executeLocalFqcnStreaming(
  fqcn: string,
  params: Params = {},
  rawOptions: ExecuteOptions = {},
): Promise<ExecutionResult> {
  validateArguments('executeLocalFqcnStreaming', fqcn, params, rawOptions);
  const options = resolvePythonPath(rawOptions);
  const search = new ModuleSearch({
    cwd: options.cwd ?? process.cwd(),
    env: mergeEnv(options.env),
    collectionsPaths: options.collectionsPaths,
    modulePaths: options.modulePaths,
    playbookDir: options.playbookDir,
    python: options.python,
  });
  const resolved = await resolveModuleName(fqcn, search);
  return runModule(fqcn, resolved, params, options);
}

// A relative `python` means relative to the run's `cwd`, where the module starts, for the
// probe as for the run.
function resolvePythonPath(options: ExecuteOptions): ExecuteOptions {
  const { python, cwd } = options;
  if (python === undefined || !python.includes('/') || isAbsolute(python)) return options;

  return { ...options, python: resolve(cwd ?? process.cwd(), python) };
}

/** Throws a TypeError for arguments no run could use: a programming error, not a failure. */
export function validateArguments(
  caller: string,
  ref: unknown,
  params: unknown,
  options: ExecuteOptions,
): void {
  if (typeof ref !== 'string' || ref === '') {
    throw new TypeError(`${caller}: the module must be a non-empty string`);
  }

  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new TypeError(`${caller}: params must be a plain object`);
  }

  const { timeout, cwd } = options;
  if (timeout !== undefined && !isTimeout(timeout)) {
    throw new TypeError(`${caller}: timeout must be a positive number of seconds, got ${timeout}`);
  }

  if (cwd !== undefined && !isFolder(cwd)) {
    throw new TypeError(`${caller}: cwd ${cwd} is not a folder`);
  }
}

/** Whether `value` is a timeout a run can use: positive seconds that a timer can hold. */
export function isTimeout(value: unknown): value is number {
  return typeof value === 'number' && value > 0 && value * 1000 < 2 ** 31;
}
