// `ftl2 list [PATTERN]`: the modules on the search path with their short descriptions: an
// aligned table on a terminal, `fqcn  description` lines through a pipe, a JSON array with
// `--json`. Exit 0 when a module matched, 3 when none did.
import { createStyle, type Style } from './color.js';
import { writeOutput } from './command-output.js';
import { convertMarkup } from './doc-markup.js';
import type { CliIo } from './exec-command.js';
import { type ListedModule, listModules } from './module-list.js';
import type { ModuleSearch } from './module-search.js';
import { compileNamePattern } from './name-pattern.js';
import { createModuleSearch, type SearchCliOptions } from './search-options.js';
import { type DisplayStream, getTerminalSize, shouldUseColor } from './terminal.js';
import { fitText, getTextWidth, truncateText } from './text-width.js';

export interface ListCommandOptions extends SearchCliOptions {
  json?: boolean;
  /** False for --no-color. */
  color: boolean;
}

const SHADOWED_MARK = '[shadowed]';

/** Prints the modules whose FQCN matches PATTERN and sets the exit code: 0 some, 3 none. */
export async function runList(
  pattern: string | undefined,
  options: ListCommandOptions,
  io: CliIo,
): Promise<void> {
  const search = createModuleSearch(options);
  const modules = listModules(search, compileNamePattern(pattern));
  const stream = io.stdout as DisplayStream;
  if (modules.length === 0) {
    process.exitCode = 3;
    io.stderr.write(`error: ${describeNoMatch(pattern, search)}\n`);
    return options.json ? writeOutput(stream, '[]\n') : undefined;
  }

  process.exitCode = 0;
  if (options.json) return writeOutput(stream, formatJson(modules));
  if (stream.isTTY !== true) return writeOutput(stream, formatLines(modules));

  const style = createStyle(options.color && shouldUseColor(stream));
  return writeOutput(stream, formatTable(modules, getTerminalSize(stream).columns, style));
}

// One module a line inside the array: valid JSON for jq, and still readable with grep.
function formatJson(modules: ListedModule[]): string {
  return `[\n${modules.map((module) => JSON.stringify(module)).join(',\n')}\n]\n`;
}

function formatLines(modules: ListedModule[]): string {
  const lines = modules.map((module) => `${module.fqcn}  ${describe(module)}`.trimEnd());
  return `${lines.join('\n')}\n`;
}

// Names take at most 45% of the width; a longer one pushes its description along.
function formatTable(modules: ListedModule[], columns: number, style: Style): string {
  const longest = Math.max(...modules.map((module) => getTextWidth(module.fqcn)));
  const nameWidth = Math.min(longest, Math.floor(columns * 0.45));
  const lines = modules.map((module) => {
    const name = fitText(module.fqcn, Math.max(nameWidth, getTextWidth(module.fqcn)));
    const room = columns - 1 - getTextWidth(name) - 2;
    const line = `${name}  ${truncateText(describe(module), room)}`.trimEnd();
    return module.shadowedBy === null ? line : style.dim(line);
  });
  return `${lines.join('\n')}\n`;
}

function describe(module: ListedModule): string {
  const text = convertMarkup(module.description ?? '');
  return module.shadowedBy === null ? text : `${SHADOWED_MARK} ${text}`;
}

function describeNoMatch(pattern: string | undefined, search: ModuleSearch): string {
  const what =
    pattern === undefined ? 'no module on the search path' : `no module name matches '${pattern}'`;
  const places = [
    ...(search.ansibleDir === null ? [] : [`${search.ansibleDir}/modules`]),
    ...search.moduleFolders.filter((folder) => folder.isUsable).map((folder) => folder.path),
    ...search.collectionRoots
      .filter((root) => root.isUsable)
      .map((root) => `${root.path}/ansible_collections`),
  ];
  const list = places.map((place) => `\n  ${place}`).join('');
  return `${what}; check the pattern, or add a folder with -C or -M\nsearched, in order:${list}`;
}
