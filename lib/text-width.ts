// How many terminal columns plain text takes. The live view must never let a line wrap, or
// its redraw would leave stale lines behind, so this errs wide: characters that some
// terminals draw two columns wide (CJK, emoji, symbols) count as two, and no character
// counts as zero (a combining mark only makes a line end a little early).

/** The columns `text` takes, never fewer than a terminal would use; no escape codes in it. */
export function getTextWidth(text: string): number {
  let width = 0;
  for (const character of text) width += getCharacterWidth(character.codePointAt(0) ?? 0);
  return width;
}

/** `text` cut to at most `width` columns, ending in `…` when cut. */
export function truncateText(text: string, width: number): string {
  if (width <= 0) return '';
  if (getTextWidth(text) <= width) return text;

  let result = '';
  let used = 0;
  for (const character of text) {
    const characterWidth = getCharacterWidth(character.codePointAt(0) ?? 0);
    if (used + characterWidth > width - 1) break;
    result += character;
    used += characterWidth;
  }

  return `${result}…`;
}

/** `text` cut or padded with spaces to exactly `width` columns. */
export function fitText(text: string, width: number): string {
  const cut = truncateText(text, width);
  return cut + ' '.repeat(Math.max(0, width - getTextWidth(cut)));
}

function getCharacterWidth(codePoint: number): number {
  if (codePoint < 0x1100) return 1;

  for (const [first, last] of WIDE_RANGES) {
    if (codePoint < first) return 1;
    if (codePoint <= last) return 2;
  }

  return 1;
}

// Sorted, so the scan stops early for most text.
const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x231a, 0x23ff],
  [0x2600, 0x27bf],
  [0x2b00, 0x2bff],
  [0x2e80, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f000, 0x1faff],
  [0x20000, 0x3fffd],
];
