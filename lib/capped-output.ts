/** The most of stdout kept; a result is one JSON object, so this is far beyond any real one. */
export const STDOUT_LIMIT = 16 * 1024 * 1024;

/** A module's stdout, kept up to a limit; bytes past it are dropped and counted as overflow. */
export class CappedOutput {
  readonly #chunks: Buffer[] = [];
  readonly #limit: number;
  #size = 0;
  #hasOverflowed = false;

  constructor(limit = STDOUT_LIMIT) {
    this.#limit = limit;
  }

  push(chunk: Buffer): void {
    const room = this.#limit - this.#size;
    if (chunk.length > room) this.#hasOverflowed = true;

    const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
    if (kept.length === 0) return;

    this.#chunks.push(kept);
    this.#size += kept.length;
  }

  get hasOverflowed(): boolean {
    return this.#hasOverflowed;
  }

  text(): string {
    return Buffer.concat(this.#chunks).toString('utf8');
  }
}
