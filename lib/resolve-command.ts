// `ftl2 resolve REF`: what `exec` would run for REF and how it would start it, the redirect
// chain, and every place searched, as text or as one JSON object. Exit 0 found, 3 not.
import { getModuleAction } from './action-params.js';
import { describeActionRule } from './action-plugins.js';
import type { CliIo } from './exec-command.js';
import type { ModuleShape, ModuleStyle } from './inspect.js';
import { parseModuleName } from './names.js';
import { chooseModulePython, findRunFile, readModule } from './plan-module.js';
import type { PythonRequest } from './python.js';
import { getPythonModuleName, isPathRef, type ResolvedModule } from './resolve.js';
import { resolveRef } from './resolve-name.js';
import { createModuleSearch, type SearchCliOptions } from './search-options.js';
import type { SearchFolder } from './search-path.js';

export interface ResolveCommandOptions extends SearchCliOptions {
  json?: boolean;
}

export interface StartReport {
  /** The file that runs: ansible-core's `command` module for `shell`. */
  file: string;
  style: ModuleStyle | null;
  /** How the file is started, in words. */
  how: string;
  interpreter: string | null;
  /** The dotted name an Ansible module is run by; null when it runs by path. */
  pythonName: string | null;
  /** What ftl2 does about the module's Ansible action plugin, when it has one. */
  action: string | null;
}

export interface FolderReport {
  path: string;
  source: string;
  /** False for a folder that is missing, or a collection root without ansible_collections/. */
  isSearched: boolean;
}

export interface ResolveReport {
  ref: string;
  found: boolean;
  status: 'ok' | 'not_found' | 'error';
  error: string | null;
  fqcn: string | null;
  path: string | null;
  chain: string[];
  warnings: string[];
  start: StartReport | null;
  searched: string[];
  /** Empty for a path, and for a name so malformed that nothing was searched. */
  collectionSearchPath: FolderReport[];
  /** Set for short names only. */
  moduleFolders: FolderReport[];
}

/** Prints what REF resolves to and sets the exit code: 0 found, 3 not. */
export async function runResolve(
  ref: string,
  options: ResolveCommandOptions,
  io: CliIo,
): Promise<void> {
  const search = createModuleSearch(options);
  const { cwd } = search;
  const outcome = await resolveRef(ref, search);
  const wasSearched = !isPathRef(ref, cwd) && (outcome.ok || outcome.chain.length > 0);
  const parsed = parseModuleName(ref);
  const isShortName = wasSearched && parsed.ok && parsed.name.kind === 'short';
  const report: ResolveReport = {
    ref,
    found: outcome.ok,
    status: outcome.ok ? 'ok' : outcome.status,
    error: outcome.ok ? null : outcome.error,
    fqcn: outcome.ok ? outcome.module.fqcn : null,
    path: outcome.ok ? outcome.module.path : null,
    chain: outcome.ok ? outcome.module.chain : outcome.chain,
    warnings: outcome.ok ? outcome.module.warnings : outcome.warnings,
    start: outcome.ok
      ? describeStart(outcome.module, { python: options.python, env: search.env, cwd })
      : null,
    searched: outcome.ok ? outcome.module.searched : outcome.searched,
    collectionSearchPath: wasSearched ? search.collectionRoots.map(toFolderReport) : [],
    moduleFolders: isShortName ? search.moduleFolders.map(toFolderReport) : [],
  };
  io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  process.exitCode = report.found ? 0 : 3;
}

function describeStart(module: ResolvedModule, request: PythonRequest): StartReport {
  const runFile = findRunFile(module, request);
  const file = 'path' in runFile ? runFile.path : module.path;
  const read = 'error' in runFile ? runFile : readModule(file);
  const rule = getModuleAction(module.fqcn, 'error' in read ? undefined : { ...read, path: file });
  const action = rule === undefined ? null : describeActionRule(rule);
  if ('error' in read) {
    return { file, style: null, how: read.error, interpreter: null, pythonName: null, action };
  }

  const { shape } = read;
  const interpreter = chooseModulePython(shape, request)?.command ?? null;
  const pythonName = shape.style === 'ansible' ? (getPythonModuleName(file)?.name ?? null) : null;
  const how = describeHow(shape, pythonName);
  return { file, style: shape.style, how, interpreter, pythonName, action };
}

function describeHow(shape: ModuleShape, pythonName: string | null): string {
  if (shape.style === 'powershell') return 'not at all: it is a PowerShell module for Windows';
  if (shape.style === 'binary') return 'directly, with a JSON args file';
  if (shape.style === 'ansible') {
    if (pythonName === null) return 'by path through the bootstrap (runpy.run_path), args on stdin';

    return `by dotted name ${pythonName} through the bootstrap, args on stdin`;
  }

  if (shape.isPython) return 'by path through the bootstrap, with an args file';
  if (shape.shebang === undefined) return 'not at all: it has no #! line';
  return `by its #! line (${shape.shebang.join(' ')}), with an args file`;
}

function toFolderReport(folder: SearchFolder): FolderReport {
  return { path: folder.path, source: folder.source, isSearched: folder.isUsable };
}

function formatReport(report: ResolveReport): string {
  const lines = report.found
    ? [report.fqcn ?? report.ref, ...formatFields(report)]
    : [`error: ${report.error?.split('\n')[0]}`, ...formatFields(report)];
  if (report.searched.length > 0) {
    lines.push('', 'searched, in order:', ...report.searched.map((path) => `  ${path}`));
  }

  if (report.collectionSearchPath.length > 0) {
    const roots = report.collectionSearchPath.map((folder) =>
      formatFolder(folder, 'no ansible_collections/ in it'),
    );
    lines.push('', 'collection search path:', ...roots);
  }

  if (report.moduleFolders.length > 0) {
    const folders = report.moduleFolders.map((folder) => formatFolder(folder, 'no such folder'));
    lines.push('', 'module folders for short names:', ...folders);
  }

  return `${lines.join('\n')}\n`;
}

function formatFields(report: ResolveReport): string[] {
  const { start } = report;
  const fields: Array<[string, string | null | undefined]> = [
    ['file', start?.file],
    ['chain', report.chain.length > 1 ? report.chain.join(' -> ') : null],
    ['runs', start?.how],
    ['python', start?.interpreter],
    ['action', start?.action],
    ...report.warnings.map((warning): [string, string] => ['warning', warning]),
  ];
  return fields
    .filter((field): field is [string, string] => typeof field[1] === 'string')
    .map(([label, value]) => `  ${label.padEnd(8)}${value}`);
}

function formatFolder(folder: FolderReport, whySkipped: string): string {
  const skipped = folder.isSearched ? '' : `; skipped: ${whySkipped}`;
  return `  ${folder.path}  (${folder.source}${skipped})`;
}
