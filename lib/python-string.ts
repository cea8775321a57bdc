// One Python string literal read from source text: '...', "...", '''...''', """...""", with
// the r, u, b and f prefixes, and backslash escapes decoded as Python decodes them.

export interface PythonString {
  /** The literal's value; undefined for an f-string, whose value is only known at run time. */
  value: string | undefined;
  /** The index just after the closing quote (or the end of the text, when it has none). */
  end: number;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\u0007',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

// What ends the reading of a body, for each delimiter, after an escape is skipped.
const STOPS: Record<string, RegExp> = {
  "'''": /\\[\s\S]|'''/g,
  '"""': /\\[\s\S]|"""/g,
  "'": /\\[\s\S]|'|\n/g,
  '"': /\\[\s\S]|"|\n/g,
};

/** The literal whose opening quote is at `start`, read with `prefix` (such as `r` or `rb`). */
export function readPythonString(source: string, start: number, prefix: string): PythonString {
  const quote = source[start] as string;
  const isTriple = source[start + 1] === quote && source[start + 2] === quote;
  const delimiter = isTriple ? quote.repeat(3) : quote;
  const bodyStart = start + delimiter.length;
  // A backslash always takes the next character along, in raw strings too; a one-quote string
  // ends at the line's end, which Python would reject, so the reading stops there.
  const stop = STOPS[delimiter] as RegExp;
  stop.lastIndex = bodyStart;
  let bodyEnd = source.length;
  let end = source.length;
  for (let match = stop.exec(source); match !== null; match = stop.exec(source)) {
    if (match[0].startsWith('\\')) continue;

    bodyEnd = match.index;
    end = match[0] === '\n' ? match.index : match.index + delimiter.length;
    break;
  }

  const text = source.slice(bodyStart, bodyEnd).replaceAll('\r\n', '\n');
  if (/f/i.test(prefix)) return { value: undefined, end };
  return { value: /r/i.test(prefix) ? text : decodeEscapes(text, /b/i.test(prefix)), end };
}

function decodeEscapes(text: string, isBytes: boolean): string {
  return text.replace(
    /\\(?:([0-7]{1,3})|x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([\s\S]))/g,
    (whole, octal, hex, short, long, other: string | undefined) => {
      if (octal !== undefined) return String.fromCodePoint(Number.parseInt(octal, 8));
      if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16));
      // \u and \U are escapes in text only; in bytes they stay as written.
      const unicode = short ?? long;
      if (unicode !== undefined) {
        return isBytes ? whole : String.fromCodePoint(Number.parseInt(unicode, 16));
      }

      return SIMPLE_ESCAPES[other as string] ?? whole;
    },
  );
}
