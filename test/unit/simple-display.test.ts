// SimpleEventDisplay: plain lines for logs and pipes, driven with a fake stream.
import t from 'tap';
import type { ModuleEvent } from '../../lib/index.js';
import { SimpleEventDisplay } from '../../lib/index.js';
import { createFakeTerminal, hasEscapes } from '../helpers/screen.js';

function createDisplay(options: { verbose?: boolean; showData?: boolean; color?: boolean } = {}) {
  const terminal = createFakeTerminal(80, 24, false);
  // Colors off unless a test asks: FORCE_COLOR in the environment must not change the text.
  const display = new SimpleEventDisplay({ stream: terminal.stream, color: false, ...options });
  return { display, lines: () => terminal.written().trimEnd().split('\n'), terminal };
}

function progress(current: number, total: number, extra: Record<string, unknown> = {}) {
  return { event: 'progress', current, total, message: `item ${current}`, ...extra };
}

t.test('a hundred updates of one task give one line per 10% step', async (t) => {
  const { display, lines } = createDisplay();
  for (let index = 0; index <= 100; index++) display.handleEvent(progress(index, 100));
  t.equal(lines().length, 11);
  t.equal(lines()[0], '0% item 0 (0/100)');
  t.equal(lines()[5], '50% item 50 (50/100)');
  t.equal(lines().at(-1), '100% item 100 (100/100)');
});

t.test('each task gets its own steps, labelled with its id', async (t) => {
  const { display, lines } = createDisplay();
  const first = display.makeCallback('db');
  const second = display.makeCallback(7);
  for (let index = 0; index <= 10; index++) {
    first(progress(index, 10));
    second(progress(index * 2, 20));
  }
  t.equal(lines().filter((line) => line.startsWith('[db] ')).length, 11);
  t.equal(lines().filter((line) => line.startsWith('[7] ')).length, 11);
  t.ok(lines().includes('[db] 30% item 3 (3/10)'));
});

t.test('logs are [LEVEL] message, debug only when verbose', async (t) => {
  const events: ModuleEvent[] = [
    { event: 'log', level: 'debug', message: 'details' },
    { event: 'log', level: 'info', message: 'starting' },
    { event: 'log', level: 'warning', message: 'slow disk' },
    { event: 'log', level: 'error', message: 'gave up', task_id: 'db' },
  ];
  const quiet = createDisplay();
  for (const event of events) quiet.display.handleEvent(event);
  t.same(quiet.lines(), ['[INFO] starting', '[WARNING] slow disk', '[ERROR] [db] gave up']);

  const verbose = createDisplay({ verbose: true });
  for (const event of events) verbose.display.handleEvent(event);
  t.equal(verbose.lines()[0], '[DEBUG] details');
});

t.test('data events are shown when asked, a line per line', async (t) => {
  const data = { event: 'data', stream: 'stdout', data: 'one\ntwo\n' };
  const hidden = createDisplay();
  hidden.display.handleEvent(data);
  t.equal(hidden.terminal.written(), '');

  const shown = createDisplay({ showData: true });
  shown.display.handleEvent(data);
  t.same(shown.lines(), ['[stdout] one', '[stdout] two']);
});

t.test('without colors nothing but text is written, whatever the module sends', async (t) => {
  const { display, terminal } = createDisplay({ color: false, verbose: true });
  display.handleEvent(progress(1, 2, { message: '\u001B[31mred\u001B[0m' }));
  display.handleEvent({ event: 'log', level: 'warning', message: 'bell\u0007' });
  t.notOk(hasEscapes(terminal.written()));
  t.match(terminal.written(), /50% red/);
});

t.test('with colors on, levels are colored', async (t) => {
  const { display, terminal } = createDisplay({ color: true });
  display.handleEvent({ event: 'log', level: 'error', message: 'broken' });
  t.match(terminal.written(), '\u001B[31m[ERROR]\u001B[39m broken');
});

t.test('malformed and unknown events never throw', async (t) => {
  const { display, lines } = createDisplay({ verbose: true, showData: true });
  const events: ModuleEvent[] = [
    { event: 'progress', percent: 'half', message: ['x'] },
    { event: 'progress', percent: 55, total: -3 },
    { event: 'log', level: 9, message: null },
    { event: 'data', data: { nested: true } },
    { event: 'heartbeat', beat: 1 },
  ];
  for (const event of events) display.handleEvent(event);
  t.same(lines(), ['55%', '[INFO]', '[stdout]']);
});

t.test('a task without a percent is shown once, then again when a percent arrives', async (t) => {
  const { display, lines } = createDisplay();
  display.handleEvent({ event: 'progress', message: 'scanning' });
  display.handleEvent({ event: 'progress', message: 'still scanning' });
  display.handleEvent({ event: 'progress', percent: 20 });
  t.same(lines(), ['scanning', '20% still scanning']);
});
