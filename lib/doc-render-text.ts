// Text pieces shared by the parts of `ftl2 doc`'s view: wrapped paragraphs of Ansible markup,
// and YAML values written on one line.

import type { Style } from './color.js';
import { convertMarkup } from './doc-markup.js';
import { toDisplayLines } from './format.js';
import { wrapText } from './wrap-text.js';

export interface RenderOptions {
  /** The width to wrap text at. */
  columns: number;
  style: Style;
}

/** Each paragraph of a description (a text or a list of texts) wrapped and indented. */
export function renderParagraphs(raw: unknown, indent: string, options: RenderOptions): string[] {
  const width = Math.max(20, options.columns - indent.length);
  return toTexts(raw).flatMap((text) =>
    wrapText(convertMarkup(text).trim(), width).map((line) => `${indent}${line}`.trimEnd()),
  );
}

/** A description field as a list of texts, whatever shape it was written in. */
export function toTexts(raw: unknown): string[] {
  if (raw === undefined || raw === null) return [];
  const items = Array.isArray(raw) ? raw : [raw];
  return items.map((item) => (typeof item === 'string' ? item : formatScalar(item)));
}

/** A YAML value in one line: text as it is, anything else as JSON. */
export function formatScalar(value: unknown): string {
  return toDisplayLines(typeof value === 'string' ? value : JSON.stringify(value));
}
