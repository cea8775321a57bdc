// The entries of `ftl2 doc`: options, attributes and return values, each with its
// description and fields, and nested entries (suboptions, `contains`) indented below it.
import { isDocObject } from './doc-fragments.js';
import { formatScalar, type RenderOptions, renderParagraphs } from './doc-render-text.js';
import { getTextWidth } from './text-width.js';

export type EntryKind = 'option' | 'attribute' | 'return';

// Fields shown under each kind of entry, in this order; the description comes first.
const FIELDS: Record<EntryKind, string[]> = {
  option: ['aliases', 'choices', 'default', 'elements', 'type', 'version_added'],
  attribute: ['support', 'platforms', 'membership', 'details', 'version_added'],
  return: ['returned', 'type', 'elements', 'sample', 'version_added'],
};

const NESTED: Record<EntryKind, string[]> = {
  option: ['suboptions', 'options'],
  attribute: [],
  return: ['contains'],
};

const LABELS: Record<string, string> = { version_added: 'added in' };

/** The entries of a mapping such as `options`, sorted by name, as indented lines. */
export function renderEntries(
  raw: unknown,
  kind: EntryKind,
  options: RenderOptions,
  indent = '',
): string[] {
  if (!isDocObject(raw)) return [];

  const lines: string[] = [];
  for (const name of Object.keys(raw).sort()) {
    const entry = raw[name];
    const fields = isDocObject(entry) ? entry : {};
    const marker = kind === 'option' && fields.required === true ? '=' : '-';
    if (lines.length > 0 && indent === '') lines.push('');
    lines.push(`${indent}${marker} ${options.style.bold(name)}`);
    lines.push(...renderParagraphs(fields.description, `${indent}    `, options));
    for (const field of FIELDS[kind]) {
      lines.push(...renderField(field, fields[field], `${indent}    `, options));
    }

    for (const key of NESTED[kind]) {
      if (!isDocObject(fields[key])) continue;

      lines.push(`${indent}    ${options.style.dim(`${key}:`)}`);
      lines.push(...renderEntries(fields[key], kind, options, `${indent}      `));
    }
  }

  return lines;
}

function renderField(
  field: string,
  value: unknown,
  indent: string,
  options: RenderOptions,
): string[] {
  if (value === undefined || value === null) return [];
  if (field === 'default' && value === '') return [];

  const label = `${LABELS[field] ?? field}:`;
  const text = formatFieldValue(field, value);
  const room = options.columns - indent.length - getTextWidth(label) - 1;
  const styled = options.style.dim(label);
  if (getTextWidth(text) <= room || typeof value !== 'object')
    return [`${indent}${styled} ${text}`];

  // A sample too wide for one line is shown as indented JSON below its label.
  const json = JSON.stringify(value, null, 2).split('\n');
  return [`${indent}${styled}`, ...json.map((line) => `${indent}  ${line}`)];
}

function formatFieldValue(field: string, value: unknown): string {
  if (field === 'choices' && isDocObject(value)) return Object.keys(value).join(', ');
  if (
    (field === 'choices' || field === 'aliases' || field === 'platforms') &&
    Array.isArray(value)
  ) {
    return value.map(formatScalar).join(', ');
  }

  return formatScalar(value);
}
