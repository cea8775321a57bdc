// The YAML scalar of a `short_description:` stub, read as PyYAML reads the few forms modules
// use: plain text over one or more lines, 'single' or "double" quotes, `>` and `|` blocks.
// The full YAML parser is not loaded for this: `ftl2 list` reads thousands of these.

/** The text of a scalar written after `key:`, its continuation lines included; null if empty. */
export function parseStubScalar(raw: string): string | null {
  const text = raw.trim();
  if (text === '') return null;

  const first = text[0];
  if (first === "'") return readSingleQuoted(text);
  if (first === '"') return readDoubleQuoted(text);
  if (first === '>' || first === '|') return readBlock(text);
  return readPlain(text);
}

// Plain scalars fold their lines with spaces, and end at ` #`, where a comment begins.
function readPlain(text: string): string | null {
  const joined = text
    .split('\n')
    .map((line) => line.trim())
    .join(' ');
  const comment = joined.search(/\s#/);
  const value = (comment === -1 ? joined : joined.slice(0, comment)).trim();
  return value === '' ? null : value;
}

function readSingleQuoted(text: string): string {
  let body = '';
  for (let index = 1; index < text.length; index++) {
    const character = text[index] as string;
    if (character !== "'") {
      body += character;
      continue;
    }

    if (text[index + 1] !== "'") break;
    body += "'";
    index++;
  }

  return foldQuoted(body).trim();
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\u0007',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\u001b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
};

const HEX_LENGTHS: Record<string, number> = { x: 2, u: 4, U: 8 };

// Escapes are decoded after folding, so a `\` at a line end joins the lines without a space.
function readDoubleQuoted(text: string): string {
  let body = '';
  for (let index = 1; index < text.length; index++) {
    const character = text[index] as string;
    if (character === '"') break;
    if (character !== '\\') {
      body += character;
      continue;
    }

    body += character + (text[index + 1] ?? '');
    index++;
  }

  const folded = foldQuoted(body.replace(/\\\n\s*/g, ''));
  return decodeEscapes(folded).trim();
}

function decodeEscapes(text: string): string {
  return text.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (whole, code) => {
    const kind = (code as string)[0] as string;
    const length = HEX_LENGTHS[kind];
    if (length !== undefined && (code as string).length === length + 1) {
      return String.fromCodePoint(Number.parseInt((code as string).slice(1), 16));
    }

    return ESCAPES[code as string] ?? whole;
  });
}

// In quoted scalars a line break is a space, and each empty line a newline.
function foldQuoted(body: string): string {
  const lines = body.split('\n').map((line) => line.trim());
  let result = lines[0] ?? '';
  for (const line of lines.slice(1)) {
    if (line === '') {
      result += '\n';
      continue;
    }

    result += result === '' || result.endsWith('\n') ? line : ` ${line}`;
  }

  return result;
}

// `>` folds the block's lines with spaces, `|` keeps them; either way the ends are trimmed.
function readBlock(text: string): string | null {
  const [header, ...lines] = text.split('\n');
  const separator = header?.startsWith('>') ? ' ' : '\n';
  const value = lines
    .map((line) => line.trim())
    .join(separator)
    .trim();
  return value === '' ? null : value;
}
