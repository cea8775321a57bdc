// The lines at the bottom of a terminal that the live view redraws in place. Each redraw is
// one write: erase the lines drawn last time, print any new permanent lines above, draw the
// new lines. The cursor is hidden while the region is open and shown again on every way out.
import { stripVTControlCharacters } from 'node:util';
import { onExit } from 'signal-exit';
import { type DisplayStream, getTerminalSize } from './terminal.js';
import { getTextWidth } from './text-width.js';

const HIDE_CURSOR = '\u001B[?25l';
const SHOW_CURSOR = '\u001B[?25h';
const ERASE_DOWN = '\u001B[J';
// Terminals that know synchronized output draw the whole redraw at once; others ignore it.
const BEGIN_UPDATE = '\u001B[?2026h';
const END_UPDATE = '\u001B[?2026l';

export class LiveRegion {
  readonly #stream: DisplayStream;
  /** The width of each line now on screen, to know how many rows to erase. */
  #drawnWidths: number[] = [];
  #isOpen = false;

  constructor(stream: DisplayStream) {
    this.#stream = stream;
  }

  /** Hides the cursor until `close()`, or until the process exits, whichever comes first. */
  open(): void {
    if (this.#isOpen) return;

    this.#isOpen = true;
    trackRegion(this);
    this.#stream.write(HIDE_CURSOR);
  }

  /** Prints `above` as permanent lines, then shows `lines` in place of the last ones drawn. */
  draw(above: string[], lines: string[]): void {
    const text = [...above.map((line) => `${line}\n`), lines.join('\n')].join('');
    this.#stream.write(`${BEGIN_UPDATE}${this.#erase()}${text}${END_UPDATE}`);
    this.#drawnWidths = lines.map((line) => getTextWidth(stripVTControlCharacters(line)));
  }

  /** Erases the region, prints `above`, and shows the cursor again. */
  close(above: string[] = []): void {
    if (!this.#isOpen) return;

    const text = above.map((line) => `${line}\n`).join('');
    this.#stream.write(`${this.#erase()}${text}${SHOW_CURSOR}`);
    this.#drawnWidths = [];
    this.#isOpen = false;
    untrackRegion(this);
  }

  /** Shows the cursor when the process ends with the region still open. */
  restoreCursor(): void {
    if (!this.#isOpen) return;

    this.#isOpen = false;
    this.#stream.write(`\n${SHOW_CURSOR}`);
  }

  // Back to the start of the first line drawn, and clear to the end of the screen. The rows
  // are counted with the width the terminal has now, in case it was narrowed since.
  #erase(): string {
    if (this.#drawnWidths.length === 0) return '';

    const { columns } = getTerminalSize(this.#stream);
    const rows = this.#drawnWidths.reduce(
      (sum, width) => sum + Math.max(1, Math.ceil(width / columns)),
      0,
    );
    return rows > 1 ? `\r\u001B[${rows - 1}A${ERASE_DOWN}` : `\r${ERASE_DOWN}`;
  }
}

const openRegions = new Set<LiveRegion>();
let stopWatchingExit: (() => void) | undefined;

// signal-exit (what ora's cursor handling uses) calls back when the process exits, and on a
// signal that nobody else handles, after which it raises the signal again so the process
// ends as it would have. When anyone else listens (`ftl2 exec` forwards SIGINT to the
// module), it does nothing: the owner goes on and stops the display. It also cooperates with
// other users of signal-exit, where two handlers of our own would each wait for the other.
function trackRegion(region: LiveRegion): void {
  openRegions.add(region);
  stopWatchingExit ??= onExit(restoreAllCursors, { alwaysLast: true });
}

function untrackRegion(region: LiveRegion): void {
  if (!openRegions.delete(region) || openRegions.size > 0) return;

  stopWatchingExit?.();
  stopWatchingExit = undefined;
}

function restoreAllCursors(): void {
  for (const region of [...openRegions]) {
    region.restoreCursor();
    untrackRegion(region);
  }
}
