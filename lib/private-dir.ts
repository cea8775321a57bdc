import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
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
      this.#path = mkdtempSync(join(tmpdir(), 'ftl2-'));
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
