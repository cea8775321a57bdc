// EventProgressDisplay, driven with a fake TTY; the checks read the screen it leaves.
// The live view is asked for with `animate: true`: by default a CI runner (`CI` set) gets
// plain lines even on a TTY, and these tests must hold there too (terminal.test.ts covers
// the default).
import t from 'tap';
import {
  EventProgressDisplay,
  type LiveDisplayOptions,
  type ModuleEvent,
} from '../../lib/index.js';
import { fixturePath, runNode } from '../helpers/cli.js';
import { createFakeTerminal, hasColorCodes, hasEscapes, renderScreen } from '../helpers/screen.js';

const SPINNER = /^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/;

function createDisplay(options: LiveDisplayOptions = {}, columns = 80, rows = 24) {
  const terminal = createFakeTerminal(columns, rows);
  const display = new EventProgressDisplay({
    stream: terminal.stream,
    interval: 5,
    animate: true,
    ...options,
  });
  return { display, terminal };
}

function progress(current: number, total: number, message = `item ${current}`): ModuleEvent {
  return { event: 'progress', current, total, message };
}

t.test('while running, a task shows a spinner, message, bar, percent, amount, time', async (t) => {
  const { display, terminal } = createDisplay({ color: false });
  display.start();
  display.handleEvent(progress(4, 10, 'copying'));
  await terminal.nextWrite();
  const [line] = terminal.screen();
  t.match(line, SPINNER);
  t.match(line, /^. copying {2}█{8}░{12} {3}40% {2}4\/10 {2}\d+\.\ds$/);
  display.stop();
});

t.test('logs print above the task lines; debug only when verbose', async (t) => {
  for (const verbose of [false, true]) {
    const { display, terminal } = createDisplay({ color: false, verbose });
    display.start();
    display.handleEvent(progress(1, 4));
    display.handleEvent({ event: 'log', level: 'debug', message: 'details' });
    display.handleEvent({ event: 'log', level: 'info', message: 'starting' });
    display.handleEvent({ event: 'log', level: 'warning', message: 'slow disk' });
    display.handleEvent({ event: 'log', level: 'error', message: 'retrying', task_id: 'db' });
    await terminal.nextWrite();
    const logs = ['ℹ starting', '⚠ slow disk', '✖ db: retrying'];
    const screen = terminal.screen();
    t.same(screen.slice(0, -1), verbose ? ['· details', ...logs] : logs);
    t.match(screen.at(-1), SPINNER);
    display.stop();
  }
});

t.test('warnings and errors are colored when colors are on', async (t) => {
  const { display, terminal } = createDisplay({ color: true });
  display.start();
  display.handleEvent({ event: 'log', level: 'warning', message: 'slow disk' });
  display.handleEvent({ event: 'log', level: 'error', message: 'broken' });
  display.stop();
  t.match(terminal.written(), '\u001B[33m⚠\u001B[39m \u001B[33mslow disk\u001B[39m');
  t.match(terminal.written(), '\u001B[31m✖\u001B[39m \u001B[31mbroken\u001B[39m');
});

t.test('a task that reaches 100% leaves a ✔ line and the live lines', async (t) => {
  const { display, terminal } = createDisplay({ color: false });
  display.start();
  display.handleEvent(progress(2, 3), 'a');
  display.handleEvent(progress(3, 3, 'done'), 'a');
  display.handleEvent(progress(1, 5, 'other'), 'b');
  await terminal.nextWrite();
  const screen = terminal.screen();
  t.equal(screen.length, 2);
  t.match(screen[0], /^✔ a done .* 100% {2}3\/3 /);
  t.match(screen[1], SPINNER);
  t.match(screen[1], / b other /);
  display.stop();
});

t.test('stop leaves each task at its last state and shows the cursor again', async (t) => {
  const { display, terminal } = createDisplay({ color: false });
  display.start();
  display.handleEvent(progress(3, 10));
  await terminal.nextWrite();
  t.notOk(terminal.isCursorVisible(), 'hidden while running');
  display.stop();
  t.ok(terminal.isCursorVisible());
  t.match(terminal.screen(), [/^- item 3 .* 30% {2}3\/10 /]);
  display.stop();
  t.equal(terminal.screen().length, 1, 'a second stop changes nothing');
});

t.test('a display in a using block is stopped at the end of the block', async (t) => {
  const terminal = createFakeTerminal();
  {
    using display = new EventProgressDisplay({ stream: terminal.stream, animate: true });
    display.start();
    display.handleEvent(progress(1, 2));
  }
  t.ok(terminal.isCursorVisible());
});

t.test('three tasks from makeCallback get a line each, their bars lined up', async (t) => {
  const { display, terminal } = createDisplay({ color: false });
  display.start();
  const callbacks = ['a', 'bb', 'ccc'].map((id) => display.makeCallback(id));
  callbacks.forEach((callback, index) => {
    callback(progress(index + 1, 10, `step ${index + 1}`));
  });
  await terminal.nextWrite();
  const screen = terminal.screen();
  t.equal(screen.length, 3);
  t.match(screen[0], /^. a step 1 /);
  t.match(screen[2], /^. ccc step 3 /);
  const barColumns = screen.map((line) => line.search(/[█░]/));
  t.same(new Set(barColumns).size, 1, `bars start at one column: ${barColumns}`);
  display.stop();
});

t.test('100,000 events cost a handful of writes', async (t) => {
  const { display, terminal } = createDisplay({ color: false });
  display.start();
  const before = terminal.writeCount();
  for (let index = 0; index < 100_000; index++) display.handleEvent(progress(index, 100_000));
  t.equal(terminal.writeCount(), before, 'events alone write nothing');
  display.stop();
  t.ok(terminal.writeCount() < 10);
  t.match(terminal.screen(), [/^- item 99999 .* 99% /]);
});

t.test('with colors off there are no color codes, only cursor movement', async (t) => {
  const { display, terminal } = createDisplay({ color: false });
  display.start();
  display.handleEvent(progress(1, 2));
  display.handleEvent({ event: 'log', level: 'error', message: 'broken' });
  await terminal.nextWrite();
  display.handleEvent(progress(2, 2));
  display.stop();
  t.notOk(hasColorCodes(terminal.written()));
  t.ok(hasEscapes(terminal.written()), 'the cursor still moves');
});

t.test('off a terminal it writes plain lines, as SimpleEventDisplay does', async (t) => {
  const terminal = createFakeTerminal(80, 24, false);
  const display = new EventProgressDisplay({ stream: terminal.stream, color: false });
  display.start();
  for (let index = 0; index <= 10; index++) display.handleEvent(progress(index, 10));
  display.handleEvent({ event: 'log', level: 'info', message: 'done' });
  display.stop();
  t.notOk(hasEscapes(terminal.written()));
  const lines = terminal.written().trimEnd().split('\n');
  t.equal(lines.length, 12);
  t.equal(lines[4], '40% item 4 (4/10)');
  t.equal(lines.at(-1), '[INFO] done');
});

t.test('a long message on a narrow terminal is cut, never wrapped', async (t) => {
  const { display, terminal } = createDisplay({ color: false }, 30);
  display.start();
  display.handleEvent(progress(1, 3, 'a message much longer than thirty columns'));
  display.handleEvent(progress(1, 3, 'another long message that goes on and on'));
  await terminal.nextWrite();
  const screen = terminal.screen();
  t.equal(screen.length, 1);
  t.ok((screen[0] ?? '').length < 30);
  t.match(screen[0], /…/);
  display.stop();
});

t.test('more tasks than the terminal has rows: the rest are counted on one line', async (t) => {
  const { display, terminal } = createDisplay({ color: false }, 80, 6);
  display.start();
  for (let task = 0; task < 10; task++) display.handleEvent(progress(1, 2), `task${task}`);
  await terminal.nextWrite();
  const screen = terminal.screen();
  t.equal(screen.length, 5);
  t.equal(screen.at(-1), '  … and 6 more tasks');
  display.stop();
  t.equal(terminal.screen().length, 10, 'stop leaves all ten');
});

t.test('data events show when asked', async (t) => {
  const { display, terminal } = createDisplay({ color: false, showData: true });
  display.start();
  display.handleEvent({ event: 'data', stream: 'stdout', data: 'line one\nline two' });
  display.stop();
  t.same(terminal.screen(), ['[stdout] line one', '[stdout] line two']);
});

t.test('an idle message spins while no task reports progress', async (t) => {
  const { display, terminal } = createDisplay({ color: false, idleMessage: 'running ping' });
  display.start();
  await terminal.nextWrite();
  t.match(terminal.screen(), [/^. running ping {2}\d+\.\ds$/]);
  display.stop();
  t.same(terminal.screen(), [], 'the idle line is not left behind');
});

const exitCases = [
  { mode: 'exit', name: 'process.exit() with the display running', code: 0, signal: null },
  { mode: 'signal', name: 'an unhandled SIGINT', code: null, signal: 'SIGINT' },
  { mode: 'handled', name: 'a SIGINT the program handles', code: 0, signal: null },
];

for (const testCase of exitCases) {
  t.test(`the cursor is shown again after ${testCase.name}`, async (t) => {
    const run = await runNode([fixturePath('display-exit.mjs'), testCase.mode]);
    t.equal(run.code, testCase.code);
    t.equal(run.signal, testCase.signal);
    t.match(run.stdout, '\u001B[?25l', 'the display hid the cursor');
    t.ok(renderScreen(run.stdout).isCursorVisible, 'and showed it again');
    if (testCase.mode === 'handled') t.match(run.stdout, 'handled');
  });
}
