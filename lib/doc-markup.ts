// Ansible's documentation markup made readable in a terminal, as ansible-doc shows it:
// C(code), I(italic), B(bold), M(module), U(url), L(text,url), R(text,ref), HORIZONTALLINE,
// and the newer O(option), V(value), RV(return value), E(variable), P(plugin#type).

import { toDisplayLines } from './format.js';

const RULES: Array<[RegExp, string]> = [
  [/\bL\(([^)]+?), *([^)]+)\)/g, '$1 <$2>'],
  [/\bR\(([^)]+?), *([^)]+)\)/g, '$1'],
  [/\b(?:C|I|O|V|RV|E)\(([^)]+)\)/g, '`$1`'],
  [/\bB\(([^)]+)\)/g, '*$1*'],
  [/\bM\(([^)]+)\)/g, '[$1]'],
  [/\bP\(([^)#]+)(?:#[^)]*)?\)/g, '[$1]'],
  [/\bU\(([^)]+)\)/g, '$1'],
  [/\bHORIZONTALLINE\b/g, '-------------'],
];

/** `text` with Ansible's markup replaced by plain-text marks. */
export function convertMarkup(text: string): string {
  // Documentation comes from module files: nothing in it may drive the terminal.
  let result = toDisplayLines(text);
  for (const [pattern, replacement] of RULES) result = result.replace(pattern, replacement);
  return result;
}
