// The text view of `ftl2 doc`, laid out as ansible-doc lays it out: the name and what the
// module does, its options (`=` required, `-` optional) with their types, defaults and
// choices, then attributes, notes, see also, requirements, authors, examples, return values.
import { basename } from 'node:path';
import type { Style } from './color.js';
import type { DocReport } from './doc-command.js';
import { type DocObject, isDocObject } from './doc-fragments.js';
import { convertMarkup } from './doc-markup.js';
import { renderEntries } from './doc-render-entries.js';
import { formatScalar, type RenderOptions, renderParagraphs, toTexts } from './doc-render-text.js';
import { getSidecarPaths } from './docstub.js';
import { toDisplayLines } from './format.js';
import { wrapText } from './wrap-text.js';

/** The documentation of a found module as text for a terminal or a pager. */
export function renderModuleDoc(report: DocReport, options: RenderOptions): string {
  const { style } = options;
  const { doc } = report;
  const title = report.fqcn ?? report.ref;
  const summary = doc === null ? undefined : readText(doc.short_description);
  const lines = [style.bold(summary === undefined ? title : `${title}: ${summary}`)];
  const field = (label: string, value: string): string => `  ${style.dim(label.padEnd(9))}${value}`;
  lines.push(field('file', report.path ?? ''));
  if (report.docFile !== null && report.docFile !== report.path) {
    lines.push(field('docs', report.docFile));
  }

  if (report.chain.length > 1) lines.push(field('chain', report.chain.join(' -> ')));

  if (doc === null) {
    lines.push('', describeMissingDoc(title, report.path ?? '', report.docFile));
    return `${lines.join('\n')}\n`;
  }

  if (doc.version_added !== undefined) {
    lines.push(field('added in', formatScalar(doc.version_added)));
  }

  lines.push(...renderDeprecation(doc.deprecated, options));
  const description = renderParagraphs(doc.description, '  ', options);
  if (description.length > 0) lines.push('', ...description);
  const optionLines = renderEntries(doc.options, 'option', options);
  pushSection(lines, 'OPTIONS (= is required)', optionLines, style);
  pushSection(lines, 'ATTRIBUTES', renderEntries(doc.attributes, 'attribute', options), style);
  pushSection(lines, 'NOTES', renderBullets(doc.notes, options), style);
  pushSection(lines, 'SEE ALSO', renderSeeAlso(doc.seealso, options), style);
  pushSection(lines, 'REQUIREMENTS', renderBullets(doc.requirements, options), style);
  pushSection(lines, 'AUTHOR', renderBullets(doc.author, options), style);
  const examples = toDisplayLines(report.examples ?? '')
    .replace(/^\s*\n/, '')
    .trimEnd();
  pushSection(lines, 'EXAMPLES', examples === '' ? [] : examples.split('\n'), style);
  pushSection(lines, 'RETURN VALUES', renderEntries(report.return, 'return', options), style);
  return `${lines.join('\n')}\n`;
}

function describeMissingDoc(title: string, path: string, docFile: string | null): string {
  const missing = `${title} has no documentation`;
  if (docFile !== path) return `${missing}: no readable DOCUMENTATION in ${docFile}.`;
  if (path.endsWith('.py')) return `${missing}: no readable DOCUMENTATION in it.`;

  const sidecars = getSidecarPaths(basename(path)).join(', ');
  return `${missing}: no DOCUMENTATION in it, and none of ${sidecars} beside it.`;
}

function pushSection(lines: string[], heading: string, body: string[], style: Style): void {
  if (body.length === 0) return;
  lines.push('', style.bold(`${heading}:`), '', ...body);
}

function renderBullets(raw: unknown, options: RenderOptions): string[] {
  const width = Math.max(20, options.columns - 4);
  return toTexts(raw).flatMap((text) =>
    wrapText(convertMarkup(text).trim(), width).map(
      (line, index) => `${index === 0 ? '  * ' : '    '}${line}`,
    ),
  );
}

function renderSeeAlso(raw: unknown, options: RenderOptions): string[] {
  if (!Array.isArray(raw)) return [];

  return raw.filter(isDocObject).flatMap((entry) => {
    const heading = describeSeeAlso(entry);
    const description = renderParagraphs(entry.description, '      ', options);
    return [`  * ${heading}`, ...description];
  });
}

function describeSeeAlso(entry: DocObject): string {
  if (typeof entry.module === 'string') return `Module ${entry.module}`;
  if (typeof entry.plugin === 'string') return `${entry.plugin_type ?? 'Plugin'} ${entry.plugin}`;
  if (typeof entry.ref === 'string') return `${readText(entry.name) ?? entry.ref} (${entry.ref})`;
  return `${readText(entry.name) ?? ''} ${readText(entry.link) ?? ''}`.trim();
}

function renderDeprecation(raw: unknown, options: RenderOptions): string[] {
  if (!isDocObject(raw)) return [];

  const when = raw.removed_in ?? raw.removed_at_date;
  const removal = when === undefined ? '' : ` (to be removed: ${formatScalar(when)})`;
  const why = [raw.why, raw.alternative].map(readText).filter((text) => text !== undefined);
  const head = `  ${options.style.yellow(`DEPRECATED${removal}`)}`;
  return [head, ...renderParagraphs(why, '    ', options)];
}

function readText(value: unknown): string | undefined {
  return typeof value === 'string' ? convertMarkup(value) : undefined;
}
