// The `ftl2` command line. Every write goes through `io`, and the exit code is set on
// process.exitCode so that pending output is never cut short.
import { readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { getErrorMessage, UsageError } from './errors.js';
import { type ExecutionResult, type RunObserver, runModule } from './execute.js';
import { CLOSED_PIPE_EXIT_CODE, getExitCode } from './exit-code.js';
import { PlainRenderer } from './human.js';
import { NdjsonWriter } from './ndjson.js';
import { collectParams } from './params.js';
import { PACKAGE_ROOT } from './paths.js';
import { resolveModulePath } from './resolve.js';

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
}

interface Renderer extends RunObserver {
  writeResult(result: ExecutionResult): void;
  /** Stops writing to stdout, whose reader has gone. */
  close(): void;
}

interface ExecOptions {
  param: string[];
  params?: string;
  json?: boolean;
  timeout?: number;
  check?: boolean;
  diff?: boolean;
  python?: string;
  verbose: number;
}

/** Runs the command line and resolves to the exit code, which it also sets on the process. */
export async function main(argv = process.argv, io: CliIo = process): Promise<number> {
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

  program
    .command('exec')
    .description('run one module and stream its events')
    .argument('<module>', 'a module file (any REF with a /) or a module name')
    .option('--param <name=value>', 'a module parameter; repeat for more', collect, [])
    .option('--params <file>', 'all params as one JSON object, from a file or - for stdin')
    .option('--json', 'print NDJSON records on stdout instead of the human view')
    .option('--timeout <seconds>', 'stop the module after this many seconds', parseTimeout)
    .option('--check', 'check mode: modules report what they would change')
    .option('--diff', 'ask Ansible modules for a diff of what they change')
    .option('--python <interpreter>', 'the Python that runs Python modules')
    .option('-v, --verbose', 'more detail; repeat for more (-vvv)', countVerbosity, 0)
    .action((ref: string, options: ExecOptions) => runExec(ref, options, io));

  return program;
}

async function runExec(ref: string, options: ExecOptions, io: CliIo): Promise<void> {
  const params = collectParams({ entries: options.param, file: options.params });
  const cwd = process.cwd();
  const resolved = resolveModulePath(ref, cwd);
  const renderer: Renderer = options.json ? new NdjsonWriter(io.stdout) : new PlainRenderer(io);
  const stop = new AbortController();
  let interruptedBy: NodeJS.Signals | undefined;
  let isStdoutClosed = false;

  const onSignal = (signal: NodeJS.Signals): void => {
    interruptedBy ??= signal;
    stop.abort(signal);
  };
  // EPIPE and friends: whoever read stdout is gone, so stop the module and end quietly.
  const onStdoutError = (): void => {
    isStdoutClosed = true;
    renderer.close();
    stop.abort('SIGTERM');
  };

  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, onSignal);
  io.stdout.on('error', onStdoutError);
  io.stderr.on('error', ignoreError);
  let result: ExecutionResult;
  try {
    result = await runModule(
      ref,
      resolved,
      params,
      {
        cwd,
        timeout: options.timeout,
        checkMode: options.check ?? false,
        diff: options.diff ?? false,
        verbosity: options.verbose,
        python: options.python,
        keepEvents: false,
        signal: stop.signal,
      },
      renderer,
    );
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
  }

  if (!isStdoutClosed) renderer.writeResult(result);
  process.exitCode = isStdoutClosed ? CLOSED_PIPE_EXIT_CODE : getExitCode(result, interruptedBy);
}

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

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function countVerbosity(_value: string, previous: number): number {
  return previous + 1;
}

function parseTimeout(value: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || !(seconds > 0 && seconds * 1000 < 2 ** 31)) {
    throw new InvalidArgumentError('give a positive number of seconds, such as 30 or 0.5');
  }

  return seconds;
}

function readVersion(): string {
  const text = readFileSync(`${PACKAGE_ROOT}/package.json`, 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

function ignoreError(): void {}
