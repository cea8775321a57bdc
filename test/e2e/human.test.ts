// `ftl2 exec` without --json, on a pipe: plain lines, one status line, the output on stdout.
import { spawn } from 'node:child_process';
import t from 'tap';
import { example, FTL2, fixture, runFtl2, testEnv } from '../helpers/cli.js';
import { hasColorCodes, hasEscapes } from '../helpers/screen.js';

const NO_COLOR_SETTINGS = {
  NO_COLOR: undefined,
  FORCE_COLOR: undefined,
  CLICOLOR_FORCE: undefined,
};

function stderrLines(stderr: string): string[] {
  return stderr.trimEnd().split('\n');
}

t.test('on a pipe: no escapes, a line per 10%, the log, a status line, output', async (t) => {
  const run = await runFtl2(
    ['exec', example('step_counter'), '--param', 'steps=20', '--param', 'delay=0'],
    { env: NO_COLOR_SETTINGS },
  );
  t.equal(run.code, 0);
  t.notOk(hasEscapes(run.stderr), 'no ANSI codes on stderr');
  t.notOk(hasEscapes(run.stdout), 'none on stdout');
  const lines = stderrLines(run.stderr);
  const progress = lines.filter((line) => /^\d+% step/.test(line));
  t.same(
    progress.map((line) => line.split('%')[0]),
    ['0', '10', '20', '30', '40', '50', '60', '70', '80', '90', '100'],
  );
  t.ok(lines.includes('[INFO] counted 20 steps'));
  t.match(
    lines.at(-1),
    /^✔ \S+step_counter\.py ok, unchanged, \d+\.\ds$/,
    'the status line is last',
  );
  t.equal(lines.filter((line) => line.startsWith('✔')).length, 1, 'one status line');
  t.same(JSON.parse(run.stdout), { changed: false, steps: 20, msg: 'counted 20 steps' });
});

t.test("each task's progress is labelled with its task id", async (t) => {
  const run = await runFtl2([
    'exec',
    example('multi_task'),
    '--param',
    'task_id=backup',
    '--param',
    'duration=0',
  ]);
  t.equal(run.code, 0);
  const lines = stderrLines(run.stderr).filter((line) => line.startsWith('[backup] '));
  t.equal(lines.length, 11);
  t.equal(lines[3], '[backup] 30% backup: step 3 of 10 (3/10)');
});

t.test('bytes are shown as sizes', async (t) => {
  const args = ['--param', 'size=4194304', '--param', 'delay=0'];
  const run = await runFtl2(['exec', example('chunked_copy'), ...args]);
  t.match(run.stderr, /^50% copying \(2\.0 MiB\/4\.0 MiB\)$/m);
});

t.test('on failure: the stderr tail, the error, then the status line', async (t) => {
  const run = await runFtl2(['exec', fixture('crash_after_stderr.py')]);
  t.equal(run.code, 1);
  const lines = stderrLines(run.stderr);
  t.match(lines.at(-1), /^✖ \S+crash_after_stderr\.py failed, unchanged, \d+\.\ds$/);
  t.match(lines.at(-2), /^error: exited with code 1 and printed nothing on stdout: RuntimeError/);
  const heading = lines.findIndex((line) => line.startsWith('module stderr'));
  t.match(lines[heading], /^module stderr \(last 10 of \d+ lines\):$/);
  t.same(lines.slice(heading + 1, -2).length, 10);
  t.match(lines.slice(heading + 1, -2).join('\n'), /RuntimeError: boom/);
  t.notMatch(run.stderr, /stderr line 01/, 'older lines are left out');
  t.equal(run.stdout, '');
});

t.test("a module's failure shows its msg", async (t) => {
  const run = await runFtl2(['exec', fixture('fail_json.py')]);
  t.equal(run.code, 1);
  t.same(stderrLines(run.stderr).slice(-2, -1), ['error: the disk is full']);
  t.match(JSON.parse(run.stdout), { failed: true, msg: 'the disk is full' });
});

t.test('warnings are warning lines, and params never show, not even with -vvv', async (t) => {
  for (const verbose of [[], ['-vvv']]) {
    const run = await runFtl2([
      'exec',
      fixture('return_warnings.py'),
      '--param',
      'password=hunter2',
      ...verbose,
    ]);
    t.equal(run.code, 0);
    t.ok(stderrLines(run.stderr).includes('[WARNING] the disk is almost full'));
    t.notMatch(run.stderr + run.stdout, /hunter2/);
    t.same(JSON.parse(run.stdout), { changed: true, warnings: ['the disk is almost full'] });
  }
});

t.test('-v shows debug logs and the plain stderr lines', async (t) => {
  const args = ['exec', example('step_counter'), '--param', 'steps=2', '--param', 'delay=0'];
  const quiet = await runFtl2(args);
  t.notMatch(quiet.stderr, /counting 2 steps/);
  const verbose = await runFtl2([...args, '-v']);
  t.match(verbose.stderr, /^\[stderr\] counting 2 steps$/m);

  const logged = ['exec', example('logged_progress'), '--param', 'delay=0'];
  t.notMatch((await runFtl2(logged)).stderr, /DEBUG/);
  t.match((await runFtl2([...logged, '--verbose'])).stderr, /^\[DEBUG\] preparing step 1$/m);
});

const colorCases = [
  { name: 'FORCE_COLOR colors a pipe', env: { FORCE_COLOR: '1' }, args: [], color: true },
  {
    name: '--no-color wins over FORCE_COLOR',
    env: { FORCE_COLOR: '1' },
    args: ['--no-color'],
    color: false,
  },
  {
    name: 'NO_COLOR wins over FORCE_COLOR',
    env: { FORCE_COLOR: '1', NO_COLOR: '1' },
    args: [],
    color: false,
  },
  { name: 'FORCE_COLOR=0 means none', env: { FORCE_COLOR: '0' }, args: [], color: false },
];

for (const testCase of colorCases) {
  t.test(`colors: ${testCase.name}`, async (t) => {
    const run = await runFtl2(['exec', fixture('fail_json.py'), ...testCase.args], {
      env: { ...NO_COLOR_SETTINGS, ...testCase.env },
    });
    t.equal(hasColorCodes(run.stderr), testCase.color);
    t.notOk(hasEscapes(run.stdout), 'stdout is plain JSON either way');
  });
}

const endings = [
  {
    name: 'a success',
    args: [example('simple_progress'), '--param', 'delay=0'],
    line: /^✔ .* ok,/,
  },
  { name: 'a failure', args: [fixture('fail_json.py')], line: /^✖ .* failed, unchanged, / },
  { name: 'garbage output', args: [fixture('print_garbage.sh')], line: /^✖ .* invalid_output, / },
  { name: 'a missing module', args: ['./no/such/module.py'], line: /^✖ .* not_found, / },
  {
    name: 'a timeout',
    args: [fixture('sleep_forever.sh'), '--timeout', '0.3'],
    line: /^✖ .* timeout, unchanged, /,
  },
];

for (const ending of endings) {
  t.test(`after ${ending.name}, the status line is the last line on stderr`, async (t) => {
    const run = await runFtl2(['exec', ...ending.args]);
    t.match(stderrLines(run.stderr).at(-1), ending.line);
  });
}

t.test('after Ctrl-C, pressed again and again, the status line is the last line', async (t) => {
  const child = spawn(FTL2, ['exec', fixture('sleep_forever.sh')], { env: testEnv() });
  let stderr = '';
  // A SIGINT for every chunk of stderr once the progress line is out, as impatient users do.
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (stderr.includes('%')) child.kill('SIGINT');
  });
  const code = await new Promise((resolve) => child.on('close', resolve));
  t.equal(code, 130);
  t.match(stderrLines(stderr).at(-1), /^⚠ .*sleep_forever\.sh interrupted, unchanged, /);
  t.notMatch(stderr, /module stderr/, 'no stderr tail after an interrupt');
});

t.test('a module that is not found lists every place searched, one a line', async (t) => {
  const run = await runFtl2(['exec', 'nosuch.coll.mod'], {
    env: { ANSIBLE_COLLECTIONS_PATH: '/nowhere/a:/nowhere/b' },
  });
  t.equal(run.code, 3);
  const lines = stderrLines(run.stderr);
  const first = lines.findIndex((line) =>
    line.startsWith('error: collection nosuch.coll not found'),
  );
  t.ok(first >= 0, 'the first line stands alone');
  t.match(lines[first + 1], /^ {2}searched, in order:$/);
  t.ok(
    lines
      .slice(first + 2, -1)
      .every((line) => /^ {4}\/\S+\/ansible_collections\/nosuch\/coll$/.test(line)),
    'then one place a line',
  );
  t.match(lines.at(-1), /^✖ nosuch\.coll\.mod not_found/);
});
