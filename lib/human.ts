// The human view of one `ftl2 exec` run (docs/human-view.md): the live view on a terminal,
// plain lines elsewhere; then one status line on stderr and the module's output on stdout.
import { basename } from 'node:path';
import type { Writable } from 'node:stream';
import { createStyle } from './color.js';
import { waitIfFull } from './command-output.js';
import type { DisplayOptions } from './display-options.js';
import type { ModuleEvent } from './protocol.js';
import { formatRunEnding, getShownOutput } from './run-summary.js';
import type { ExecutionResult, RunObserver } from './run-types.js';
import { SimpleEventDisplay } from './simple-display.js';
import { type DisplayStream, isInteractive, shouldUseColor } from './terminal.js';

export interface HumanStreams {
  stdout: Writable;
  stderr: DisplayStream;
}

export interface HumanViewOptions {
  /** The module as the user named it. */
  ref: string;
  /** How many times -v was given. */
  verbose: number;
  /** False for --no-color. */
  color: boolean;
}

interface ProgressView {
  handleEvent(event: ModuleEvent): void;
  start?(): void;
  stop?(): void;
}

/** The human view for a run: animated when stderr is a terminal, plain lines otherwise. */
export async function createHumanRenderer(
  streams: HumanStreams,
  options: HumanViewOptions,
): Promise<HumanRenderer> {
  const color = options.color && shouldUseColor(streams.stderr);
  const isVerbose = options.verbose > 0;
  const displayOptions: DisplayOptions = { stream: streams.stderr, verbose: isVerbose, color };
  if (!isInteractive(streams.stderr)) {
    const view = new SimpleEventDisplay(displayOptions);
    return new HumanRenderer(streams, view, { isVerbose, hasColor: color });
  }

  // Only a terminal pays for loading ora.
  const { EventProgressDisplay } = await import('./live-display.js');
  const view = new EventProgressDisplay({
    ...displayOptions,
    animate: true,
    idleMessage: `running ${basename(options.ref)}`,
  });
  return new HumanRenderer(streams, view, { isVerbose, hasColor: color });
}

export class HumanRenderer implements RunObserver {
  readonly #streams: HumanStreams;
  readonly #view: ProgressView;
  readonly #isVerbose: boolean;
  readonly #hasColor: boolean;
  #isStdoutClosed = false;

  constructor(
    streams: HumanStreams,
    view: ProgressView,
    options: { isVerbose: boolean; hasColor: boolean },
  ) {
    this.#streams = streams;
    this.#view = view;
    this.#isVerbose = options.isVerbose;
    this.#hasColor = options.hasColor;
  }

  onStart(): void {
    this.#view.start?.();
  }

  onEvent(event: ModuleEvent): void {
    this.#view.handleEvent(event);
  }

  // The module's plain stderr is shown with -v; without, its tail is shown if the run fails.
  onStderr(line: string, truncated: boolean): void {
    if (!this.#isVerbose) return;

    this.#view.handleEvent(toStderrEvent(line, truncated));
  }

  waitForRoom(): Promise<void> | undefined {
    return waitIfFull(this.#streams.stderr);
  }

  writeResult(result: ExecutionResult): void {
    this.stop();
    for (const warning of result.warnings) {
      this.#view.handleEvent({ event: 'log', level: 'warning', message: warning });
    }

    const style = createStyle(this.#hasColor);
    this.#streams.stderr.write(formatRunEnding(result, { style, showStderr: !this.#isVerbose }));
    const output = getShownOutput(result.output);
    if (output !== undefined && !this.#isStdoutClosed) this.#streams.stdout.write(output);
  }

  /** Ends the live view, showing the cursor again; safe to call more than once. */
  stop(): void {
    this.#view.stop?.();
  }

  /** Stops writing to stdout, whose reader has gone. */
  close(): void {
    this.#isStdoutClosed = true;
  }
}

/** A plain stderr line as the data event that the views show with -v. */
export function toStderrEvent(line: string, truncated: boolean): ModuleEvent {
  return { event: 'data', stream: 'stderr', data: truncated ? `${line}…` : line };
}
