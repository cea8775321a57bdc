/** A mistake in how ftl2 was called: the CLI prints `error: <message>` and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = 2;
}

/** An 'error' listener for a stream whose failures do not matter (stderr, once its reader left). */
export function ignoreError(): void {}

/** The message of any thrown value, for a one-line report. */
export function getErrorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
