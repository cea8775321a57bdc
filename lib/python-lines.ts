// Python source split into logical lines of tokens, as far as finding string constants needs:
// comments and `\` continuations dropped, a line going on inside brackets, and string literals
// (with their prefixes) read whole. Other tokens are names and single-character operators.
import { readPythonString } from './python-string.js';

export type Token =
  | { kind: 'name'; text: string }
  /** A literal; its value is undefined for an f-string. */
  | { kind: 'string'; value: string | undefined }
  | { kind: 'op'; text: string };

export interface LogicalLine {
  /** Columns of indentation, a tab moving to the next multiple of 8 as in Python. */
  indent: number;
  tokens: Token[];
}

const NAME_START = /[\p{L}\p{N}_]/u;
const NAME = /[\p{L}\p{N}_]+/uy;
const STRING_PREFIX = /^(?:[rRuUbBfF]|[rR][bBfF]|[bBfF][rR])$/;

/** The logical lines of `source` that hold a token, in order. */
export function splitLogicalLines(source: string): LogicalLine[] {
  const lines: LogicalLine[] = [];
  let current: LogicalLine | undefined;
  let depth = 0;
  let index = 0;
  while (index < source.length) {
    if (current === undefined) {
      const indent = measureIndent(source, index);
      index = indent.end;
      current = { indent: indent.width, tokens: [] };
      continue;
    }

    if (source[index] === '\n') {
      index++;
      if (depth > 0) continue;
      if (current.tokens.length > 0) lines.push(current);
      current = undefined;
      continue;
    }

    const skipped = skipIgnored(source, index);
    if (skipped !== index) {
      index = skipped;
      continue;
    }

    const { token, end } = readToken(source, index);
    if (token.kind === 'op' && '([{'.includes(token.text)) depth++;
    if (token.kind === 'op' && ')]}'.includes(token.text)) depth = Math.max(0, depth - 1);
    current.tokens.push(token);
    index = end;
  }

  if (current !== undefined && current.tokens.length > 0) lines.push(current);
  return lines;
}

// Spaces, a comment up to its line end, or a backslash that joins two lines.
function skipIgnored(source: string, index: number): number {
  const character = source[index];
  if (character === '#') {
    const end = source.indexOf('\n', index);
    return end === -1 ? source.length : end;
  }

  if (character === '\\' && source[index + 1] === '\n') return index + 2;
  if (character === '\\' && source.startsWith('\r\n', index + 1)) return index + 3;
  if (character === ' ' || character === '\t' || character === '\r' || character === '\f') {
    return index + 1;
  }

  return index;
}

function readToken(source: string, index: number): { token: Token; end: number } {
  const character = source[index] as string;
  if (character === '"' || character === "'") {
    const literal = readPythonString(source, index, '');
    return { token: { kind: 'string', value: literal.value }, end: literal.end };
  }

  if (!NAME_START.test(character))
    return { token: { kind: 'op', text: character }, end: index + 1 };

  NAME.lastIndex = index;
  const text = NAME.exec(source)?.[0] ?? character;
  const end = index + text.length;
  const quote = source[end];
  if ((quote === '"' || quote === "'") && STRING_PREFIX.test(text)) {
    const literal = readPythonString(source, end, text);
    return { token: { kind: 'string', value: literal.value }, end: literal.end };
  }

  return { token: { kind: 'name', text }, end };
}

function measureIndent(source: string, start: number): { end: number; width: number } {
  let width = 0;
  for (let index = start; index < source.length; index++) {
    const character = source[index];
    if (character === ' ') {
      width++;
      continue;
    }

    if (character === '\t') {
      width = (Math.floor(width / 8) + 1) * 8;
      continue;
    }

    if (character !== '\f') return { end: index, width };
  }

  return { end: source.length, width };
}
