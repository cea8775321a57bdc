// Module parameters from the command line (DESIGN.md §4). Error messages name the parameter,
// never its value: a value may be a secret and ftl2 prints none.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getErrorMessage, UsageError } from './errors.js';

export type Params = Record<string, unknown>;

export interface ParamSources {
  /** `--param` entries in the order given; later ones win. */
  entries: readonly string[];
  /** `--params FILE`, or `-` for stdin. */
  file?: string | undefined;
  cwd?: string;
  /** How `--params -` reads stdin; the whole of it, as text. */
  readStdin?: () => string;
}

/** The params object a run sends: the params file first, then each `--param` over it. */
export function collectParams(sources: ParamSources): Params {
  const cwd = sources.cwd ?? process.cwd();
  const params = new Map<string, unknown>();
  if (sources.file !== undefined) {
    const fromFile = readParamsFile(sources.file, cwd, sources.readStdin ?? readStdinText);
    for (const [name, value] of Object.entries(fromFile)) params.set(name, value);
  }

  for (const entry of sources.entries) {
    const [name, value] = parseParamEntry(entry, cwd);
    params.set(name, value);
  }

  // fromEntries defines own properties, so a name like `__proto__` stays a plain key.
  return Object.fromEntries(params);
}

/** One `--param` entry: `k=v` (JSON if it parses), `k:=JSON`, `k=@FILE` or `k:=@FILE`. */
export function parseParamEntry(entry: string, cwd = process.cwd()): [string, unknown] {
  const equals = entry.indexOf('=');
  if (equals === -1) {
    throw new UsageError(`--param '${entry}' is not NAME=VALUE; write --param ${entry}=VALUE`);
  }

  const isStrictJson = equals > 0 && entry[equals - 1] === ':';
  const name = entry.slice(0, isStrictJson ? equals - 1 : equals);
  if (name.length === 0) {
    throw new UsageError(
      `--param '${entry.slice(0, equals + 1)}...' has no name; write NAME=VALUE`,
    );
  }

  const rawValue = entry.slice(equals + 1);
  const operator = isStrictJson ? ':=' : '=';
  if (rawValue.startsWith('@')) {
    const text = readValueFile(name, operator, rawValue.slice(1), cwd);
    return [name, isStrictJson ? parseStrictJson(name, operator, text) : text];
  }

  if (isStrictJson) return [name, parseStrictJson(name, operator, rawValue)];
  return [name, parseLooseValue(rawValue)];
}

function parseLooseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function parseStrictJson(name: string, operator: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(
      `--param ${name}${operator} needs valid JSON; for plain text write --param ${name}=TEXT`,
    );
  }
}

function readValueFile(name: string, operator: string, file: string, cwd: string): string {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(
      `--param ${name}${operator}@${file}: cannot read the file (${describeFsError(error)})`,
    );
  }

  // A file written by `echo` ends with a newline that is not part of the value.
  return text.replace(/\r?\n$/, '');
}

function readParamsFile(file: string, cwd: string, readStdin: () => string): Params {
  const label = file === '-' ? '--params - (stdin)' : `--params ${file}`;
  let text: string;
  try {
    text = file === '-' ? readStdin() : readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`${label}: cannot read it (${describeFsError(error)})`);
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`${label}: not valid JSON; give one JSON object of params`);
  }

  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`${label}: must hold one JSON object of params, like {"name": "value"}`);
  }

  return value as Params;
}

function readStdinText(): string {
  return readFileSync(0, 'utf8');
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return getErrorMessage(error);
}
