// Finding a module's file in a folder as Ansible does (ANSIBLE.md §3.3): the exact name first,
// then `name.*` in sorted order, leaving out files that are never modules.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isFile } from './files.js';

// REJECT_EXTS and the three that Ansible's MODULE_IGNORE_EXTS adds (docs sidecars, configs).
const IGNORED_ENDINGS = [
  '.pyc',
  '.pyo',
  '.swp',
  '.bak',
  '~',
  '.rpm',
  '.md',
  '.txt',
  '.rst',
  '.yaml',
  '.yml',
  '.ini',
];

/** The file module `name` is in `folder`, or undefined when there is none. */
export function findModuleFile(folder: string, name: string): string | undefined {
  const exact = join(folder, name);
  if (isFile(exact)) return exact;

  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return undefined;
  }

  return entries
    .filter((entry) => entry.startsWith(`${name}.`) && !isIgnoredModuleFile(entry))
    .sort()
    .map((entry) => join(folder, entry))
    .find(isFile);
}

/** Whether a file named `entry` is never a module: compiled, backup, docs or config files. */
export function isIgnoredModuleFile(entry: string): boolean {
  return IGNORED_ENDINGS.some((ending) => entry.endsWith(ending));
}
