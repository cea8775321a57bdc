// ftl2's on-disk cache: small files under $XDG_CACHE_HOME/ftl2 (else ~/.cache/ftl2), JSON but for
// the code cache. Everything in it only saves time, so reading or writing it never fails a run.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** The folder ftl2 caches in, for this environment. */
export function getCacheDir(env: NodeJS.ProcessEnv): string {
  const base = nonEmpty(env.XDG_CACHE_HOME) ?? join(getHomeDir(env), '.cache');
  return join(base, 'ftl2');
}

/** The parsed JSON object in `file`, or an empty object when it is missing or unreadable. */
export function readCacheFile<T extends object>(file: string): Partial<T> {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof value === 'object' && value !== null ? (value as Partial<T>) : {};
  } catch {
    return {};
  }
}

/** Stores `value` as JSON in `file`; a failure only costs the work on the next run. */
export function writeCacheFile(file: string, value: unknown): void {
  writeCacheBytes(file, JSON.stringify(value));
}

// Written to a temporary name, then renamed, so a reader never sees half a file.
/** Stores `data` in `file`; a failure only costs the work on the next run. */
export function writeCacheBytes(file: string, data: string | Uint8Array): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch {
    // An unwritable cache folder is not an error.
  }
}

/** A string that changes when the file at `path` is replaced or modified; undefined if absent. */
export function getFileStamp(path: string): string | undefined {
  try {
    const stat = statSync(path);
    return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/** A short hash of `text` for file names (53 bits, cyrb53); not for anything secret. */
export function hashText(text: string): string {
  let first = 0xdeadbeef;
  let second = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 2654435761);
    second = Math.imul(second ^ code, 1597334677);
  }

  first =
    Math.imul(first ^ (first >>> 16), 2246822507) ^ Math.imul(second ^ (second >>> 13), 3266489909);
  second =
    Math.imul(second ^ (second >>> 16), 2246822507) ^ Math.imul(first ^ (first >>> 13), 3266489909);
  return (4294967296 * (2097151 & second) + (first >>> 0)).toString(36);
}

/** The user's home folder: `HOME` when it is set and not empty, else the system's answer. */
export function getHomeDir(env: NodeJS.ProcessEnv): string {
  return nonEmpty(env.HOME) ?? homedir();
}

/** `value`, or undefined when it is unset or empty. */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
