// How the human view ends a run: the module's stderr tail and the error when it failed, then
// one status line; and the module's output, as people read it.
import type { Style } from './color.js';
import { formatDuration, toDisplayText } from './format.js';
import type { Status } from './protocol.js';
import { canStringify } from './result.js';
import type { ExecutionResult } from './run-types.js';
import { truncateText } from './text-width.js';

const STDERR_TAIL_LINES = 10;

/** The lines that end a run on stderr, the status line last, each ending in a newline. */
export function formatRunEnding(
  result: ExecutionResult,
  options: { style: Style; showStderr: boolean },
): string {
  const { style } = options;
  const lines = formatEndingStderr(result, options);
  if (result.error !== null) lines.push(...formatError(result.error, style));
  lines.push(formatStatusLine(result, style));
  return lines.map((line) => `${line}\n`).join('');
}

// The first line of an error stands alone; the lines after it (the places searched for a
// module that was not found) keep their own lines, indented under it.
function formatError(error: string, style: Style): string[] {
  const [first = '', ...details] = error.split('\n');
  const rest = details
    .filter((line) => line.trim() !== '')
    .map((line) => `  ${toDisplayText(line.trimEnd())}`);
  return [`${style.red(style.bold('error:'))} ${toDisplayText(first)}`, ...rest];
}

/** The module's stderr tail that ends a run that did not succeed, heading first; or none. */
export function formatEndingStderr(
  result: ExecutionResult,
  options: { style: Style; showStderr: boolean },
): string[] {
  // An interrupt was the user's doing; what the module printed as it died is noise then.
  if (result.success || result.status === 'interrupted' || !options.showStderr) return [];

  return formatStderrTail(result.stderr, options.style);
}

/** `✔ ref ok, unchanged, 0.3s`: how a run ended, in one line. */
export function formatStatusLine(result: ExecutionResult, style: Style): string {
  const paint = STATUS_STYLES[result.status](style);
  const changed = result.changed ? style.yellow('changed') : 'unchanged';
  const symbol = paint(STATUS_SYMBOLS[result.status]);
  const duration = formatDuration(result.durationMs);
  const module = toDisplayText(result.module);
  return `${symbol} ${module} ${paint(result.status)}, ${changed}, ${duration}`;
}

const STATUS_SYMBOLS: Record<Status, string> = {
  ok: '✔',
  failed: '✖',
  timeout: '✖',
  interrupted: '⚠',
  invalid_output: '✖',
  not_found: '✖',
  error: '✖',
};

const STATUS_STYLES: Record<Status, (style: Style) => (text: string) => string> = {
  ok: (style) => style.green,
  failed: (style) => style.red,
  timeout: (style) => style.red,
  interrupted: (style) => style.yellow,
  invalid_output: (style) => style.red,
  not_found: (style) => style.red,
  error: (style) => style.red,
};

function formatStderrTail(stderr: string, style: Style): string[] {
  const lines = stderr.split('\n');
  while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop();
  if (lines.length === 0) return [];

  const tail = lines.slice(-STDERR_TAIL_LINES);
  const heading =
    tail.length < lines.length
      ? `module stderr (last ${tail.length} of ${lines.length} lines):`
      : 'module stderr:';
  return [style.dim(heading), ...tail.map((line) => `  ${truncateText(toDisplayText(line), 500)}`)];
}

/**
 * The module's output for stdout: pretty JSON, without what Ansible's default callback also
 * hides (`invocation`, which echoes the params, and internal `_ansible_*` keys).
 */
export function getShownOutput(output: Record<string, unknown> | null): string | undefined {
  if (output === null) return undefined;

  const shown = Object.fromEntries(
    Object.entries(output).filter(
      ([name]) => name !== 'invocation' && !name.startsWith('_ansible_'),
    ),
  );
  // A record read by render may hold output nested too deeply to write back out.
  return canStringify(shown) ? `${JSON.stringify(shown, null, 2)}\n` : undefined;
}
