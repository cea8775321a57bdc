// Interpreters behind a version manager's shims (pyenv, asdf, mise): the shim file stays the
// same while the Python it starts changes with a variable or a version file. What selects the
// version goes into the probe's cache stamp, so switching versions makes a cached probe stale.
import { basename, dirname, join } from 'node:path';
import { getFileStamp, getHomeDir, hashText } from './cache.js';

const VERSION_VARIABLES = ['PYENV_VERSION', 'ASDF_PYTHON_VERSION', 'MISE_PYTHON_VERSION'];
const LOCAL_FILES = ['.python-version', '.tool-versions', 'mise.toml', '.mise.toml'];

/**
 * A short text that changes when the version behind shim `command` may have changed, as seen
 * from `cwd`; empty when `command` is not in a `shims` folder.
 */
export function getShimSelection(command: string, env: NodeJS.ProcessEnv, cwd: string): string {
  if (basename(dirname(command)) !== 'shims') return '';

  const parts = VERSION_VARIABLES.map((name) => `${name}=${env[name] ?? ''}`);
  for (let folder = cwd; ; folder = dirname(folder)) {
    for (const name of LOCAL_FILES) parts.push(getFileStamp(join(folder, name)) ?? '');
    if (dirname(folder) === folder) break;
  }

  // The global choices: pyenv's version file beside its shims, asdf's and mise's in HOME.
  const home = getHomeDir(env);
  const globals = [
    join(dirname(dirname(command)), 'version'),
    join(home, '.tool-versions'),
    join(env.XDG_CONFIG_HOME || join(home, '.config'), 'mise', 'config.toml'),
  ];
  for (const file of globals) parts.push(getFileStamp(file) ?? '');
  return `shim:${hashText(parts.join('\0'))}`;
}
