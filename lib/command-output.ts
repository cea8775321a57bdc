// Writing the whole output of a command that prints once (`list`, `doc`) and ending quietly
// when the reader goes away first (`ftl2 list | head -1`), as `exec` does.
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
