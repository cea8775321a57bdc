import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { lstat, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A folder only this user can enter, for one run's args file and staged copies. It is made
 * the first time a run needs it, so runs that need none pay nothing, and removed after.
 */
export class PrivateDir {
  #path: string | undefined;

  /** The folder's path, making it on first use. */
  get path(): string {
    if (this.#path === undefined) {
      removeAbandonedDirs();
      this.#path = mkdtempSync(join(tmpdir(), `ftl2-${process.pid}-`));
      chmodSync(this.#path, 0o700);
    }

    return this.#path;
  }

  // rmSync unlinks symbolic links rather than following them, so nothing a link in the folder
  // points to is ever touched.
  /** Removes the folder if it was made; safe to call more than once. */
  remove(): void {
    if (this.#path !== undefined) rmSync(this.#path, { recursive: true, force: true });
    this.#path = undefined;
  }
}

const PRIVATE_NAME = /^ftl2-(\d+)-[A-Za-z0-9]{6}$/;
/** How old a folder of a dead process must be before it is removed. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;
let isSwept = false;

// An ftl2 killed with SIGKILL cannot remove its folder, which may hold an args file with
// secrets. The first run of a process that needs a folder removes such folders: this user's,
// named by a process that no longer exists, untouched for an hour (the hour guards a run in
// another PID namespace that shares the temp folder, whose live process looks dead here).
// Listing a temp folder of 10,000 entries takes 4 ms, so it is done while the module runs,
// off the run's path; node does not exit before it is done.
function removeAbandonedDirs(): void {
  if (isSwept) return;

  isSwept = true;
  const folder = tmpdir();
  readdir(folder).then(
    (names) => Promise.all(names.map((name) => removeIfAbandoned(join(folder, name), name))),
    () => undefined,
  );
}

async function removeIfAbandoned(path: string, name: string): Promise<void> {
  const pid = PRIVATE_NAME.exec(name)?.[1];
  if (pid === undefined || isRunning(Number(pid))) return;

  try {
    const stat = await lstat(path);
    const isMine = stat.isDirectory() && stat.uid === process.getuid?.();
    if (isMine && Date.now() - stat.mtimeMs > ABANDONED_AFTER_MS) {
      await rm(path, { recursive: true, force: true });
    }
  } catch {
    // Only tidying: a folder that is gone or cannot be removed is left as it is.
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
