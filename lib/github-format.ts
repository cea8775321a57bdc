// GitHub Actions workflow commands (docs/render.md): commands with their values escaped as the
// runner unescapes them, and plain text that the runner can never take for a command.
import { stripVTControlCharacters } from 'node:util';

/** A command's message as the runner reads it back: `%`, CR and LF escaped. */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** A command property's value: escaped as a message is, and `:` and `,` too. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** One workflow command line, such as `::error title=step failed::disk full`, with a newline. */
export function formatCommand(
  name: string,
  message: string,
  properties: Record<string, string> = {},
): string {
  const fields = Object.entries(properties)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  return `::${name}${fields === '' ? '' : ` ${fields}`}::${escapeData(message)}\n`;
}

/** Text from a module for a command's value: no escape sequences, no controls but CR and LF. */
export function toCommandText(text: string): string {
  return stripVTControlCharacters(text).replaceAll(CONTROLS_BUT_LINE_ENDS, ' ');
}

const CONTROLS_BUT_LINE_ENDS = /[^\P{Cc}\r\n]/gu;

/**
 * Text lines the runner shows and never runs. The runner takes a line for a command when it
 * starts with `::` after leading white space, or when it holds the legacy `##[` anywhere; so
 * `::` at the start becomes `::\` and `##[` becomes `##[\`, which name no command (the
 * runner escapes its own `##[start-action` markers the same way).
 */
export function neutralizeCommands(text: string): string {
  if (!text.includes('::') && !text.includes('##[')) return text;

  // The runner may also end a line at a lone \r, so each piece between any line ends counts.
  return text
    .split(/(\r\n|\r|\n)/)
    .map((piece) => piece.replace(COMMAND_START, '$&\\').replaceAll('##[', '##[\\'))
    .join('');
}

// The runner trims with .NET's char.IsWhiteSpace, which also counts some controls (U+001C-U+001F,
// U+0085); every control is counted here, to be sure.
const COMMAND_START = /^[\s\p{Cc}]*::/u;

/**
 * Pretty JSON for a log the runner reads: `##[` can only be inside a string there, so its `[`
 * is written `\u005b`, which JSON reads back as the same text.
 */
export function neutralizeJson(json: string): string {
  return json.replaceAll('##[', '##\\u005b');
}
