// `ftl2 doc REF`: a module's documentation, found as `exec` finds the module: its options,
// examples and return values, readable in a terminal or as one JSON object. Exit 0 when the
// module is found (documented or not), 3 when it is not.
import { createStyle } from './color.js';
import { writeOutput } from './command-output.js';
import type { DocObject } from './doc-fragments.js';
import { renderModuleDoc } from './doc-render.js';
import type { CliIo } from './exec-command.js';
import { readModuleDoc } from './module-doc.js';
import { resolveRef } from './resolve-name.js';
import { createModuleSearch, type SearchCliOptions } from './search-options.js';
import { type DisplayStream, getTerminalSize, shouldUseColor } from './terminal.js';

export interface DocCommandOptions extends SearchCliOptions {
  json?: boolean;
  /** False for --no-color. */
  color: boolean;
}

export interface DocReport {
  ref: string;
  found: boolean;
  error: string | null;
  fqcn: string | null;
  path: string | null;
  /** The names followed from REF through every redirect. */
  chain: string[];
  /** Deprecations met on the way, and fragments or sections that could not be read. */
  warnings: string[];
  /** The file the documentation came from: the module, or its sidecar; null when not found. */
  docFile: string | null;
  doc: DocObject | null;
  examples: string | null;
  return: DocObject | null;
}

/** Prints the documentation of REF and sets the exit code: 0 found, 3 not. */
export async function runDoc(ref: string, options: DocCommandOptions, io: CliIo): Promise<void> {
  const search = createModuleSearch(options);
  const outcome = await resolveRef(ref, search);
  if (!outcome.ok) {
    process.exitCode = 3;
    const report: DocReport = {
      ...EMPTY,
      ref,
      error: outcome.error,
      chain: outcome.chain,
      warnings: outcome.warnings,
    };
    if (options.json) return writeOutput(io.stdout, `${JSON.stringify(report, null, 2)}\n`);

    return writeOutput(io.stderr, `error: ${outcome.error}\n`);
  }

  const { module } = outcome;
  const read = await readModuleDoc(module.path, search);
  const report: DocReport = {
    ref,
    found: true,
    error: null,
    fqcn: module.fqcn,
    path: module.path,
    chain: module.chain,
    warnings: [...module.warnings, ...read.warnings],
    docFile: read.docFile,
    doc: read.doc,
    examples: read.examples,
    return: read.returns,
  };
  process.exitCode = 0;
  if (options.json) return writeOutput(io.stdout, `${JSON.stringify(report, null, 2)}\n`);

  const stream = io.stdout as DisplayStream;
  const isTerminal = stream.isTTY === true;
  const text = renderModuleDoc(report, {
    columns: isTerminal ? Math.min(getTerminalSize(stream).columns, 100) : 80,
    style: createStyle(options.color && shouldUseColor(stream)),
  });
  for (const warning of report.warnings) io.stderr.write(`[WARNING] ${warning}\n`);
  return writeOutput(stream, text);
}

const EMPTY: DocReport = {
  ref: '',
  found: false,
  error: null,
  fqcn: null,
  path: null,
  chain: [],
  warnings: [],
  docFile: null,
  doc: null,
  examples: null,
  return: null,
};
