// `ftl2 exec`: run one module, render what it reports, and set the exit code.
import type { Writable } from 'node:stream';
import { waitForFlush } from './command-output.js';
import { ignoreError, UsageError } from './errors.js';
import { runModule } from './execute.js';
import { CLOSED_PIPE_EXIT_CODE, getExitCode } from './exit-code.js';
import { collectParams } from './params.js';
import { createRenderer, type OutputFormat } from './renderer.js';
import { resolveRef } from './resolve-name.js';
import { hideInvocation } from './result.js';
import type { ExecutionResult } from './run-types.js';
import { createModuleSearch, type SearchCliOptions } from './search-options.js';

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
}

export interface ExecOptions extends SearchCliOptions {
  param?: string[];
  params?: string;
  json?: boolean;
  format?: OutputFormat;
  timeout?: number;
  check?: boolean;
  diff?: boolean;
  verbose: number;
  /** False for --no-color. */
  color: boolean;
}

export async function runExec(ref: string, options: ExecOptions, io: CliIo): Promise<void> {
  const params = collectParams({ entries: options.param ?? [], file: options.params });
  const search = createModuleSearch(options);
  const { cwd } = search;
  const renderer = await createRenderer(chooseFormat(options), io, {
    ref,
    verbose: options.verbose,
    color: options.color,
  });
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

  // The handlers stay until ftl2 exits: the module has its signal once, and a second Ctrl-C
  // while the last lines are written must not cut them off.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  io.stdout.on('error', onStdoutError);
  io.stderr.on('error', ignoreError);
  let result: ExecutionResult;
  try {
    const resolved = await resolveRef(ref, search);
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
    renderer.stop?.();
  }

  // Ctrl-C while a name is resolved also reaches the Python probe, which shares the terminal:
  // the run was interrupted, whatever resolving then concluded.
  if (interruptedBy !== undefined && (result.status === 'not_found' || result.status === 'error')) {
    result = { ...result, status: 'interrupted', error: `interrupted by ${interruptedBy}` };
  }

  const exitCode = getExitCode(result, interruptedBy);
  const shown = { ...result, output: hideInvocation(result.output, options.verbose) };
  if (!isStdoutClosed) renderer.writeResult(shown, exitCode);
  // The reader may go away during the last write: the exit code waits to know.
  const isDelivered = !isStdoutClosed && (await waitForFlush(io.stdout));
  process.exitCode = isDelivered ? exitCode : CLOSED_PIPE_EXIT_CODE;
}

// `--json` is `--format json`, kept for the scripts that use it.
function chooseFormat(options: ExecOptions): OutputFormat {
  if (!options.json) return options.format ?? 'human';
  if (options.format === undefined || options.format === 'json') return 'json';

  throw new UsageError(`--json and --format ${options.format} ask for two formats; give one`);
}
