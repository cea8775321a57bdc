// Word wrapping for text shown in a terminal, by display width (text-width.ts).
import { getTextWidth } from './text-width.js';

/** `text` broken into lines of at most `width` columns at spaces; a longer word stands alone. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter((part) => part !== '')) {
      const wordWidth = getTextWidth(word);
      if (line !== '' && used + 1 + wordWidth > width) {
        lines.push(line);
        line = '';
        used = 0;
      }

      line = line === '' ? word : `${line} ${word}`;
      used += (used === 0 ? 0 : 1) + wordWidth;
    }

    lines.push(line);
  }

  return lines;
}
