// The `list` command on the command line. Its code is loaded (`await import`)
// only when it runs, so `exec` never loads it.
import type { Command } from 'commander';
import type { CliIo } from './exec-command.js';
import type { ListCommandOptions } from './list-command.js';
import { addSearchOptions } from './search-options.js';

/** Adds `ftl2 list [PATTERN]` to `program`. */
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
}
