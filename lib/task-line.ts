// One line of the live view: a task's symbol, title, bar, percent, amount and elapsed time,
// fitted to the terminal's width so that it never wraps.
import type { Style } from './color.js';
import { formatAmount, formatDuration, toDisplayText } from './format.js';
import type { TaskState } from './progress-state.js';
import { fitText, getTextWidth, truncateText } from './text-width.js';

export interface TaskLineLayout {
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
export function getTaskTitle(task: TaskState): string {
  const message = toDisplayText(task.fields.message);
  const label = toDisplayText(task.key);
  return label === '' || message === '' ? label + message : `${label} ${message}`;
}

/**
 * The task's line, at most `layout.width` columns wide: `⠋ title  ████░░░░  40%  4/10  1.2s`.
 * When the terminal is narrow the bar goes first, then everything but the title.
 */
export function formatTaskLine(task: TaskState, layout: TaskLineLayout): string {
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
