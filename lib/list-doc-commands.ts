// The `list` and `doc` commands on the command line. Their code is loaded (`await import`)
// only when one of them runs, so `exec` never loads it.
import type { Command } from 'commander';
import type { DocCommandOptions } from './doc-command.js';
import type { CliIo } from './exec-command.js';
import type { ListCommandOptions } from './list-command.js';
import { addSearchOptions } from './search-options.js';

/** Adds `ftl2 list [PATTERN]` and `ftl2 doc REF` to `program`. */
export function addListAndDocCommands(program: Command, io: CliIo): void {
  const list = program
    .command('list')
    .description('list the modules on the search path, with their short descriptions')
    .argument('[pattern]', "only FQCNs matching this glob ('community.general.*'), or holding it")
    .option('--json', 'print a JSON array of the modules instead of text')
    .option('--no-color', 'no colors (NO_COLOR=1 does the same)');
  addSearchOptions(list).action(
    async (pattern: string | undefined, options: ListCommandOptions) => {
      const { runList } = await import('./list-command.js');
      await runList(pattern, options, io);
    },
  );

  const doc = program
    .command('doc')
    .description("show a module's options, examples and return values, from its documentation")
    .argument('<module>', 'a module name or a module file, found as exec finds it')
    .option('--json', 'print the documentation as one JSON object instead of text')
    .option('--no-color', 'no colors (NO_COLOR=1 does the same)');
  addSearchOptions(doc).action(async (ref: string, options: DocCommandOptions) => {
    const { runDoc } = await import('./doc-command.js');
    await runDoc(ref, options, io);
  });
}
