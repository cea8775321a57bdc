// Small questions about the file system, answered without throwing.
import { accessSync, constants, type Dirent, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Whether `path` is a folder (following links). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Whether `path` is a regular file (following links). */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Whether `path` is a file this process may run. */
export function isExecutableFile(path: string): boolean {
  return isFileWithAccess(path, constants.X_OK);
}

/** Whether `path` is a file this process may read. */
export function isReadableFile(path: string): boolean {
  return isFileWithAccess(path, constants.R_OK);
}

function isFileWithAccess(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The names of the folders in `folder` (links to folders included), sorted; none if unreadable. */
export function listFolderNames(folder: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }

  // The entry's own type first: a stat is needed only for links.
  return entries
    .filter((entry) => entry.isDirectory() || isFolder(join(folder, entry.name)))
    .map((entry) => entry.name)
    .sort();
}
