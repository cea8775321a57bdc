import { constants } from 'node:os';
import type { ExecutionResult } from './run-types.js';

/** The exit code of `ftl2 exec` for a run (DESIGN.md §3). */
export function getExitCode(result: ExecutionResult, interruptedBy?: NodeJS.Signals): number {
  switch (result.status) {
    case 'ok':
      return 0;
    case 'failed':
    case 'invalid_output':
      return 1;
    case 'not_found':
    case 'error':
      return 3;
    case 'timeout':
      return 124;
    case 'interrupted':
      return getSignalExitCode(interruptedBy ?? 'SIGTERM');
  }
}

/** The exit code of a program ended by `signal`, as a shell reports it: 128 + its number. */
export function getSignalExitCode(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? constants.signals.SIGTERM);
}

/** The exit code when the reader of stdout went away: as if killed by SIGPIPE. */
export const CLOSED_PIPE_EXIT_CODE = 128 + constants.signals.SIGPIPE;
