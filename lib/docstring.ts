// The string constants a Python file assigns to names, found without running Python: what
// Ansible's ast walk reads DOCUMENTATION, EXAMPLES and RETURN from (ANSIBLE.md §4), and the
// class attributes of a doc fragment. A small tokenizer knows enough of Python for that:
// comments, brackets, line continuations, and string literals of every kind, adjacent ones
// joined as Python joins them. Anything else assigned (an f-string, an expression) is skipped.
import { readPythonString } from './python-string.js';

export interface StringAssignment {
  name: string;
  value: string;
  /** The top-level class the assignment is in, or null at the top level of the file. */
  className: string | null;
}

type Token =
  | { kind: 'name'; text: string }
  | { kind: 'string'; value: string | undefined }
  | { kind: 'op'; text: string };

interface LogicalLine {
  indent: number;
  tokens: Token[];
}

const NAME_START = /[\p{L}\p{N}_]/u;
const NAME = /[\p{L}\p{N}_]+/uy;

/** The names assigned a string constant at the top level and in top-level class bodies. */
export function findStringAssignments(source: string): StringAssignment[] {
  const found: StringAssignment[] = [];
  let className: string | null = null;
  let bodyIndent: number | undefined;
  for (const line of splitLogicalLines(source)) {
    if (line.indent === 0) {
      const [first, second] = line.tokens;
      const isClass = first?.kind === 'name' && first.text === 'class' && second?.kind === 'name';
      className = isClass ? second.text : null;
      bodyIndent = undefined;
    } else {
      bodyIndent ??= line.indent;
      if (className === null || line.indent !== bodyIndent) continue;
    }

    const assignment = readAssignment(line.tokens);
    if (assignment === undefined) continue;

    for (const name of assignment.names) found.push({ name, value: assignment.value, className });
  }

  return found;
}

// `A = 'x'`, `A = B = 'x'`, `A = ('x' 'y')`: names, `=`, then only strings and brackets.
function readAssignment(tokens: Token[]): { names: string[]; value: string } | undefined {
  const names: string[] = [];
  let index = 0;
  for (;;) {
    const name = tokens[index];
    const equals = tokens[index + 1];
    if (name?.kind !== 'name' || equals?.kind !== 'op' || equals.text !== '=') break;

    names.push(name.text);
    index += 2;
  }

  const rest = tokens
    .slice(index)
    .filter((token) => !(token.kind === 'op' && (token.text === '(' || token.text === ')')));
  if (names.length === 0 || rest.length === 0) return undefined;

  let value = '';
  for (const token of rest) {
    if (token.kind !== 'string' || token.value === undefined) return undefined;
    value += token.value;
  }

  return { names, value };
}

function splitLogicalLines(source: string): LogicalLine[] {
  const lines: LogicalLine[] = [];
  let current: LogicalLine | undefined;
  let depth = 0;
  let index = 0;
  while (index < source.length) {
    const character = source[index] as string;
    if (current === undefined) {
      const indent = measureIndent(source, index);
      index += indent.length;
      current = { indent: indent.width, tokens: [] };
      continue;
    }

    if (character === '\n') {
      index++;
      if (depth > 0) continue;
      if (current.tokens.length > 0) lines.push(current);
      current = undefined;
      continue;
    }

    if (character === '#') {
      const end = source.indexOf('\n', index);
      index = end === -1 ? source.length : end;
      continue;
    }

    if (character === '\\' && (source[index + 1] === '\n' || source[index + 1] === '\r')) {
      index += source[index + 1] === '\r' && source[index + 2] === '\n' ? 3 : 2;
      continue;
    }

    if (character === ' ' || character === '\t' || character === '\r' || character === '\f') {
      index++;
      continue;
    }

    if (character === '"' || character === "'") {
      const literal = readPythonString(source, index, '');
      current.tokens.push({ kind: 'string', value: literal.value });
      index = literal.end;
      continue;
    }

    if (NAME_START.test(character)) {
      NAME.lastIndex = index;
      const text = NAME.exec(source)?.[0] ?? character;
      const end = index + text.length;
      const quote = source[end];
      if ((quote === '"' || quote === "'") && /^(?:[rRuUbBfF]|[rR][bBfF]|[bBfF][rR])$/.test(text)) {
        const literal = readPythonString(source, end, text);
        current.tokens.push({ kind: 'string', value: literal.value });
        index = literal.end;
        continue;
      }

      current.tokens.push({ kind: 'name', text });
      index = end;
      continue;
    }

    if ('([{'.includes(character)) depth++;
    if (')]}'.includes(character)) depth = Math.max(0, depth - 1);
    current.tokens.push({ kind: 'op', text: character });
    index++;
  }

  if (current !== undefined && current.tokens.length > 0) lines.push(current);
  return lines;
}

// Python's rule: a tab moves to the next multiple of 8 columns.
function measureIndent(source: string, start: number): { length: number; width: number } {
  let index = start;
  let width = 0;
  for (; index < source.length; index++) {
    const character = source[index];
    if (character === ' ') width++;
    else if (character === '\t') width = (Math.floor(width / 8) + 1) * 8;
    else if (character !== '\f') break;
  }

  return { length: index - start, width };
}
