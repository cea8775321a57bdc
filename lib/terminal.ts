// What the terminal behind a stream can do: animate (live redraws) and show colors.
import type { Writable } from 'node:stream';

/** A stream as the displays see it: maybe a TTY, maybe with a width and height. */
export type DisplayStream = Writable & {
  isTTY?: boolean;
  columns?: number;
  rows?: number;
  hasColors?: () => boolean;
};

type Env = Record<string, string | undefined>;

/** Whether the stream is a terminal worth animating: a TTY, `TERM` not dumb, not in CI. */
export function isInteractive(stream: DisplayStream, env: Env = process.env): boolean {
  return stream.isTTY === true && env.TERM !== 'dumb' && !isCi(env);
}

/** Whether `CI` is set to something other than empty, `0` or `false`. */
function isCi(env: Env): boolean {
  const value = env.CI;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/**
 * Whether to color what goes to the stream, in commander's order: `NO_COLOR` or
 * `FORCE_COLOR=0` off, then `FORCE_COLOR` (or `CLICOLOR_FORCE`) on, then a TTY that does
 * not say it lacks colors. A `--no-color` flag is checked before this, by the caller.
 */
export function shouldUseColor(stream: DisplayStream, env: Env = process.env): boolean {
  if (env.NO_COLOR || env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  if (env.FORCE_COLOR || env.CLICOLOR_FORCE !== undefined) return true;

  return stream.isTTY === true && stream.hasColors?.() !== false;
}

/** The stream's width and height, with 80x24 for what it does not say (a pty may say 0). */
export function getTerminalSize(stream: DisplayStream): { columns: number; rows: number } {
  const { columns, rows } = stream;
  return {
    columns: columns !== undefined && columns > 0 ? columns : 80,
    rows: rows !== undefined && rows > 0 ? rows : 24,
  };
}
