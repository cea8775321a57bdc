// The command-line options that shape where module names are looked up, shared by `exec` and
// `resolve` so both always search the same places.
import type { Command } from 'commander';
import { ModuleSearch } from './module-search.js';

export interface SearchCliOptions {
  collectionsPath?: string[];
  modulePath?: string[];
  playbookDir?: string;
  python?: string;
}

/** Adds -C, -M, --playbook-dir and --python to `command`. */
export function addSearchOptions(command: Command): Command {
  return command
    .option(
      '-C, --collections-path <dir>',
      'a folder holding ansible_collections/, searched first; repeat for more',
      collect,
    )
    .option(
      '-M, --module-path <dir>',
      'a folder of modules for short names, searched first; repeat for more',
      collect,
    )
    .option('--playbook-dir <dir>', 'also search collections/ and library/ in this folder')
    .option('--python <interpreter>', 'the Python that runs Python modules');
}

/** The search a command line asks for, from ftl2's working folder and environment. */
export function createModuleSearch(options: SearchCliOptions): ModuleSearch {
  return new ModuleSearch({
    cwd: process.cwd(),
    env: process.env,
    collectionsPaths: options.collectionsPath,
    modulePaths: options.modulePath,
    playbookDir: options.playbookDir,
    python: options.python,
  });
}

/** Commander's way to gather a repeatable option's values, in order. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
