// A tiny terminal for tests: feed it what a display wrote, read back what a person would see.
// It knows the few codes the displays use: cursor up, erase down, erase line, cursor shown
// or hidden; colors and synchronized-output marks are noted and otherwise ignored.
import { PassThrough } from 'node:stream';

export interface FakeTerminal {
  stream: PassThrough & { isTTY: boolean; columns: number; rows: number };
  /** Everything written so far, as written. */
  written(): string;
  /** The number of write() calls so far. */
  writeCount(): number;
  /** Resolves at the next write() call (or after 2 s, so that a test fails instead of hanging). */
  nextWrite(): Promise<void>;
  /** What the screen shows now, line by line, trailing spaces dropped. */
  screen(): string[];
  /** Whether the cursor is visible after what was written. */
  isCursorVisible(): boolean;
}

/** A PassThrough that says it is a TTY of `columns` by `rows`, recording what it gets. */
export function createFakeTerminal(columns = 80, rows = 24, isTTY = true): FakeTerminal {
  const stream = Object.assign(new PassThrough(), { isTTY, columns, rows });
  const chunks: string[] = [];
  const waiting: Array<() => void> = [];
  const write = stream.write.bind(stream);
  stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    for (const resolve of waiting.splice(0)) resolve();
    return write(chunk, ...rest);
  }) as typeof stream.write;
  stream.resume();
  return {
    stream,
    written: () => chunks.join(''),
    writeCount: () => chunks.length,
    nextWrite: () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2000);
        waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
    screen: () => renderScreen(chunks.join(''), columns).lines,
    isCursorVisible: () => renderScreen(chunks.join(''), columns).isCursorVisible,
  };
}

/** Plays `text` on an endless screen `columns` wide; `\n` moves to the next line's start. */
export function renderScreen(
  text: string,
  columns = 80,
): { lines: string[]; isCursorVisible: boolean } {
  const lines: string[][] = [[]];
  let row = 0;
  let column = 0;
  let isCursorVisible = true;
  const pattern = new RegExp(
    `${ESC}\\[(\\?)?(\\d*)(?:;\\d+)*([A-Za-z])|\\r|\\n|[^${ESC}\\r\\n]`,
    'gu',
  );
  for (const match of text.matchAll(pattern)) {
    const [token, isPrivate, number, command] = match;
    if (token === '\r') {
      column = 0;
    } else if (token === '\n') {
      row += 1;
      column = 0;
      lines[row] ??= [];
    } else if (command === undefined) {
      if (column >= columns) {
        row += 1;
        column = 0;
        lines[row] ??= [];
      }
      const line = lines[row] as string[];
      while (line.length < column) line.push(' ');
      line[column] = token;
      column += 1;
    } else if (isPrivate && number === '25') {
      isCursorVisible = command === 'h';
    } else if (command === 'A') {
      row = Math.max(0, row - Number(number || 1));
    } else if (command === 'J') {
      lines.length = row + 1;
      lines[row] = (lines[row] ?? []).slice(0, column);
    } else if (command === 'K') {
      lines[row] = (lines[row] ?? []).slice(0, column);
    }
  }

  const shown = lines.map((line) => line.join('').trimEnd());
  while (shown.length > 0 && shown.at(-1) === '') shown.pop();
  return { lines: shown, isCursorVisible };
}

/** Whether `text` holds SGR codes (colors, bold, dim). */
export function hasColorCodes(text: string): boolean {
  return new RegExp(`${ESC}\\[[\\d;]*m`).test(text);
}

/** Whether `text` holds any escape sequence at all. */
export function hasEscapes(text: string): boolean {
  return text.includes(ESC);
}

const ESC = '\u001B';
