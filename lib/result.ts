// Reading a module's stdout as Ansible does and deciding how the run went (DESIGN.md §1, §3).
import type { Status } from './protocol.js';

export interface ParsedOutput {
  /** The module's JSON result, or null when stdout holds no JSON object. */
  output: Record<string, unknown> | null;
  /** Why there is no output, in a few words; undefined when there is. */
  problem: string | undefined;
  warnings: string[];
}

/**
 * The JSON object on a module's stdout. As Ansible does, lines before the first line that
 * starts with `{` and after the last line that ends with `}` are ignored, with a warning.
 */
export function parseModuleStdout(stdout: string): ParsedOutput {
  if (stdout.trim() === '')
    return { output: null, problem: 'printed nothing on stdout', warnings: [] };

  const lines = stdout.split('\n');
  const first = lines.findIndex((line) => line.trimStart().startsWith('{'));
  const last = lines.findLastIndex((line) => line.trimEnd().endsWith('}'));
  if (first === -1 || last < first) {
    return { output: null, problem: describeNonObject(stdout), warnings: [] };
  }

  let value: unknown;
  try {
    value = JSON.parse(lines.slice(first, last + 1).join('\n'));
  } catch {
    return { output: null, problem: 'printed text on stdout that is not valid JSON', warnings: [] };
  }

  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { output: null, problem: describeNonObject(stdout), warnings: [] };
  }

  // JSON.parse takes any depth, but JSON.stringify, which every renderer uses, runs out of
  // stack past some thousands of levels: such a result is refused here, once.
  if (!canStringify(value)) {
    return { output: null, problem: 'printed a JSON result nested too deeply', warnings: [] };
  }

  const warnings: string[] = [];
  const before = lines.slice(0, first).join('\n').trim();
  const after = lines
    .slice(last + 1)
    .join('\n')
    .trim();
  if (before !== '') warnings.push(`module printed text before its JSON result: ${clip(before)}`);
  if (after !== '') warnings.push(`module printed text after its JSON result: ${clip(after)}`);
  return { output: value as Record<string, unknown>, problem: undefined, warnings };
}

function describeNonObject(stdout: string): string {
  let value: unknown;
  try {
    value = JSON.parse(stdout);
  } catch {
    return 'printed no JSON object on stdout';
  }

  const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
  return `printed ${kind} as JSON on stdout, not an object`;
}

/** The warnings and deprecations a module returned, as Ansible would print them. */
export function getModuleWarnings(output: Record<string, unknown> | null): string[] {
  if (output === null) return [];

  const warnings = Array.isArray(output.warnings) ? output.warnings.map(toText) : [];
  const deprecations = Array.isArray(output.deprecations) ? output.deprecations : [];
  for (const deprecation of deprecations) {
    const message = (deprecation as { msg?: unknown } | null)?.msg;
    warnings.push(`deprecation: ${toText(typeof message === 'string' ? message : deprecation)}`);
  }

  return warnings;
}

// Whatever a module put there: a string as it is, anything else as its JSON (which cannot
// fail here, as the value came from JSON.parse and stringifying the result already passed).
function toText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export interface Outcome {
  status: Status;
  error: string | null;
}

export interface ExitFacts {
  output: Record<string, unknown> | null;
  problem: string | undefined;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOutAfter: number | undefined;
  interruptedBy: NodeJS.Signals | undefined;
  /** The last line the module wrote to stderr that was not an event. */
  lastStderrLine: string | undefined;
}

/** The status and error of a finished run, causes checked in a fixed order. */
export function decideOutcome(facts: ExitFacts): Outcome {
  if (facts.interruptedBy !== undefined) {
    return { status: 'interrupted', error: `interrupted by ${facts.interruptedBy}` };
  }

  if (facts.timedOutAfter !== undefined) {
    return { status: 'timeout', error: `timed out after ${facts.timedOutAfter} s` };
  }

  const message = facts.output?.msg;
  const moduleMessage = typeof message === 'string' && message !== '' ? message : undefined;
  if (facts.output?.failed === true) {
    return { status: 'failed', error: moduleMessage ?? 'module reported failed: true' };
  }

  if (facts.signal !== null) {
    return { status: 'failed', error: withStderr(`killed by signal ${facts.signal}`, facts) };
  }

  if (facts.exitCode !== 0) {
    const code = `exited with code ${facts.exitCode}`;
    if (facts.output !== null) return { status: 'failed', error: moduleMessage ?? code };
    return { status: 'failed', error: withStderr(`${code} and ${facts.problem}`, facts) };
  }

  if (facts.output === null) {
    return { status: 'invalid_output', error: withStderr(`module ${facts.problem}`, facts) };
  }

  return { status: 'ok', error: null };
}

function withStderr(error: string, facts: ExitFacts): string {
  return facts.lastStderrLine === undefined ? error : `${error}: ${clip(facts.lastStderrLine)}`;
}

function clip(text: string): string {
  const line = text.replaceAll(/\s*\n\s*/g, ' ');
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

/** Whether JSON.stringify can write `value` (it throws a RangeError when nested too deeply). */
export function canStringify(value: unknown): boolean {
  try {
    JSON.stringify(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The output as ftl2's command line shows it: without `invocation`, the echo of the params
 * that Ansible modules add, unless `verbosity` is 3 or more (-vvv), as Ansible's own output
 * does. Param values thus stay out of what ftl2 prints.
 */
export function hideInvocation(
  output: Record<string, unknown> | null,
  verbosity: number,
): Record<string, unknown> | null {
  if (output === null || verbosity >= 3 || !Object.hasOwn(output, 'invocation')) return output;

  return Object.fromEntries(Object.entries(output).filter(([name]) => name !== 'invocation'));
}
