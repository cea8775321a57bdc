// `ftl2 exec`: the NDJSON stream and the exit codes, through the real bin with real modules.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { RecordSchema } from '../../lib/protocol.js';
import { example, FTL2, fixture, parseRecords, runFtl2, testEnv } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/temp.js';

t.test('a step counter run gives start, progress, log, stderr lines and one result', async (t) => {
  const run = await runFtl2([
    'exec',
    example('step_counter'),
    '--param',
    'steps=5',
    '--param',
    'delay=0.01',
    '--json',
  ]);
  t.equal(run.code, 0);
  const records = parseRecords(run.stdout);
  for (const record of records)
    t.ok(RecordSchema.safeParse(record).success, `${record.type} is valid`);

  t.same(
    records.map((record) => record.seq),
    records.map((_, index) => index),
    'seq runs 0..n-1',
  );
  t.equal(records[0]?.type, 'start');
  t.equal(records.at(-1)?.type, 'result');
  t.equal(records.filter((record) => record.type === 'start').length, 1);
  t.equal(records.filter((record) => record.type === 'result').length, 1);

  const progress = records.filter((record) => record.event === 'progress');
  t.same(
    progress.map((record) => record.current),
    [0, 1, 2, 3, 4, 5],
  );
  t.ok(progress.every((record) => record.total === 5));
  const logs = records.filter((record) => record.event === 'log');
  t.same(
    logs.map((record) => [record.level, record.message]),
    [['info', 'counted 5 steps']],
  );
  const plain = records.filter((record) => record.type === 'stderr').map((record) => record.line);
  t.same(plain, ['counting 5 steps', 'done']);

  const result = records.at(-1) as Record<string, unknown>;
  t.equal(result.status, 'ok');
  t.equal(result.success, true);
  t.equal(result.events, 7);
  t.equal((result.output as { steps: unknown }).steps, 5, 'steps=5 arrives as the number 5');
  t.same(records[0]?.params, ['steps', 'delay']);
});

t.test('an event reaches stdout while the module is still running', async (t) => {
  const folder = makeTempDir('test');
  const release = join(folder, 'release');
  const child = spawn(
    FTL2,
    ['exec', fixture('slow_events.py'), '--param', `release=${release}`, '--json'],
    {
      env: testEnv(),
    },
  );
  let stdout = '';
  const sawEvent = new Promise<string>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (/"event": ?"progress"/.test(stdout)) resolve(stdout);
    });
  });

  const before = await sawEvent;
  t.notMatch(before, /"type":"result"/, 'no result yet: the module is still waiting');
  writeFileSync(release, '');
  const code = await new Promise((resolve) => child.on('close', resolve));
  t.equal(code, 0);
  t.equal(parseRecords(stdout).at(-1)?.status, 'ok');
});

const exitCases = [
  {
    name: 'a module that reports failed: true exits 1 with its msg as error',
    args: ['exec', fixture('fail_json.py'), '--json'],
    code: 1,
    status: 'failed',
    error: 'the disk is full',
  },
  {
    name: 'a module whose output is not JSON exits 1 as invalid_output',
    args: ['exec', fixture('print_garbage.sh'), '--json'],
    code: 1,
    status: 'invalid_output',
    error: /no JSON object/,
  },
  {
    name: 'a missing module file exits 3 and still gives start and result',
    args: ['exec', './no/such/module.py', '--json'],
    code: 3,
    status: 'not_found',
    error: /no module file at .*no\/such\/module\.py/,
  },
  {
    name: 'a run past --timeout exits 124',
    args: ['exec', fixture('sleep_forever.sh'), '--timeout', '0.5', '--json'],
    code: 124,
    status: 'timeout',
    error: 'timed out after 0.5 s',
  },
];

for (const testCase of exitCases) {
  t.test(testCase.name, async (t) => {
    const run = await runFtl2(testCase.args);
    t.equal(run.code, testCase.code);
    const records = parseRecords(run.stdout);
    t.equal(records[0]?.type, 'start');
    t.equal(records.at(-1)?.type, 'result');
    t.equal(records.at(-1)?.status, testCase.status);
    if (typeof testCase.error === 'string') t.equal(records.at(-1)?.error, testCase.error);
    else t.match(records.at(-1)?.error, testCase.error);
  });
}

const usageCases = [
  { name: 'a --param without =', args: ['--param', 'steps'], message: /^error: --param 'steps'/ },
  {
    name: 'a --param with bad JSON after :=',
    args: ['--param', 'n:={bad'],
    message: /^error: --param n:= needs valid JSON/,
  },
  {
    name: 'an unreadable --params file',
    args: ['--params', '/no/such/params.json'],
    message: /^error: --params \/no\/such\/params.json: cannot read it/,
  },
  { name: 'an unknown option', args: ['--bogus'], message: /^error: unknown option '--bogus'/ },
  {
    name: 'a timeout that is not a number',
    args: ['--timeout', 'soon'],
    message: /^error: option '--timeout <seconds>' argument 'soon' is invalid/,
  },
];

for (const testCase of usageCases) {
  t.test(`${testCase.name} exits 2 with a one-line error`, async (t) => {
    const run = await runFtl2(['exec', example('step_counter'), '--json', ...testCase.args]);
    t.equal(run.code, 2);
    t.equal(run.stdout, '', 'no run, so no records');
    const lines = run.stderr.trimEnd().split('\n');
    t.match(lines[0], testCase.message);
    t.notMatch(run.stderr, /\n\s+at /, 'no stack trace');
  });
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  t.test(`${signal} to ftl2 is passed to the module and ftl2 exits ${code}`, async (t) => {
    const child = spawn(FTL2, ['exec', fixture('sleep_forever.sh'), '--json'], { env: testEnv() });
    let stdout = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (/"event": ?"progress"/.test(stdout)) resolve();
      });
    });
    child.kill(signal);
    const exitCode = await new Promise((resolve) => child.on('close', resolve));
    t.equal(exitCode, code);
    const records = parseRecords(stdout);
    t.equal(records.at(-1)?.status, 'interrupted');
    t.equal(records.at(-1)?.error, `interrupted by ${signal}`);
    t.equal(
      records.filter((record) => record.type === 'event').length,
      1,
      'the event sent before is kept',
    );
  });
}

t.test('without --json the output reaches stdout and the exit code is right', async (t) => {
  const run = await runFtl2([
    'exec',
    example('step_counter'),
    '--param',
    'steps=2',
    '--param',
    'delay=0',
  ]);
  t.equal(run.code, 0);
  t.same(JSON.parse(run.stdout), { changed: false, steps: 2, msg: 'counted 2 steps' });
  t.match(run.stderr, /ok/);

  const failed = await runFtl2(['exec', fixture('fail_json.py')]);
  t.equal(failed.code, 1);
  t.match(failed.stderr, /the disk is full/);
});
