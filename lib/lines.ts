import { StringDecoder } from 'node:string_decoder';

/** The longest line ftl2 keeps; the rest of a longer line is dropped (DESIGN.md §3). */
export const MAX_LINE_LENGTH = 1024 * 1024;

export type LineHandler = (line: string, truncated: boolean) => void;

/**
 * Splits a byte stream into lines as the bytes arrive. A streaming UTF-8 decoder keeps a
 * character split across chunks whole, `\r\n` counts as one line end, and a last line without
 * a newline is still a line. A line longer than `maxLength` is handed on as soon as it reaches
 * the limit, marked truncated, and what follows up to its newline is dropped, so memory stays
 * bounded whatever the producer writes.
 */
export class LineSplitter {
  readonly #decoder = new StringDecoder('utf8');
  readonly #onLine: LineHandler;
  readonly #maxLength: number;
  #partial = '';
  #isDropping = false;

  constructor(onLine: LineHandler, maxLength = MAX_LINE_LENGTH) {
    this.#onLine = onLine;
    this.#maxLength = maxLength;
  }

  push(chunk: Uint8Array): void {
    this.#split(this.#decoder.write(chunk as Buffer));
  }

  /** Flushes the decoder and the last line, if the stream did not end with a newline. */
  end(): void {
    this.#split(this.#decoder.end());
    if (this.#partial.length > 0) this.#emit(this.#partial);

    this.#partial = '';
    this.#isDropping = false;
  }

  #split(text: string): void {
    let start = 0;
    let newline = text.indexOf('\n');
    while (newline !== -1) {
      if (this.#isDropping) {
        this.#isDropping = false;
      } else {
        const piece = text.slice(start, newline);
        this.#emit(this.#partial.length > 0 ? this.#partial + piece : piece);
        this.#partial = '';
      }

      start = newline + 1;
      newline = text.indexOf('\n', start);
    }

    if (this.#isDropping || start === text.length) return;

    this.#partial += start === 0 ? text : text.slice(start);
    // One more than the limit: the extra character may be the `\r` of a `\r\n` still to come.
    if (this.#partial.length <= this.#maxLength + 1) return;

    this.#onLine(this.#partial.slice(0, this.#maxLength), true);
    this.#partial = '';
    this.#isDropping = true;
  }

  #emit(rawLine: string): void {
    const end = rawLine.length - 1;
    const line = rawLine.charCodeAt(end) === CARRIAGE_RETURN ? rawLine.slice(0, end) : rawLine;
    if (line.length > this.#maxLength) {
      this.#onLine(line.slice(0, this.#maxLength), true);
      return;
    }

    this.#onLine(line, false);
  }
}

const CARRIAGE_RETURN = 13;
