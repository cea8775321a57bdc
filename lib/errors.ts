/** A mistake in how ftl2 was called: the CLI prints `error: <message>` and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = 2;
}

/** The message of any thrown value, for a one-line report. */
export function getErrorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
