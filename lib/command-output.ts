// Writing what a command prints: the whole output of a command that prints once (`list`,
// `doc`), flow control for those that stream (`exec`, `render`), and ending quietly with 141
// when the reader goes away first (`ftl2 list | head -1`).
import type { Writable } from 'node:stream';
import { CLOSED_PIPE_EXIT_CODE } from './exit-code.js';

/**
 * Writes `text` to `stream` and resolves once it is flushed; a closed pipe sets exit 141.
 * Set the command's own exit code before, so that a closed pipe has the last word.
 */
export function writeOutput(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve) => {
    const onError = (): void => {
      process.exitCode = CLOSED_PIPE_EXIT_CODE;
      resolve();
    };

    // Kept after an error too: a second one must not surface as an unhandled event.
    stream.on('error', onError);
    stream.write(text, (error) => {
      if (error !== null && error !== undefined) return;

      stream.off('error', onError);
      resolve();
    });
  });
}

/** Resolves when `out` drains, closes or fails, whichever comes first. */
function waitForDrain(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      out.off('drain', done);
      out.off('close', done);
      out.off('error', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
    out.on('error', done);
  });
}

/** A promise to wait on when `out` is full (a module then waits with it), else undefined. */
export function waitIfFull(out: Writable): Promise<void> | undefined {
  return out.writableNeedDrain ? waitForDrain(out) : undefined;
}

/** Resolves once everything written to `out` so far is out: true, or false if it failed. */
export function waitForFlush(out: Writable): Promise<boolean> {
  if (out.destroyed) return Promise.resolve(false);

  return new Promise((resolve) => {
    out.write('', (error) => resolve(error === null || error === undefined));
  });
}
