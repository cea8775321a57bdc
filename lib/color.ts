// Colors for the human view, as ANSI SGR codes; with colors off, every style is the identity.
import type { LogLevel } from './protocol.js';

export interface Style {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

/** Styles that color text when `isEnabled`, and leave it untouched otherwise. */
export function createStyle(isEnabled: boolean): Style {
  if (!isEnabled) return PLAIN;

  return {
    red: paint(31, 39),
    green: paint(32, 39),
    yellow: paint(33, 39),
    blue: paint(34, 39),
    cyan: paint(36, 39),
    dim: paint(2, 22),
    bold: paint(1, 22),
  };
}

function paint(open: number, close: number): (text: string) => string {
  return (text) => (text === '' ? text : `\u001B[${open}m${text}\u001B[${close}m`);
}

const LEVEL_COLORS: Record<LogLevel, keyof Style> = {
  debug: 'dim',
  info: 'blue',
  warning: 'yellow',
  error: 'red',
};

/** The style of a log level in both views: debug dim, info blue, warnings yellow, errors red. */
export function getLevelPaint(style: Style, level: LogLevel): (text: string) => string {
  return style[LEVEL_COLORS[level]];
}

const identity = (text: string): string => text;

const PLAIN: Style = {
  red: identity,
  green: identity,
  yellow: identity,
  blue: identity,
  cyan: identity,
  dim: identity,
  bold: identity,
};
