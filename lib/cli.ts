// The `ftl2` command line. Every write goes through `io`, and the exit code is set on
// process.exitCode so that pending output is never cut short.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { isTimeout } from './api.js';
import { getErrorMessage, UsageError } from './errors.js';
import { type CliIo, type ExecOptions, runExec } from './exec-command.js';
import { addListAndDocCommands } from './list-doc-commands.js';
import { PACKAGE_ROOT } from './paths.js';
import type { RenderOptions } from './render-command.js';
import { OUTPUT_FORMATS } from './renderer.js';
import { type ResolveCommandOptions, runResolve } from './resolve-command.js';
import { addSearchOptions, collect } from './search-options.js';

/** Runs the command line and resolves to the exit code, which it also sets on the process. */
export async function main(argv = process.argv, io: CliIo = process): Promise<number> {
  restoreExtraCaCerts(process.env);
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = reportError(error, io);
  }

  return Number(process.exitCode ?? 0);
}

function buildProgram(io: CliIo): Command {
  const program = new Command('ftl2')
    .description('Run automation modules and stream what they report while they work.')
    .version(readVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });

  const exec = program
    .command('exec')
    .description('run one module and stream its events')
    .argument('<module>', 'a module file (any REF with a /) or a module name')
    .option('--param <name=value>', 'a module parameter; repeat for more', collect)
    .option('--params <file>', 'all params as one JSON object, from a file or - for stdin')
    .option('--json', 'print NDJSON records on stdout instead of the human view')
    .addOption(
      new Option(
        '--format <format>',
        'how to show the run: human (the default), github (GitHub Actions) or json (as --json)',
      ).choices(OUTPUT_FORMATS),
    )
    .option('--timeout <seconds>', 'stop the module after this many seconds', parseTimeout)
    .option('--check', 'check mode: modules report what they would change')
    .option('--diff', 'ask Ansible modules for a diff of what they change')
    .option('-v, --verbose', 'more detail; repeat for more (-vvv)', countVerbosity, 0)
    .option('--no-color', 'no colors in the human view (NO_COLOR=1 does the same)');
  addSearchOptions(exec).action((ref: string, options: ExecOptions) => runExec(ref, options, io));

  const resolve = program
    .command('resolve')
    .description('show what exec would run for a module name or path, and where it looked')
    .argument('<module>', 'a module name or a module file')
    .option('--json', 'print one JSON object instead of text');
  addSearchOptions(resolve).action((ref: string, options: ResolveCommandOptions) =>
    runResolve(ref, options, io),
  );

  program
    .command('render')
    .description('show a saved or piped ftl2 exec --json stream as exec shows a run')
    .argument('[file]', 'the NDJSON stream to read; stdin when left out or -')
    .addOption(
      new Option('--format <format>', 'how to show the run: human, or github (GitHub Actions)')
        .choices(['human', 'github'])
        .default('human'),
    )
    .option(
      '-v, --verbose',
      'show debug logs, data events and plain stderr lines',
      countVerbosity,
      0,
    )
    .option('--no-color', 'no colors in the human view (NO_COLOR=1 does the same)')
    .addHelpText('after', RENDER_EXAMPLES)
    .action(async (file: string | undefined, options: RenderOptions) => {
      // Loaded only here: exec never pays for the stream reader.
      const { runRender } = await import('./render-command.js');
      await runRender(file, options, {
        stdin: process.stdin,
        stdout: io.stdout,
        stderr: io.stderr,
      });
    });

  addListAndDocCommands(program, io);
  return program;
}

const RENDER_EXAMPLES = `
Exits with the exit code of the run it shows. Examples:
  ftl2 exec ./mod.py --json | tee run.ndjson | ftl2 render
  ftl2 render --format github run.ndjson`;

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Commander has printed its message already; help and version are not errors.
    return error.exitCode === 0 ? 0 : 2;
  }

  if (error instanceof UsageError) {
    io.stderr.write(`error: ${error.message}\n`);
    return error.exitCode;
  }

  io.stderr.write(`ftl2: internal error: ${getErrorMessage(error)}\n`);
  return 70;
}

function countVerbosity(_value: string, previous: number): number {
  return previous + 1;
}

function parseTimeout(value: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || !isTimeout(seconds)) {
    throw new InvalidArgumentError('give a positive number of seconds, such as 30 or 0.5');
  }

  return seconds;
}

function readVersion(): string {
  const text = readFileSync(`${PACKAGE_ROOT}/package.json`, 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

/** Puts back the NODE_EXTRA_CA_CERTS that bin/ftl2 kept out of ftl2's own start. */
export function restoreExtraCaCerts(env: NodeJS.ProcessEnv): void {
  const saved = env.FTL2_NODE_EXTRA_CA_CERTS;
  if (saved === undefined) return;

  env.NODE_EXTRA_CA_CERTS = saved;
  delete env.FTL2_NODE_EXTRA_CA_CERTS;
}
