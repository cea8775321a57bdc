// The PATTERN of `ftl2 list`: a glob over the whole FQCN, as Python's fnmatch reads one
// (`*`, `?`, `[abc]`, `[!abc]`; case matters), or, without any of those, a piece of text the
// FQCN must hold, so that `ftl2 list community.general` and `ftl2 list ping` do what they say.

/** A test of FQCNs against `pattern`; with no pattern, every FQCN passes. */
export function compileNamePattern(pattern: string | undefined): (fqcn: string) => boolean {
  if (pattern === undefined || pattern === '') return () => true;
  if (!/[*?[]/.test(pattern)) return (fqcn) => fqcn.includes(pattern);

  const expression = new RegExp(`^${translateGlob(pattern)}$`, 's');
  return (fqcn) => expression.test(fqcn);
}

function translateGlob(pattern: string): string {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index] as string;
    if (character === '*') {
      source += '.*';
      continue;
    }

    if (character === '?') {
      source += '.';
      continue;
    }

    const end = character === '[' ? findClassEnd(pattern, index) : -1;
    if (end === -1) {
      source += escapeForRegExp(character);
      continue;
    }

    source += translateClass(pattern.slice(index + 1, end));
    index = end;
  }

  return source;
}

// As in fnmatch, a `]` right after `[` or `[!` belongs to the class; an unclosed `[` is itself.
function findClassEnd(pattern: string, start: number): number {
  let index = start + 1;
  if (pattern[index] === '!') index++;
  if (pattern[index] === ']') index++;
  return pattern.indexOf(']', index);
}

function translateClass(body: string): string {
  const isNegated = body.startsWith('!');
  const members = (isNegated ? body.slice(1) : body).replace(/[\\^\]]/g, '\\$&');
  return `[${isNegated ? '^' : ''}${members}]`;
}

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
