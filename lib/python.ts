// Choosing the Python interpreter and learning what it can import (DESIGN.md §1). A probe
// costs a Python start, so what it learns is cached on disk, keyed by the interpreter file's
// identity and PYTHONPATH: replacing or upgrading the interpreter makes the entry stale, and
// so does choosing another version behind a version manager's shim (python-shims.ts).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { getCacheDir, getFileStamp, nonEmpty, readCacheFile, writeCacheFile } from './cache.js';
import { getShimSelection } from './python-shims.js';
import { findExecutable } from './which.js';

/** What a probe of one interpreter found. */
export interface PythonInfo {
  /** The interpreter as ftl2 starts it (an absolute path). */
  command: string;
  /** `sys.executable` as the interpreter reports it. */
  executable: string;
  version: string;
  /** `sys.path` without the entry for the current folder. */
  sysPath: string[];
  /** The folder of the `ansible` package it imports, or null when it has none. */
  ansibleDir: string | null;
  ansibleVersion: string | null;
}

export interface PythonChoice {
  /** The interpreter to start: as given (`--python`, `FTL2_PYTHON`), or the one found. */
  command: string;
  /** Set when the interpreter was probed (modules that need ansible). */
  info?: PythonInfo;
}

/** Where a Python is chosen for: what the user asked for, the run's environment and folder. */
export interface PythonRequest {
  /** `--python` or the library's `python` option. */
  python?: string | undefined;
  env: NodeJS.ProcessEnv;
  /** The folder the module runs in: a version manager's shim picks its Python from it. */
  cwd: string;
}

export interface ChoosePythonOptions extends PythonRequest {
  needsAnsible: boolean;
}

/** Why `name`, an Ansible module, cannot run with the chosen interpreter, in one line. */
export function describeMissingAnsible(name: string, python: PythonChoice): string {
  const needs = `${name} needs ansible-core`;
  if (python.info === undefined) {
    const reason = `${needs}, and ${python.command} could not be run to look for it`;
    return `${reason}; pass --python with a Python that has ansible-core`;
  }

  const reason = `${needs}, and ${python.info.command} cannot import ansible`;
  return `${reason}; install ansible-core, or pass --python`;
}

/** The Python a module runs with when nothing else decides it: `python3` on PATH. */
export const DEFAULT_PYTHON = 'python3';

const DEFAULT_CANDIDATES = [DEFAULT_PYTHON, '/usr/bin/python3'];

/** The interpreter a module runs with: explicit choice, else one that can import ansible. */
export function choosePython(options: ChoosePythonOptions): PythonChoice {
  const explicit = options.python ?? nonEmpty(options.env.FTL2_PYTHON);
  if (explicit !== undefined) {
    if (!options.needsAnsible) return { command: explicit };

    const command = findExecutable(explicit, options.env.PATH);
    const info = command === undefined ? undefined : probePython(command, options);
    return info === undefined ? { command: explicit } : { command: info.command, info };
  }

  if (!options.needsAnsible) return { command: DEFAULT_PYTHON };

  let fallback: PythonChoice | undefined;
  for (const candidate of DEFAULT_CANDIDATES) {
    const command = findExecutable(candidate, options.env.PATH);
    if (command === undefined) continue;

    const info = probePython(command, options);
    if (info === undefined) continue;
    if (info.ansibleDir !== null) return { command, info };
    fallback ??= { command, info };
  }

  return fallback ?? { command: DEFAULT_PYTHON };
}

// The current folder leaves sys.path first, so a folder named `ansible` or a file named
// `json.py` where ftl2 runs cannot pass for the real thing.
const PROBE_SCRIPT = [
  'import sys',
  "sys.path[:] = [p for p in sys.path if p not in ('', '.')]",
  'import json',
  "info = {'executable': sys.executable, 'version': '.'.join(map(str, sys.version_info[:3])),",
  "        'sysPath': sys.path,",
  "        'ansibleDir': None, 'ansibleVersion': None}",
  'try:',
  '    import os, ansible',
  "    info['ansibleDir'] = os.path.dirname(os.path.abspath(ansible.__file__))",
  '    from ansible.release import __version__',
  "    info['ansibleVersion'] = __version__",
  'except Exception:',
  '    pass',
  'sys.stdout.write(json.dumps(info))',
].join('\n');

interface CacheEntry {
  stamp: string;
  executableStamp: string;
  info: PythonInfo;
}

type Cache = Record<string, CacheEntry>;

/** What `command` can import, from the cache when still fresh, else from a probe. */
function probePython(command: string, request: PythonRequest): PythonInfo | undefined {
  const { env, cwd } = request;
  const fileStamp = getFileStamp(command);
  if (fileStamp === undefined) return undefined;

  const stamp = `${fileStamp}\0${getShimSelection(command, env, cwd)}`;

  const cacheFile = join(getCacheDir(env), 'python.json');
  const key = `${command}\0${env.PYTHONPATH ?? ''}`;
  const memoKey = `${cacheFile}\0${key}`;
  const remembered = probedInThisProcess.get(memoKey);
  if (remembered !== undefined && isFresh(remembered, stamp)) return remembered.info;

  const cache = readCacheFile<Cache>(cacheFile);
  const cached = cache[key];
  if (cached !== undefined && isFresh(cached, stamp)) {
    probedInThisProcess.set(memoKey, cached);
    return cached.info;
  }

  const info = runProbe(command, env, cwd);
  if (info === undefined) return undefined;

  const entry = { stamp, executableStamp: getExecutableStamp(info), info };
  cache[key] = entry;
  writeCacheFile(cacheFile, cache);
  probedInThisProcess.set(memoKey, entry);
  return info;
}

// A run asks about the same interpreter several times, and a program running many modules
// asks on every run: the entry read from disk is kept, and only the file stamps are checked.
const probedInThisProcess = new Map<string, CacheEntry>();

function isFresh(entry: CacheEntry, stamp: string): boolean {
  return entry.stamp === stamp && entry.executableStamp === getExecutableStamp(entry.info);
}

// '' when sys.executable is empty or gone, on both sides, so such an entry can still be fresh.
function getExecutableStamp(info: PythonInfo): string {
  return getFileStamp(info.executable) ?? '';
}

function runProbe(command: string, env: NodeJS.ProcessEnv, cwd: string): PythonInfo | undefined {
  try {
    const text = execFileSync(command, ['-c', PROBE_SCRIPT], {
      env,
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 15_000,
    });
    const raw = JSON.parse(text) as Omit<PythonInfo, 'command'>;
    return { command, ...raw };
  } catch {
    return undefined;
  }
}
