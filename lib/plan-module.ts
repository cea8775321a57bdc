// From a resolved module to a launch plan: read and classify the file, pick the interpreter,
// do the controller's part of an action plugin, and build the private PYTHONPATH.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareActionParams } from './action-params.js';
import { getActionPluginWarning, getActionRule } from './action-plugins.js';
import { inspectModule, type ModuleShape } from './inspect.js';
import { type LaunchPlan, planLaunch } from './launch.js';
import type { Params } from './params.js';
import type { PrivateDir } from './private-dir.js';
import {
  choosePython,
  describeMissingAnsible,
  type PythonChoice,
  type PythonRequest,
} from './python.js';
import { getPythonModuleName, type ResolvedModule } from './resolve.js';
import type { ExecuteOptions } from './run-types.js';
import { getPythonShim } from './shim.js';

export interface PlannedModule {
  plan: LaunchPlan;
  /** The file that runs: `shell` runs ansible-core's `command` module. */
  path: string;
  warnings: string[];
}

export interface PlanContext {
  options: ExecuteOptions;
  env: NodeJS.ProcessEnv;
  /** A private folder for this run, made when needed and removed after it. */
  privateDir: PrivateDir;
}

/** The plan for running `module` with `params`, or the one-line reason it cannot start. */
export function planModuleLaunch(
  module: ResolvedModule,
  params: Params,
  context: PlanContext,
): PlannedModule | { error: string } {
  const { options, env, privateDir } = context;
  const cwd = options.cwd ?? process.cwd();
  const request = { python: options.python, env, cwd };
  const runFile = findRunFile(module, request);
  if ('error' in runFile) return runFile;

  const { path } = runFile;
  const read = readModule(path);
  if ('error' in read) return read;

  const { bytes, shape } = read;
  const fqcn = module.fqcn ?? module.ref;
  const file = { path, bytes, shape };
  const prepared = prepareActionParams(module.fqcn, file, params, { fqcn, cwd, privateDir });
  if ('error' in prepared) return prepared;

  const python = runFile.python ?? chooseModulePython(shape, request);
  const ansibleDir = python?.info?.ansibleDir;
  if (shape.style === 'ansible' && python !== undefined && ansibleDir === null) {
    return { error: describeMissingAnsible(module.ref, python) };
  }

  const pythonModule = getPythonModuleName(path);
  let pythonPath = pythonModule === undefined ? [] : [pythonModule.root];
  // A name gets the private folder of first copies; a path keeps the root it is in, so the
  // file named is the file that runs.
  if (shape.style === 'ansible' && module.collectionRoots !== undefined) {
    pythonPath = [getPythonShim(privateDir, ansibleDir ?? null, module.collectionRoots, env)];
  }

  const plan = planLaunch({
    path,
    bytes,
    shape,
    params: prepared.params,
    ansibleArgs: getAnsibleArgs(module, options, python),
    checkMode: options.checkMode ?? false,
    pythonModule,
    pythonPath,
    python,
    env,
    privateDir,
  });
  if ('error' in plan) return plan;

  const warning = getActionPluginWarning(path, module.fqcn);
  return { plan, path, warnings: warning === undefined ? [] : [warning] };
}

// The minimal set ANSIBLE.md §1.5 recommends; the module name is REF as typed, as in Ansible.
function getAnsibleArgs(
  module: ResolvedModule,
  options: ExecuteOptions,
  python: PythonChoice | undefined,
): Params {
  return {
    _ansible_module_name: module.moduleName,
    _ansible_check_mode: options.checkMode ?? false,
    _ansible_diff: options.diff ?? false,
    _ansible_verbosity: options.verbosity ?? 0,
    _ansible_no_log: true,
    _ansible_version: python?.info?.ansibleVersion ?? '0.0',
  };
}

/** The file that runs for `module`: its own, but ansible-core's `command` for `shell`. */
export function findRunFile(
  module: ResolvedModule,
  request: PythonRequest,
): { path: string; python?: PythonChoice } | { error: string } {
  if (getActionRule(module.fqcn)?.kind !== 'shell') return { path: module.path };

  const choice = choosePython({ ...request, needsAnsible: true });
  const ansibleDir = choice.info?.ansibleDir ?? null;
  if (ansibleDir === null) return { error: describeMissingAnsible(module.ref, choice) };

  return { path: join(ansibleDir, 'modules', 'command.py'), python: choice };
}

/** The interpreter for a module of this shape; undefined for modules that are not Python. */
export function chooseModulePython(
  shape: ModuleShape,
  request: PythonRequest,
): PythonChoice | undefined {
  if (!shape.isPython) return undefined;

  return choosePython({ ...request, needsAnsible: shape.style === 'ansible' });
}

/** A module file's bytes and shape, or why it cannot be read. */
export function readModule(
  path: string,
): { bytes: Buffer; shape: ModuleShape } | { error: string } {
  try {
    const bytes = readFileSync(path);
    return { bytes, shape: inspectModule(path, bytes) };
  } catch (error) {
    return { error: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code}` };
  }
}
