/** The most of a module's plain stderr text a result keeps: the last MiB. */
export const STDERR_TAIL_LIMIT = 1024 * 1024;

/** The last lines of a module's plain stderr, bounded in size. */
export class StderrTail {
  readonly #lines: string[] = [];
  #size = 0;
  #first = 0;

  push(line: string): void {
    this.#lines.push(line);
    this.#size += line.length + 1;
    while (this.#size > STDERR_TAIL_LIMIT && this.#first < this.#lines.length - 1) {
      this.#size -= (this.#lines[this.#first] as string).length + 1;
      this.#first += 1;
    }

    // Drop the consumed head now and then, so the array does not grow without bound.
    if (this.#first > 1024 && this.#first * 2 > this.#lines.length) {
      this.#lines.splice(0, this.#first);
      this.#first = 0;
    }
  }

  lastLine(): string | undefined {
    for (let index = this.#lines.length - 1; index >= this.#first; index--) {
      const line = this.#lines[index] as string;
      if (line.trim() !== '') return line;
    }

    return undefined;
  }

  text(): string {
    return this.#lines.slice(this.#first).join('\n');
  }
}
