// `ftl2 exec` on a real terminal: run under `script`, which gives it a pseudo-terminal.
import { spawn } from 'node:child_process';
import t from 'tap';
import { example, FTL2, fixture, testEnv } from '../helpers/cli.js';
import { hasColorCodes, renderScreen } from '../helpers/screen.js';

/**
 * Runs ftl2 on a pty and resolves to everything the terminal received; types Ctrl-C once the
 * output matches `interruptWhen`.
 */
function runOnTerminal(
  args: string[],
  env: Record<string, string | undefined>,
  interruptWhen?: RegExp,
): Promise<string> {
  const command = [FTL2, ...args].map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      env: testEnv({ CI: undefined, FORCE_COLOR: undefined, TERM: 'xterm-256color', ...env }),
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const chunks: Buffer[] = [];
    let isInterrupted = false;
    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (isInterrupted || !interruptWhen?.test(Buffer.concat(chunks).toString('utf8'))) return;

      isInterrupted = true;
      child.stdin.write('\u0003');
    });
    child.on('error', reject);
    child.on('close', () => {
      child.stdin.destroy();
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
  });
}

const STEPS = ['exec', example('step_counter'), '--param', 'steps=4', '--param', 'delay=0.1'];

t.test('a terminal shows spinner frames, the message, and the status line', async (t) => {
  const output = await runOnTerminal(STEPS, { NO_COLOR: undefined });
  t.match(output, /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/, 'spinner frames');
  t.match(output, /step 2 of 4/, 'the progress message');
  t.ok(hasColorCodes(output), 'colors on a color terminal');
  const screen = renderScreen(output.replaceAll('\r\n', '\n'), 400);
  t.ok(screen.isCursorVisible, 'the cursor is back');
  const status = screen.lines.findIndex((line) =>
    /^✔ \S+step_counter\.py ok, unchanged/.test(line),
  );
  t.ok(status > 0, 'the status line');
  t.match(screen.lines[status - 1], /^ℹ counted 4 steps$/);
  t.match(screen.lines.slice(0, status - 1), [/^✔ step 4 of 4 +█{20} +100% +4\/4 +\d+\.\ds$/]);
  t.same(JSON.parse(screen.lines.slice(status + 1).join('\n')), {
    changed: false,
    steps: 4,
    msg: 'counted 4 steps',
  });
});

t.test('NO_COLOR on a terminal: animation without color codes', async (t) => {
  const output = await runOnTerminal(STEPS, { NO_COLOR: '1' });
  t.match(output, /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
  t.notOk(hasColorCodes(output), 'no color codes');
  t.match(output, '\u001B[?25l', 'the cursor is still hidden while it draws');
});

t.test('CI set: no animation even on a terminal', async (t) => {
  const output = await runOnTerminal(STEPS, { CI: 'true' });
  t.notMatch(output, '\u001B[?25l');
  t.match(output, /^50% step 2 of 4 \(2\/4\)\r$/m);
});

t.test('Ctrl-C on a terminal: the module is stopped, the cursor comes back', async (t) => {
  const args = ['exec', fixture('sleep_forever.sh')];
  const output = await runOnTerminal(args, { NO_COLOR: '1' }, /5%/);
  const screen = renderScreen(output.replaceAll('\r\n', '\n'), 400);
  t.ok(screen.isCursorVisible);
  t.match(screen.lines.at(-1), /^⚠ \S+sleep_forever\.sh interrupted, unchanged, /);
  t.match(screen.lines, [/^- started {2}/, 'error: interrupted by SIGINT']);
});
