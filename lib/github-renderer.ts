// The GitHub Actions view (docs/render.md): the plain lines of the human view in a group per
// task, with warning and error logs, the run's warnings and a failed run as workflow commands.
// No colors, no animation, and no text from a module can start a command of its own.
import { Writable } from 'node:stream';
import { createStyle } from './color.js';
import { waitIfFull } from './command-output.js';
import { readLog, readTaskId } from './format.js';
import {
  formatCommand,
  neutralizeCommands,
  neutralizeJson,
  toCommandText,
} from './github-format.js';
import { type HumanStreams, type HumanViewOptions, toStderrEvent } from './human.js';
import type { ModuleEvent } from './protocol.js';
import type { Renderer } from './renderer.js';
import { formatEndingStderr, formatStatusLine, getShownOutput } from './run-summary.js';
import type { ExecutionResult } from './run-types.js';
import { SimpleEventDisplay } from './simple-display.js';

const PLAIN = createStyle(false);

/** Writes a run as GitHub Actions shows it: groups, annotations, plain lines otherwise. */
export class GithubRenderer implements Renderer {
  readonly #streams: HumanStreams;
  readonly #ref: string;
  readonly #isVerbose: boolean;
  readonly #display: SimpleEventDisplay;
  /** The task whose group is open ('' for the run itself), or undefined when none is. */
  #openGroup: string | undefined;
  /** The task of the line the display is about to write. */
  #lineTask = '';
  #isStopped = false;
  #isStdoutClosed = false;

  constructor(streams: HumanStreams, options: HumanViewOptions) {
    this.#streams = streams;
    this.#ref = options.ref;
    this.#isVerbose = options.verbose > 0;
    // The display writes through this synchronously, so each line lands in its task's group.
    const lines = new Writable({
      decodeStrings: false,
      write: (chunk: string, _encoding, done) => {
        this.#writeText(chunk, this.#lineTask);
        done();
      },
    });
    this.#display = new SimpleEventDisplay({
      stream: lines,
      verbose: this.#isVerbose,
      color: false,
    });
  }

  onEvent(event: ModuleEvent): void {
    const task = readTaskId(event.task_id) ?? '';
    const log = event.event === 'log' ? readLog(event) : undefined;
    if (log?.level === 'warning' || log?.level === 'error') {
      this.#enterGroup(task);
      this.#writeCommand(log.level, log.message, this.#getTitle(task));
      return;
    }
    // Without -v a debug log is a debug command: the runner shows it when step debug
    // logging is on, and keeps it out of the log otherwise. It opens no group.
    if (log?.level === 'debug' && !this.#isVerbose) {
      this.#writeCommand('debug', log.message);
      return;
    }

    this.#lineTask = task;
    this.#display.handleEvent(event);
  }

  onStderr(line: string, truncated: boolean): void {
    if (!this.#isVerbose) return;

    this.#lineTask = '';
    this.#display.handleEvent(toStderrEvent(line, truncated));
  }

  waitForRoom(): Promise<void> | undefined {
    return waitIfFull(this.#streams.stderr);
  }

  writeResult(result: ExecutionResult): void {
    this.stop();
    for (const warning of result.warnings) this.#writeCommand('warning', warning, this.#ref);

    const stderrTail = formatEndingStderr(result, { style: PLAIN, showStderr: !this.#isVerbose });
    this.#writeText(stderrTail.map((line) => `${line}\n`).join(''));
    if (!result.success) {
      const title = `${result.module} ${result.status}`;
      this.#writeCommand('error', result.error ?? result.status, title);
    }

    this.#writeText(`${formatStatusLine(result, PLAIN)}\n`);
    const output = getShownOutput(result.output);
    if (output !== undefined && !this.#isStdoutClosed) {
      this.#streams.stdout.write(neutralizeJson(output));
    }
  }

  /** Closes the open group; what follows is outside any group. Safe to call twice. */
  stop(): void {
    if (this.#openGroup !== undefined) this.#streams.stderr.write('::endgroup::\n');

    this.#openGroup = undefined;
    this.#isStopped = true;
  }

  /** Stops writing to stdout, whose reader has gone. */
  close(): void {
    this.#isStdoutClosed = true;
  }

  // Groups cannot nest: a line of another task closes the open group and opens its own.
  #enterGroup(task: string): void {
    if (this.#isStopped || this.#openGroup === task) return;

    if (this.#openGroup !== undefined) this.#streams.stderr.write('::endgroup::\n');
    this.#openGroup = task;
    this.#streams.stderr.write(formatCommand('group', toCommandText(this.#getTitle(task))));
  }

  #getTitle(task: string): string {
    return task === '' ? this.#ref : `${this.#ref} [${task}]`;
  }

  #writeText(text: string, task?: string): void {
    if (text === '') return;

    if (task !== undefined) this.#enterGroup(task);
    this.#streams.stderr.write(neutralizeCommands(text));
  }

  /** A command; an empty title is left out (`::debug::` takes none). */
  #writeCommand(name: string, message: string, title = ''): void {
    const properties = { title: toCommandText(title) };
    this.#streams.stderr.write(formatCommand(name, toCommandText(message), properties));
  }
}
