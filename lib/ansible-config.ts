// The Ansible settings that decide where modules are found (ANSIBLE.md §3.1), read as
// ansible-core reads them: environment first, then the ansible.cfg Ansible would pick, then
// the defaults. Within each source the entry defined later wins, as in Ansible's base.yml.
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { isFolder, isReadableFile } from './files.js';

export interface PathSetting {
  paths: string[];
  /** Where the value came from: a variable, `key in FILE`, or `default`. */
  source: string;
}

export interface AnsibleSettings {
  /** The ansible.cfg that was read, or null when there is none. */
  configFile: string | null;
  collectionsPaths: PathSetting;
  /** DEFAULT_MODULE_PATH: `ANSIBLE_LIBRARY`, `library`, or the default. */
  libraryPaths: PathSetting;
  scanSysPath: boolean;
  playbookDir: string | undefined;
  warnings: string[];
}

/** What a path is expanded with: the environment and the working folder (for `{{CWD}}`). */
export interface PathContext {
  env: NodeJS.ProcessEnv;
  cwd: string;
}

interface Source extends PathContext {
  ini: Map<string, string>;
  configFile: string | null;
}

/** The settings for a run in `cwd` with `env`. */
export function readAnsibleSettings(env: NodeJS.ProcessEnv, cwd: string): AnsibleSettings {
  const warnings: string[] = [];
  const configFile = findConfigFile({ env, cwd }, warnings);
  const ini = configFile === null ? new Map<string, string>() : readIniDefaults(configFile);
  const source: Source = { env, cwd, ini, configFile };
  const home =
    readPath(source, ['ANSIBLE_HOME'], ['home'])?.paths[0] ?? expandPath('~/.ansible', source, cwd);

  return {
    configFile,
    collectionsPaths: readPath(
      source,
      ['ANSIBLE_COLLECTIONS_PATHS', 'ANSIBLE_COLLECTIONS_PATH'],
      ['collections_paths', 'collections_path'],
    ) ?? {
      paths: [join(home, 'collections'), '/usr/share/ansible/collections'],
      source: 'default',
    },
    libraryPaths: readPath(source, ['ANSIBLE_LIBRARY'], ['library']) ?? {
      paths: [join(home, 'plugins', 'modules'), '/usr/share/ansible/plugins/modules'],
      source: 'default',
    },
    scanSysPath: parseBoolean(
      env.ANSIBLE_COLLECTIONS_SCAN_SYS_PATH ?? ini.get('collections_scan_sys_path') ?? 'true',
    ),
    playbookDir: readPath(source, ['ANSIBLE_PLAYBOOK_DIR'], ['playbook_dir'])?.paths[0],
    warnings,
  };
}

// The later name in each list wins, as in Ansible, so both lists are read from the end.
function readPath(source: Source, variables: string[], keys: string[]): PathSetting | undefined {
  const variable = variables.findLast((name) => source.env[name] !== undefined);
  if (variable !== undefined) {
    const paths = expandPathList(source.env[variable] as string, source, source.cwd);
    return { paths, source: variable };
  }

  const key = keys.findLast((name) => source.ini.has(name));
  if (key === undefined || source.configFile === null) return undefined;

  const value = source.ini.get(key) as string;
  const paths = expandPathList(value, source, dirname(source.configFile));
  return { paths, source: `${key} in ${source.configFile}` };
}

/** A colon-separated path list with `{{CWD}}`, `$VAR` and `~` expanded, made absolute. */
export function expandPathList(value: string, context: PathContext, baseDir: string): string[] {
  return value.split(delimiter).map((path) => expandPath(path, context, baseDir));
}

function expandPath(path: string, { env, cwd }: PathContext, baseDir: string): string {
  const withCwd = path.replaceAll('{{CWD}}', cwd);
  // Like Python's os.path.expandvars: an unknown variable is left as written.
  const withVariables = withCwd.replace(
    /\$(\w+)|\$\{([^}]*)\}/g,
    (text, bare: string | undefined, braced: string | undefined) =>
      env[bare ?? braced ?? ''] ?? text,
  );
  const home = env.HOME ?? homedir();
  const withHome = withVariables.replace(/^~(?=\/|$)/, home);
  return resolve(baseDir, withHome);
}

const TRUE_WORDS = new Set(['y', 'yes', 'on', '1', 'true', 't']);

/** Ansible's lenient boolean: one of its true words, else false. */
export function parseBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1;
  return typeof value === 'string' && TRUE_WORDS.has(value.trim().toLowerCase());
}

function findConfigFile(context: PathContext, warnings: string[]): string | null {
  const { env, cwd } = context;
  const candidates: string[] = [];
  let fromEnv: string | undefined;
  if (env.ANSIBLE_CONFIG !== undefined) {
    const path = expandPath(env.ANSIBLE_CONFIG, context, cwd);
    fromEnv = isFolder(path) ? join(path, 'ansible.cfg') : path;
    candidates.push(fromEnv);
  }

  const inCwd = join(cwd, 'ansible.cfg');
  const isCwdPublic = isWorldWritable(cwd);
  if (!isCwdPublic) candidates.push(inCwd);
  candidates.push(expandPath('~/.ansible.cfg', context, cwd), '/etc/ansible/ansible.cfg');

  const found = candidates.find(isReadableFile) ?? null;
  if (isCwdPublic && isReadableFile(inCwd) && found !== fromEnv) {
    warnings.push(`ignored ${inCwd}: ${cwd} is world-writable, so Ansible would not read it`);
  }

  return found;
}

// Python's configparser, as far as Ansible's settings need it: `key = value` or `key: value`,
// keys in lower case, `#` and `;` comment lines, `;` comments after a space, and indented
// continuation lines. `%(name)s` interpolation is not supported.
function readIniDefaults(file: string): Map<string, string> {
  const values = new Map<string, string>();
  let section = '';
  let lastKey: string | undefined;
  for (const rawLine of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const line = rawLine.replace(/\s;.*$/, '');
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;

    const header = /^\[([^\]]+)\]/.exec(trimmed);
    if (header !== null) {
      section = header[1] as string;
      lastKey = undefined;
      continue;
    }

    if (section !== 'defaults') continue;
    if (/^\s/.test(line) && lastKey !== undefined) {
      values.set(lastKey, `${values.get(lastKey)}\n${trimmed}`);
      continue;
    }

    const match = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(trimmed);
    if (match === null) continue;

    lastKey = (match[1] as string).toLowerCase();
    values.set(lastKey, match[2] as string);
  }

  return values;
}

function isWorldWritable(path: string): boolean {
  try {
    return (statSync(path).mode & 0o002) !== 0;
  } catch {
    return false;
  }
}
