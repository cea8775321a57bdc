// The lines of the live view: a line per task (symbol, title, bar, percent, amount, elapsed
// time) fitted to the terminal so that it never wraps, and the log lines printed above.
import { getLevelPaint, type Style } from './color.js';
import { formatAmount, formatDuration, toDisplayText } from './format.js';
import type { TaskState } from './progress-state.js';
import type { LogLevel } from './protocol.js';
import { fitText, getTextWidth, truncateText } from './text-width.js';

export interface ScreenLayout {
  now: number;
  /** The terminal's size. */
  columns: number;
  rows: number;
  style: Style;
}

/**
 * The live lines for the running tasks, with `frame` as their spinner. Bars line up; when
 * the tasks outnumber the terminal's rows, the last line counts the ones left out.
 */
export function formatTaskLines(tasks: TaskState[], frame: string, layout: ScreenLayout): string[] {
  const { now, style } = layout;
  const room = Math.max(1, layout.rows - 1);
  const shown = tasks.length > room ? tasks.slice(0, room - 1) : tasks;
  const width = Math.max(1, layout.columns - 1);
  const titleWidth = Math.max(0, ...shown.map((task) => getTextWidth(getTaskTitle(task))));
  const lines = shown.map((task) =>
    formatTaskLine(task, { symbol: frame, now, width, titleWidth, style }),
  );
  if (shown.length < tasks.length) {
    lines.push(style.dim(`  … and ${tasks.length - shown.length} more tasks`));
  }

  return lines;
}

/** The line a task leaves on screen: `✔` when it reached 100%, `-` when it did not. */
export function formatLastLine(task: TaskState, layout: ScreenLayout): string {
  const { now, style } = layout;
  const symbol = task.finishedAt === undefined ? style.yellow('-') : style.green('✔');
  const width = Math.max(1, layout.columns - 1);
  const titleWidth = getTextWidth(getTaskTitle(task));
  return formatTaskLine(task, { symbol, now, width, titleWidth, style });
}

/** A log line: a symbol for the level, then the text; warnings and errors in color. */
export function formatLogLine(level: LogLevel, text: string, style: Style): string {
  const paint = getLevelPaint(style, level);
  return `${paint(LOG_SYMBOLS[level])} ${level === 'info' ? text : paint(text)}`;
}

const LOG_SYMBOLS: Record<LogLevel, string> = {
  debug: '·',
  info: 'ℹ',
  warning: '⚠',
  error: '✖',
};

interface TaskLineLayout {
  /** The spinner frame or the end symbol, styled, one column wide. */
  symbol: string;
  now: number;
  /** The columns the line may use: the terminal's width less one, so it never wraps. */
  width: number;
  /** The columns the widest title in the view takes, so that bars line up. */
  titleWidth: number;
  style: Style;
}

const BAR_WIDTH = 20;
const MIN_TITLE_WIDTH = 12;

/** The title of a task: its key, when it has one, then its latest message. */
function getTaskTitle(task: TaskState): string {
  const message = toDisplayText(task.fields.message);
  const label = toDisplayText(task.key);
  return label === '' || message === '' ? label + message : `${label} ${message}`;
}

// The task's line, at most `layout.width` columns: `⠋ title  ████░░░░  40%  4/10  1.2s`.
// When the terminal is narrow the bar goes first, then everything but the title.
function formatTaskLine(task: TaskState, layout: TaskLineLayout): string {
  const { style, symbol } = layout;
  const title = getTaskTitle(task);
  const { percent } = task.fields;
  const percentText = percent === undefined ? '' : formatPercent(percent);
  const details = [
    formatAmount(task.fields),
    formatDuration((task.finishedAt ?? layout.now) - task.startedAt),
  ].filter((part) => part !== '');
  const plainTail = [percentText, ...details].filter((part) => part !== '');
  const tailWidth = plainTail.reduce((sum, part) => sum + GAP + getTextWidth(part), 0);
  const barChoices = percent === undefined ? [false] : [true, false];
  for (const hasBar of barChoices) {
    const space = layout.width - 2 - tailWidth - (hasBar ? GAP + BAR_WIDTH : 0);
    if (space < MIN_TITLE_WIDTH) continue;

    const tail = [
      hasBar && percent !== undefined ? formatBar(percent, style) : '',
      style.bold(percentText),
      style.dim(details.join(' '.repeat(GAP))),
    ].filter((part) => part !== '');
    const head = styleTitle(fitText(title, Math.min(layout.titleWidth, space)), task, style);
    return [`${symbol} ${head}`, ...tail].join(' '.repeat(GAP)).trimEnd();
  }

  return `${symbol} ${truncateText(title, layout.width - 2)}`;
}

const GAP = 2;

function formatPercent(percent: number): string {
  return `${Math.floor(percent)}%`.padStart(4);
}

function formatBar(percent: number, style: Style): string {
  const filled = Math.round((percent / 100) * BAR_WIDTH);
  return style.cyan('█'.repeat(filled)) + style.dim('░'.repeat(BAR_WIDTH - filled));
}

function styleTitle(fitted: string, task: TaskState, style: Style): string {
  const label = toDisplayText(task.key);
  if (label === '' || !fitted.startsWith(label)) return fitted;

  return style.cyan(label) + fitted.slice(label.length);
}
