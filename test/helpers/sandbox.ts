// A private folder per test file, and an environment in which the developer's own Ansible
// config, collections, caches and Python settings cannot leak into a run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './cli.js';

/** The fixture collection roots: `first` and `second` both hold ftl2test.demo. */
export const COLLECTIONS = join(ROOT, 'test', 'fixtures', 'collections');

/** Debian's Python, which has ansible-core when it is installed. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

/** Why tests of real Ansible modules are skipped here, or false when they can run. */
export const NO_ANSIBLE: string | false =
  spawnSync(SYSTEM_PYTHON, ['-c', 'import ansible'], { cwd: tmpdir() }).status === 0
    ? false
    : `${SYSTEM_PYTHON} cannot import ansible (apt-get install ansible-core)`;

export interface Sandbox {
  dir: string;
  /** Set over the caller's environment for every ftl2 run of the test file. */
  env: Record<string, string | undefined>;
  /** Writes a file under the sandbox (folders made as needed) and returns its path. */
  write(relativePath: string, text: string, mode?: number): string;
  remove(): void;
}

const ANSIBLE_VARIABLES = [
  'ANSIBLE_COLLECTIONS_PATH',
  'ANSIBLE_COLLECTIONS_PATHS',
  'ANSIBLE_COLLECTIONS_SCAN_SYS_PATH',
  'ANSIBLE_LIBRARY',
  'ANSIBLE_PLAYBOOK_DIR',
  'ANSIBLE_HOME',
  'FTL2_PYTHON',
  'PYTHONPATH',
];

/** A new sandbox with its own HOME, cache folder and an empty ansible.cfg. */
export function createSandbox(): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'ftl2-sandbox-'));
  const write = (relativePath: string, text: string, mode = 0o644): string => {
    const path = join(dir, relativePath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, { mode });
    return path;
  };
  mkdirSync(join(dir, 'home'));
  mkdirSync(join(dir, 'work'));
  const env: Record<string, string | undefined> = {
    HOME: join(dir, 'home'),
    XDG_CACHE_HOME: join(dir, 'cache'),
    ANSIBLE_CONFIG: write('empty.cfg', ''),
  };
  for (const name of ANSIBLE_VARIABLES) env[name] = undefined;

  return { dir, env, write, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
