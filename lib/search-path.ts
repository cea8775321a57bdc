// Where names are looked up (DESIGN.md §2, ANSIBLE.md §3.2-3.3): the collection search path,
// and the module folders that short names are found in before ansible.builtin.
import { basename, dirname, join, resolve } from 'node:path';
import { type AnsibleSettings, expandPathList } from './ansible-config.js';
import { isFolder, listFolderNames } from './files.js';
import { MODULES_DIR } from './paths.js';

export interface SearchFolder {
  path: string;
  /** Where the folder came from, in words: `-C`, `ANSIBLE_COLLECTIONS_PATH`, `sys.path of ...`. */
  source: string;
  /** Whether it is searched: a collection root must hold `ansible_collections/`. */
  isUsable: boolean;
}

export interface SearchPathInput {
  cwd: string;
  env: NodeJS.ProcessEnv;
  settings: AnsibleSettings;
  /** `-C` values, in order; each may hold several folders, colon-separated, as in Ansible. */
  collectionsPaths: string[];
  /** `-M` values, in order, read like `-C`. */
  modulePaths: string[];
  /** `--playbook-dir`; the settings' playbook folder when absent. */
  playbookDir: string | undefined;
  /** The chosen Python and its `sys.path`, when it could be probed. */
  python: { command: string; sysPath: string[] } | undefined;
}

/** The collection roots in search order, the first holding NS/COLL winning for all of it. */
export function buildCollectionSearchPath(input: SearchPathInput): SearchFolder[] {
  const { settings, python } = input;
  const candidates: Array<{ path: string; source: string }> = [];
  const add = (paths: string[], source: string): void => {
    for (const path of paths) candidates.push({ path: resolve(input.cwd, path), source });
  };

  add(expandOptions(input.collectionsPaths, input), '-C');
  add([join(input.cwd, 'collections')], 'collections/ in the working folder');
  const playbookDir = getPlaybookDir(input);
  if (playbookDir !== undefined) {
    add([join(playbookDir, 'collections')], 'collections/ beside the playbook folder');
  }

  add(settings.collectionsPaths.paths, settings.collectionsPaths.source);
  if (settings.scanSysPath && python !== undefined) {
    add(python.sysPath, `sys.path of ${python.command}`);
  }

  add([MODULES_DIR], "ftl2's own modules folder");
  const roots = candidates.map(({ path, source }) => {
    const root = basename(path) === 'ansible_collections' ? dirname(path) : path;
    return { path: root, source, isUsable: isFolder(join(root, 'ansible_collections')) };
  });
  return removeRepeats(roots);
}

/**
 * The folders short names are looked up in, in Ansible's order: `-M`, `library/` beside the
 * playbook folder, then each configured library folder after its subfolders two levels deep
 * (Ansible globs `DIR/*` and `DIR/*\/*` and puts them before DIR itself).
 */
export function buildModuleFolders(input: SearchPathInput): SearchFolder[] {
  const folders = expandOptions(input.modulePaths, input).map((path) => toFolder(path, '-M'));
  const playbookDir = getPlaybookDir(input);
  if (playbookDir !== undefined) {
    folders.push(toFolder(join(playbookDir, 'library'), 'library/ beside the playbook folder'));
  }

  const { libraryPaths } = input.settings;
  for (const path of libraryPaths.paths) {
    const children = listFolders(path);
    const grandchildren = children.flatMap(listFolders);
    for (const child of [...children, ...grandchildren]) {
      folders.push(toFolder(child, `${libraryPaths.source}, subfolder`));
    }

    folders.push(toFolder(path, libraryPaths.source));
  }

  return removeRepeats(folders);
}

// The first occurrence of a folder is the one that counts.
function removeRepeats(folders: SearchFolder[]): SearchFolder[] {
  const seen = new Set<string>();
  return folders.filter((folder) => {
    if (seen.has(folder.path)) return false;

    seen.add(folder.path);
    return true;
  });
}

function expandOptions(values: string[], input: SearchPathInput): string[] {
  return values.flatMap((value) => expandPathList(value, input, input.cwd));
}

function getPlaybookDir(input: SearchPathInput): string | undefined {
  if (input.playbookDir === undefined) return input.settings.playbookDir;

  return expandPathList(input.playbookDir, input, input.cwd)[0];
}

function toFolder(path: string, source: string): SearchFolder {
  return { path, source, isUsable: isFolder(path) };
}

function listFolders(path: string): string[] {
  return listFolderNames(path).map((name) => join(path, name));
}
