// The string constants a Python file assigns to names, found without running Python: what
// Ansible's ast walk reads DOCUMENTATION, EXAMPLES and RETURN from (ANSIBLE.md §4), and the
// class attributes of a doc fragment. The tokens come from python-lines.ts; literals next to
// each other are joined as Python joins them, and anything else assigned (an f-string, an
// expression) is skipped, as it is no constant.
import { type LogicalLine, splitLogicalLines, type Token } from './python-lines.js';

export interface StringAssignment {
  name: string;
  value: string;
  /** The top-level class the assignment is in, or null at the top level of the file. */
  className: string | null;
}

// Where a line is: in a top-level class's body (className set), or at the top level.
interface Scope {
  className: string | null;
  bodyIndent: number | undefined;
}

/** The names assigned a string constant at the top level and in top-level class bodies. */
export function findStringAssignments(source: string): StringAssignment[] {
  const found: StringAssignment[] = [];
  const scope: Scope = { className: null, bodyIndent: undefined };
  for (const line of splitLogicalLines(source)) {
    if (!isInScope(line, scope)) continue;

    const assignment = readAssignment(line.tokens);
    if (assignment === undefined) continue;

    const { className } = scope;
    for (const name of assignment.names) found.push({ name, value: assignment.value, className });
  }

  return found;
}

// A top-level line opens a class body, or leaves one; an indented line counts only when it is
// directly in a class body, not deeper (in a method) and not under an `if` or a `def`.
function isInScope(line: LogicalLine, scope: Scope): boolean {
  if (line.indent === 0) {
    const [first, second] = line.tokens;
    const isClass = first?.kind === 'name' && first.text === 'class' && second?.kind === 'name';
    scope.className = isClass ? second.text : null;
    scope.bodyIndent = undefined;
    return true;
  }

  scope.bodyIndent ??= line.indent;
  return scope.className !== null && line.indent === scope.bodyIndent;
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
