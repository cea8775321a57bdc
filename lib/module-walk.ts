// The module files in one folder tree, named as `ansible-doc -l` names them (ANSIBLE.md §4):
// subfolders become dotted parts, and hidden or special names, docs sidecars, rejected
// extensions, links to files and `async_wrapper` are left out. Names that ftl2 cannot resolve
// (a part that is not an identifier) are left out too, so each name listed can be run.
import { type Dirent, existsSync, readdirSync, realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import { isFolder } from './files.js';
import { isIgnoredModuleFile } from './module-file.js';
import { isIdentifier } from './names.js';

export interface FoundModule {
  /** The dotted name below the folder: `sub.name`, or `name`. */
  name: string;
  path: string;
}

export interface WalkOptions {
  /** Whether subfolders count; for ansible-core's own folder only when they are packages. */
  subfolders: 'all' | 'packages' | 'none';
}

// Ansible's IGNORE_FILES, and its list of module names that are not modules.
const IGNORED_NAMES = new Set([
  'COPYING',
  'CONTRIBUTING',
  'LICENSE',
  'README',
  'VERSION',
  'GUIDELINES',
  'MANIFEST',
  'Makefile',
  'async_wrapper',
]);

// A guard against links that lead back up the tree; real collections nest two or three deep.
const MAX_DEPTH = 8;

/** The modules under `folder`, each name once: the file that name resolves to. */
export function walkModules(folder: string, options: WalkOptions): FoundModule[] {
  const found: FoundModule[] = [];
  collectModules(folder, '', options, found, 0);
  return found;
}

function collectModules(
  folder: string,
  prefix: string,
  options: WalkOptions,
  found: FoundModule[],
  depth: number,
): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }

  // Sorted, so that the first file of a name is the one module-file.ts would pick.
  entries.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
  const names = new Set<string>();
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name.startsWith('__')) continue;

    const path = join(folder, entry.name);
    if (isFolderEntry(entry, path)) {
      if (!shouldEnter(path, entry.name, options, depth)) continue;
      if (entry.isSymbolicLink() && isLinkToAncestor(path, folder)) continue;

      collectModules(path, `${prefix}${entry.name}.`, options, found, depth + 1);
      continue;
    }

    if (!entry.isFile() || isIgnoredModuleFile(entry.name) || entry.name.endsWith('.json')) {
      continue;
    }

    const base = entry.name.replace(/(?<=.)\.[^.]*$/, '');
    if (!isIdentifier(base) || IGNORED_NAMES.has(base) || names.has(base)) continue;

    names.add(base);
    found.push({ name: `${prefix}${base}`, path });
  }
}

// Links to folders are followed; links to files are aliases, which Ansible does not list.
function isFolderEntry(entry: Dirent, path: string): boolean {
  return entry.isDirectory() || (entry.isSymbolicLink() && isFolder(path));
}

// A link to the folder it is in, or to one above, would list the same modules again under
// ever longer names.
function isLinkToAncestor(link: string, folder: string): boolean {
  try {
    const target = realpathSync(link);
    const here = realpathSync(folder);
    return here === target || here.startsWith(`${target}${sep}`);
  } catch {
    return true;
  }
}

function shouldEnter(path: string, name: string, options: WalkOptions, depth: number): boolean {
  if (options.subfolders === 'none' || depth >= MAX_DEPTH || !isIdentifier(name)) return false;
  return options.subfolders === 'all' || existsSync(join(path, '__init__.py'));
}
