// What the displays read from events and how they write numbers, sizes and durations.
import t from 'tap';
import {
  formatAmount,
  formatBytes,
  formatDuration,
  getTaskKey,
  mergeProgress,
  readData,
  readLog,
  readProgress,
  toDisplayText,
} from '../../lib/format.js';
import { fitText, getTextWidth, truncateText } from '../../lib/text-width.js';

const malformedProgress = [
  {
    name: 'a string percent falls back to current/total',
    event: { percent: '50', current: 1, total: 4 },
    percent: 25,
  },
  { name: 'a percent over 100 is capped', event: { percent: 250 }, percent: 100 },
  { name: 'a negative percent is 0', event: { percent: -5 }, percent: 0 },
  { name: 'a negative total is unknown', event: { current: 3, total: -1 }, percent: undefined },
  { name: 'a total of 0 gives no percent', event: { current: 0, total: 0 }, percent: undefined },
  { name: 'current past total is 100%', event: { current: 12, total: 10 }, percent: 100 },
  { name: 'no fields at all', event: {}, percent: undefined },
];

for (const testCase of malformedProgress) {
  t.test(`progress: ${testCase.name}`, async (t) => {
    const fields = readProgress({ event: 'progress', ...testCase.event });
    t.equal(fields.percent, testCase.percent);
  });
}

t.test('progress fields of the wrong type read as unknown, never throw', async (t) => {
  const fields = readProgress({
    event: 'progress',
    message: { text: 'no' },
    current: 'lots',
    total: null,
    unit: 7,
    task_id: ['x'],
  });
  t.same(fields, {
    percent: undefined,
    message: '',
    current: undefined,
    total: undefined,
    unit: undefined,
    taskId: undefined,
  });
  t.equal(readProgress({ event: 'progress', message: 42, task_id: 3 }).message, '42');
  t.equal(readProgress({ event: 'progress', task_id: 3 }).taskId, '3');
});

t.test('a log level is read loosely and defaults to info', async (t) => {
  t.equal(readLog({ event: 'log', level: 'WARNING' }).level, 'warning');
  t.equal(readLog({ event: 'log', level: 'warn' }).level, 'warning');
  t.equal(readLog({ event: 'log', level: 'critical' }).level, 'info');
  t.equal(readLog({ event: 'log', level: 3 }).level, 'info');
  t.equal(readLog({ event: 'log' }).message, '');
});

t.test('data events default to stdout and split into lines', async (t) => {
  t.same(readData({ event: 'data', data: 'a\nb\n' }), {
    stream: 'stdout',
    lines: ['a', 'b'],
    taskId: undefined,
  });
  t.same(readData({ event: 'data', stream: 'stderr', data: 5 }).lines, ['5']);
});

t.test('an update without a message or total keeps what the task said before', async (t) => {
  const first = readProgress({ event: 'progress', message: 'copying', current: 0, total: 8 });
  const next = mergeProgress(first, readProgress({ event: 'progress', current: 4 }));
  t.match(next, { message: 'copying', current: 4, total: 8, percent: 50 });
  const messageOnly = mergeProgress(next, readProgress({ event: 'progress', message: 'still' }));
  t.match(messageOnly, { message: 'still', current: 4, percent: 50 });
});

t.test('the task key is the caller id, the event id, or both when they differ', async (t) => {
  t.equal(getTaskKey(undefined, undefined), '');
  t.equal(getTaskKey('db', undefined), 'db');
  t.equal(getTaskKey(undefined, 'a'), 'a');
  t.equal(getTaskKey('db', 'db'), 'db');
  t.equal(getTaskKey('host1', 'disk'), 'host1/disk');
});

const amounts = [
  { name: 'small counts stay numbers', fields: { current: 3, total: 10 }, text: '3/10' },
  {
    name: 'a unit follows the numbers',
    fields: { current: 3, total: 10, unit: 'files' },
    text: '3/10 files',
  },
  {
    name: 'bytes are sizes',
    fields: { current: 512, total: 2048, unit: 'bytes' },
    text: '512 B/2.0 KiB',
  },
  {
    name: 'large numbers without a unit are sizes',
    fields: { current: 1048576, total: 8388608 },
    text: '1.0 MiB/8.0 MiB',
  },
  {
    name: 'large numbers with a unit stay numbers',
    fields: { current: 2000000, unit: 'rows' },
    text: '2000000 rows',
  },
  { name: 'no current, no amount', fields: { total: 10 }, text: '' },
];

for (const testCase of amounts) {
  t.test(`amount: ${testCase.name}`, async (t) => {
    const fields = {
      percent: undefined,
      message: '',
      taskId: undefined,
      current: undefined,
      total: undefined,
      unit: undefined,
    };
    t.equal(formatAmount({ ...fields, ...testCase.fields }), testCase.text);
  });
}

t.test('sizes and durations read as people write them', async (t) => {
  t.equal(formatBytes(0), '0 B');
  t.equal(formatBytes(1536), '1.5 KiB');
  t.equal(formatBytes(3 * 1024 ** 3), '3.0 GiB');
  t.equal(formatDuration(340), '0.3s');
  t.equal(formatDuration(12_500), '12.5s');
  t.equal(formatDuration(187_000), '3m07s');
  t.equal(formatDuration(3_900_000), '1h05m');
});

t.test('module text loses escape codes and control characters', async (t) => {
  t.equal(toDisplayText('\u001B[2Jred\u001B[31m!\tok\u0007'), 'red! ok ');
});

t.test('text width counts wide characters as two columns and cuts with an ellipsis', async (t) => {
  t.equal(getTextWidth('abc'), 3);
  t.equal(getTextWidth('日本'), 4);
  t.equal(truncateText('abcdef', 4), 'abc…');
  t.equal(truncateText('日本語', 4), '日…');
  t.equal(fitText('ab', 4), 'ab  ');
});
