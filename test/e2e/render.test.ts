// `ftl2 render`: a saved or piped `exec --json` stream shown as exec shows the run, with the
// run's exit code; and what it does with streams that are cut, empty or not ftl2's.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { example, FTL2, fixture, parseRecords, runFtl2, testEnv } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/temp.js';

/** A run's text with its timing figures (the status line's duration) taken out. */
function withoutTiming(text: string): string {
  return text.replaceAll(/, (\d+\.\ds|\d+m\d\ds|\d+h\d\dm)$/gm, ', <duration>');
}

const runs = [
  {
    name: 'a success',
    args: [example('step_counter'), '--param', 'steps=3', '--param', 'delay=0'],
  },
  {
    name: 'tasks',
    args: [example('multi_task'), '--param', 'task_id=db', '--param', 'duration=0'],
  },
  { name: '-v', args: [example('logged_progress'), '--param', 'delay=0', '-v'] },
  {
    name: 'colors',
    args: [fixture('fail_json.py')],
    env: { FORCE_COLOR: '1', NO_COLOR: undefined },
  },
  { name: 'a failure with a stderr tail', args: [fixture('crash_after_stderr.py')] },
  { name: 'warnings', args: [fixture('return_warnings.py')] },
  { name: 'garbage output', args: [fixture('print_garbage.sh')] },
  { name: 'a missing module', args: ['./no/such/module.py'] },
  { name: 'a timeout', args: [fixture('sleep_forever.sh'), '--timeout', '0.3'] },
];

for (const run of runs) {
  t.test(`render shows ${run.name} as exec did, and exits as exec did`, async (t) => {
    const options = { env: run.env ?? {} };
    const [human, json] = await Promise.all([
      runFtl2(['exec', ...run.args], options),
      runFtl2(['exec', ...run.args, '--json'], options),
    ]);
    const verbose = run.args.includes('-v') ? ['-v'] : [];
    const rendered = await runFtl2(['render', ...verbose], { ...options, input: json.stdout });
    t.equal(parseRecords(json.stdout).at(-1)?.exit_code, json.code, 'the record has the code');
    t.equal(rendered.code, human.code, `exit ${human.code}`);
    t.equal(withoutTiming(rendered.stderr), withoutTiming(human.stderr), 'the same stderr');
    t.equal(rendered.stdout, human.stdout, 'the same stdout');
  });
}

/** Starts `ftl2 ARGS...` with a pipe on stdin, and lets a test wait for its stderr. */
function startFtl2(args: string[]): {
  child: ChildProcessWithoutNullStreams;
  waitForStderr: (pattern: RegExp) => Promise<void>;
  done: Promise<{ code: number | null; stderr: string }>;
} {
  const child = spawn(FTL2, args, { env: testEnv() });
  let stderr = '';
  let waiter: { pattern: RegExp; resolve: () => void } | undefined;
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (waiter?.pattern.test(stderr)) waiter.resolve();
  });
  child.stdout.resume();
  return {
    child,
    waitForStderr: (pattern) =>
      new Promise((resolve) => {
        waiter = { pattern, resolve };
        if (pattern.test(stderr)) resolve();
      }),
    done: new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr }))),
  };
}

const TIME = '2026-12-03T19:04:37.270Z';

function startRecord(module = 'mod.py'): string {
  const fields = { schema: 'ftl2/1', module, fqcn: null, path: null, pid: 1, params: [] };
  return `${JSON.stringify({ type: 'start', seq: 0, time: TIME, ...fields })}\n`;
}

function logRecord(message: string, seq = 1): string {
  return `${JSON.stringify({ type: 'event', seq, time: TIME, event: 'log', message })}\n`;
}

function resultRecord(status: string, exitCode?: number, seq = 2): string {
  const record = {
    type: 'result',
    seq,
    time: TIME,
    status,
    success: status === 'ok',
    changed: false,
    rc: status === 'ok' ? 0 : 1,
    signal: null,
    output: { changed: false },
    error: status === 'ok' ? null : `it went ${status}`,
    warnings: [],
    duration_ms: 5,
    events: 1,
    ...(exitCode === undefined ? {} : { exit_code: exitCode }),
  };
  return `${JSON.stringify(record)}\n`;
}

t.test('render shows an event as soon as its line arrives, before the stream ends', async (t) => {
  const render = startFtl2(['render']);
  render.child.stdin.write(startRecord() + logRecord('first news'));
  await render.waitForStderr(/^\[INFO\] first news$/m);
  t.pass('the event was shown while the stream was still open');
  render.child.stdin.end(resultRecord('ok', 0));
  const { code, stderr } = await render.done;
  t.equal(code, 0);
  t.match(stderr, /^✔ mod\.py ok, unchanged, 0\.0s\n$/m);
});

const exitCodes = [
  { status: 'ok', exitCode: 0 },
  { status: 'failed', exitCode: 1 },
  { status: 'timeout', exitCode: 124 },
  { status: 'interrupted', exitCode: 130 },
  { status: 'interrupted', exitCode: 143 },
  { status: 'not_found', exitCode: 3 },
];

for (const { status, exitCode } of exitCodes) {
  t.test(
    `a ${status} run whose record says exit_code ${exitCode} makes render exit so`,
    async (t) => {
      const input = startRecord() + resultRecord(status, exitCode, 1);
      t.equal((await runFtl2(['render'], { input })).code, exitCode);
    },
  );
}

const derivedCodes = [
  { status: 'ok', exitCode: 0 },
  { status: 'invalid_output', exitCode: 1 },
  { status: 'error', exitCode: 3 },
  { status: 'interrupted', exitCode: 143 },
];

for (const { status, exitCode } of derivedCodes) {
  t.test(`without exit_code, a ${status} run makes render exit ${exitCode}`, async (t) => {
    const input = startRecord() + resultRecord(status, undefined, 1);
    t.equal((await runFtl2(['render'], { input })).code, exitCode);
  });
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  t.test(
    `${signal} to exec --json | render: render shows the interrupt, exits ${code}`,
    async (t) => {
      const exec = spawn(FTL2, ['exec', fixture('trap_term.sh'), '--json'], { env: testEnv() });
      const render = startFtl2(['render']);
      exec.stdout.pipe(render.child.stdin);
      await render.waitForStderr(/1% working/);
      // As a terminal's Ctrl-C does: the signal reaches every process of the pipeline.
      render.child.kill(signal);
      exec.kill(signal);
      const { code: renderCode, stderr } = await render.done;
      t.equal(renderCode, code);
      const lastLine = stderr.trimEnd().split('\n').at(-1);
      t.match(lastLine, /^⚠ \S+trap_term\.sh interrupted, unchanged, /);
    },
  );
}

t.test('a second signal stops a render that waits for its producer', async (t) => {
  const render = startFtl2(['render']);
  render.child.stdin.write(startRecord() + logRecord('waiting'));
  await render.waitForStderr(/waiting/);
  // Two different signals, so that they cannot merge into one; either may be handled first.
  render.child.kill('SIGINT');
  render.child.kill('SIGTERM');
  const { code, stderr } = await render.done;
  const first = /\nerror: stopped by (SIGINT|SIGTERM) before the run's result record came\n$/;
  const signal = first.exec(stderr)?.[1];
  t.ok(signal, 'one line says which signal came first');
  t.equal(code, signal === 'SIGINT' ? 130 : 143, "the exit code is that signal's");
});

const badStreams = [
  {
    name: 'a line that is not JSON',
    input: `${startRecord()}${logRecord('shown before the error')}not json\n${logRecord('never')}`,
    error: /^error: stdin line 3 is not JSON \(.*\)$/,
    code: 2,
  },
  {
    name: 'a record with a field of the wrong type',
    input: `${startRecord()}{"type":"stderr","seq":1,"time":"${TIME}","line":5}\n`,
    error: /^error: stdin line 2 is not an ftl2 record: line: Invalid input: expected string/,
    code: 2,
  },
  {
    name: 'a record before the start',
    input: logRecord('too early'),
    error: /^error: stdin line 1 is an event record before the start$/,
    code: 2,
  },
  {
    name: 'a second run',
    input: `${startRecord()}${resultRecord('ok', 0, 1)}\n${startRecord()}`,
    error: /^error: stdin line 4 comes after the result record: render shows one run$/,
    code: 2,
  },
  {
    name: 'a stream cut before its result',
    input: `${startRecord()}${logRecord('shown before the error')}`,
    error: /^error: stdin ended without a result record: the run did not finish/,
    code: 1,
  },
  {
    name: 'a stream cut in the middle of a record',
    input: `${startRecord()}${logRecord('shown before the error')}{"type":"ev`,
    error: /^error: stdin ended in the middle of line 3 without a result record/,
    code: 1,
  },
  {
    name: 'a cut line after the result',
    input: `${startRecord()}${resultRecord('ok', 0, 1)}{"type":"ev`,
    error: /^error: stdin line 3 comes after the result record: render shows one run$/,
    code: 2,
  },
  {
    name: 'an empty stream',
    input: '\n',
    error: /^error: no records on stdin: give render the output of ftl2 exec --json$/,
    code: 2,
  },
];

for (const stream of badStreams) {
  t.test(`${stream.name}: one error line, last, and exit ${stream.code}`, async (t) => {
    const run = await runFtl2(['render'], { input: stream.input });
    t.equal(run.code, stream.code);
    const lines = run.stderr.trimEnd().split('\n');
    t.match(lines.at(-1), stream.error);
    t.equal(lines.filter((line) => line.startsWith('error:')).length, 1, 'one error line');
    t.equal(lines.includes('[INFO] shown before the error'), stream.input.includes('shown'));
    t.notMatch(run.stderr, /never/, 'nothing after the bad line is shown');
  });
}

t.test('render reads a saved file named on the command line', async (t) => {
  const file = join(makeTempDir('render'), 'run.ndjson');
  writeFileSync(file, startRecord('saved.py') + resultRecord('failed', 1, 1));
  const run = await runFtl2(['render', file]);
  t.equal(run.code, 1);
  t.match(run.stderr, /^error: it went failed\n✖ saved\.py failed, unchanged, 0\.0s\n$/);
  t.same(JSON.parse(run.stdout), { changed: false });

  const missing = await runFtl2(['render', join(file, '..', 'missing.ndjson')]);
  t.equal(missing.code, 2);
  t.match(missing.stderr, /^error: cannot read \S+missing\.ndjson: ENOENT\n$/);
});

t.test('on a terminal, render says what to pipe in instead of waiting', async (t) => {
  const child = spawn('script', ['-qfec', `'${FTL2}' render`, '/dev/null'], { env: testEnv() });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await new Promise((resolve) => child.on('close', resolve));
  t.equal(code, 2);
  t.match(output, /error: stdin is a terminal: pipe in the output of ftl2 exec --json/);
});
