// `ftl2 render`: show a saved or piped `ftl2 exec --json` stream as exec shows a run, and exit
// with the run's own exit code (docs/render.md).
import { createReadStream, fstatSync, openSync } from 'node:fs';
import { addAbortSignal, type Readable } from 'node:stream';
import { waitForFlush } from './command-output.js';
import { ignoreError, UsageError } from './errors.js';
import type { CliIo } from './exec-command.js';
import { CLOSED_PIPE_EXIT_CODE, getSignalExitCode } from './exit-code.js';
import { type ReadSummary, RecordError, readRecords } from './record-reader.js';
import { createRenderer } from './renderer.js';
import { AFTER_RESULT, RunReplay } from './replay.js';

export interface RenderOptions {
  format: 'human' | 'github';
  /** How many times -v was given. */
  verbose: number;
  /** False for --no-color. */
  color: boolean;
}

export interface RenderIo extends CliIo {
  stdin: Readable & { isTTY?: boolean };
}

/** The exit code when the stream ends before its result: the run did not finish. */
const UNFINISHED_EXIT_CODE = 1;

interface Input {
  stream: Readable;
  /** `stdin` or the file's name, for messages. */
  name: string;
  /** Whether a producer may still be writing to it (a pipe or a socket, not a file). */
  isPipe: boolean;
}

/** Reads the stream named by `file` (stdin when undefined or `-`) and shows its run. */
export async function runRender(
  file: string | undefined,
  options: RenderOptions,
  io: RenderIo,
): Promise<void> {
  const input = openInput(file, io.stdin);
  const viewOptions = { verbose: options.verbose, color: options.color };
  const replay = new RunReplay((start) =>
    createRenderer(options.format, io, { ref: start.module, ...viewOptions }),
  );
  const reading = await replayInput(input, replay, io);
  replay.stop();
  // The reader may go away during the last write: the exit code waits to know.
  if (!(await waitForFlush(io.stdout))) reading.isStdoutClosed = true;
  process.exitCode = finishRender(reading, replay, io);
}

interface Reading {
  input: Input;
  summary: ReadSummary;
  interruptedBy: NodeJS.Signals | undefined;
  isStdoutClosed: boolean;
}

async function replayInput(input: Input, replay: RunReplay, io: RenderIo): Promise<Reading> {
  const reading: Reading = {
    input,
    summary: { lineCount: 0, isCut: false },
    interruptedBy: undefined,
    isStdoutClosed: false,
  };
  const stopReading = new AbortController();
  // Ctrl-C reaches the whole pipeline: the producer passes it on to its module and sends the
  // result, so render waits for that on the first signal, and stops at once on a second.
  const onSignal = (signal: NodeJS.Signals): void => {
    const shouldWait = input.isPipe && reading.interruptedBy === undefined;
    reading.interruptedBy ??= signal;
    if (!shouldWait) stopReading.abort();
  };
  const onStdoutError = (): void => {
    reading.isStdoutClosed = true;
    replay.close();
  };

  // The handlers stay until render exits, as exec's do: a signal while the last lines are
  // written must not cut them off.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  io.stdout.on('error', onStdoutError);
  io.stderr.on('error', ignoreError);
  try {
    reading.summary = await readRecords(
      addAbortSignal(stopReading.signal, input.stream),
      (record, lineNumber) => replay.take(record, lineNumber),
      () => replay.waitForRoom(),
    );
  } catch (error) {
    replay.stop();
    if (!stopReading.signal.aborted) throw describeReadError(error, input.name);
  }

  return reading;
}

// The run's own exit code when its result came; else one line on why not, last on stderr.
function finishRender(reading: Reading, replay: RunReplay, io: RenderIo): number {
  const { input, summary, interruptedBy } = reading;
  const exitCode = replay.exitCode;
  if (exitCode !== undefined && summary.isCut) {
    throw new UsageError(`${input.name} line ${summary.lineCount} ${AFTER_RESULT}`);
  }

  if (exitCode !== undefined) return reading.isStdoutClosed ? CLOSED_PIPE_EXIT_CODE : exitCode;

  if (interruptedBy !== undefined) {
    io.stderr.write(`error: stopped by ${interruptedBy} before the run's result record came\n`);
    return getSignalExitCode(interruptedBy);
  }

  if (!replay.hasStarted) {
    const where = input.name === 'stdin' ? 'on stdin' : `in ${input.name}`;
    throw new UsageError(`no records ${where}: give render the output of ftl2 exec --json`);
  }

  const where = summary.isCut ? ` in the middle of line ${summary.lineCount}` : '';
  io.stderr.write(
    `error: ${input.name} ended${where} without a result record: the run did not finish, ` +
      'or its stream was cut (was ftl2 exec killed?)\n',
  );
  return UNFINISHED_EXIT_CODE;
}

function openInput(file: string | undefined, stdin: RenderIo['stdin']): Input {
  if (file === undefined || file === '-') {
    if (stdin.isTTY === true) {
      throw new UsageError(
        'stdin is a terminal: pipe in the output of ftl2 exec --json, or name a saved file',
      );
    }

    return { stream: stdin, name: 'stdin', isPipe: isPipe(0) };
  }

  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code}`);
  }

  return { stream: createReadStream(file, { fd }), name: file, isPipe: isPipe(fd) };
}

function isPipe(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    return stat.isFIFO() || stat.isSocket();
  } catch {
    return false;
  }
}

// A bad record is a bad input, as a malformed --params file is: exit 2, a line that says where.
function describeReadError(error: unknown, name: string): unknown {
  if (error instanceof RecordError) return new UsageError(`${name} ${error.message}`);

  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? new UsageError(`cannot read ${name}: ${code}`) : error;
}
