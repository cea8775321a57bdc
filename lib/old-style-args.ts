// The `key=value` args file old-style modules read (ANSIBLE.md §1.2): each value as Python's
// str() writes it, quoted as Python's shlex.quote() does, the pairs joined by spaces.

/** The text of an old-style args file for these params. */
export function formatOldStyleArgs(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(([name, value]) => `${name}=${quoteForShell(toPythonStr(value))}`)
    .join(' ');
}

const SAFE_WORD = /^[\w@%+=:,./-]+$/;

function quoteForShell(text: string): string {
  if (text === '') return "''";
  if (SAFE_WORD.test(text)) return text;
  return `'${text.replaceAll("'", `'"'"'`)}'`;
}

function toPythonStr(value: unknown): string {
  return typeof value === 'string' ? value : toPythonRepr(value);
}

function toPythonRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return quotePythonString(value);
  if (Array.isArray(value)) return `[${value.map(toPythonRepr).join(', ')}]`;

  const entries = Object.entries(value as Record<string, unknown>);
  const items = entries.map(([key, item]) => `${quotePythonString(key)}: ${toPythonRepr(item)}`);
  return `{${items.join(', ')}}`;
}

function quotePythonString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text
    .replaceAll('\\', '\\\\')
    .replaceAll('\n', '\\n')
    .replaceAll('\r', '\\r')
    .replaceAll('\t', '\\t');
  return quote + (quote === "'" ? escaped.replaceAll("'", "\\'") : escaped) + quote;
}
