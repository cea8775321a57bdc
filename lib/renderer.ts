// Picking the view of a run: NDJSON, the human view, or GitHub Actions workflow commands.
// Only NDJSON is loaded up front; the other views (and ora) load when a run asks for them.

import type { HumanStreams, HumanViewOptions } from './human.js';
import { NdjsonWriter } from './ndjson.js';
import type { ExecutionResult, RunObserver } from './run-types.js';

export const OUTPUT_FORMATS = ['human', 'github', 'json'] as const;

export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** What `exec` and `render` drive: the run's events as they come, then its result. */
export interface Renderer extends RunObserver {
  /** Shows how the run ended; `exitCode` is the code ftl2 exits with for it. */
  writeResult(result: ExecutionResult, exitCode: number): void;
  /** Stops writing to stdout, whose reader has gone. */
  close(): void;
  /** Ends any live output (showing the cursor again); called on every way out of a run. */
  stop?(): void;
}

/** The renderer for `format`, writing progress to stderr and the result to stdout. */
export async function createRenderer(
  format: OutputFormat,
  streams: HumanStreams,
  options: HumanViewOptions,
): Promise<Renderer> {
  switch (format) {
    case 'json':
      return new NdjsonWriter(streams.stdout);
    case 'github': {
      const { GithubRenderer } = await import('./github-renderer.js');
      return new GithubRenderer(streams, options);
    }
    case 'human': {
      const { createHumanRenderer } = await import('./human.js');
      return createHumanRenderer(streams, options);
    }
  }
}
