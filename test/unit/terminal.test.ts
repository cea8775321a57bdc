// When the human view animates and when it colors, in commander's order.
import t from 'tap';
import { getTerminalSize, isInteractive, shouldUseColor } from '../../lib/terminal.js';
import { createFakeTerminal } from '../helpers/screen.js';

const tty = createFakeTerminal().stream;
const pipe = createFakeTerminal(80, 24, false).stream;

const colorCases = [
  { name: 'a TTY has colors', stream: tty, env: {}, color: true },
  { name: 'a pipe has none', stream: pipe, env: {}, color: false },
  { name: 'NO_COLOR turns them off on a TTY', stream: tty, env: { NO_COLOR: '1' }, color: false },
  { name: 'FORCE_COLOR=0 turns them off', stream: tty, env: { FORCE_COLOR: '0' }, color: false },
  {
    name: 'FORCE_COLOR turns them on for a pipe',
    stream: pipe,
    env: { FORCE_COLOR: '1' },
    color: true,
  },
  {
    name: 'NO_COLOR wins over FORCE_COLOR',
    stream: pipe,
    env: { NO_COLOR: '1', FORCE_COLOR: '1' },
    color: false,
  },
  { name: 'an empty NO_COLOR does not count', stream: tty, env: { NO_COLOR: '' }, color: true },
];

for (const testCase of colorCases) {
  t.test(`colors: ${testCase.name}`, async (t) => {
    t.equal(shouldUseColor(testCase.stream, testCase.env), testCase.color);
  });
}

t.test('a TTY that says it lacks colors gets none', async (t) => {
  const mono = Object.assign(createFakeTerminal().stream, { hasColors: () => false });
  t.equal(shouldUseColor(mono, {}), false);
});

const animationCases = [
  { name: 'a TTY animates', stream: tty, env: {}, animate: true },
  { name: 'a pipe does not', stream: pipe, env: {}, animate: false },
  { name: 'CI does not', stream: tty, env: { CI: 'true' }, animate: false },
  { name: 'CI=false still animates', stream: tty, env: { CI: 'false' }, animate: true },
  { name: 'TERM=dumb does not', stream: tty, env: { TERM: 'dumb' }, animate: false },
];

for (const testCase of animationCases) {
  t.test(`animation: ${testCase.name}`, async (t) => {
    t.equal(isInteractive(testCase.stream, testCase.env), testCase.animate);
  });
}

t.test('a terminal that reports no size is taken as 80x24', async (t) => {
  t.same(getTerminalSize(createFakeTerminal(0, 0).stream), { columns: 80, rows: 24 });
  t.same(getTerminalSize(createFakeTerminal(120, 40).stream), { columns: 120, rows: 40 });
});
