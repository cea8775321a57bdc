// Timeouts, signals and a closed stdout end the module and everything it started, keep the
// events sent before, and still end the stream with a result.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, utimesSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import t from 'tap';
import { FTL2, fixture, parseRecords, runFtl2, testEnv } from '../helpers/cli.js';
import { isAlive, startFtl2 } from '../helpers/process.js';
import { checkStream, resultOf } from '../helpers/stream.js';
import { makeTempDir } from '../helpers/temp.js';

t.test(
  '--timeout ends the whole process group, a grandchild holding the pipes included',
  async (t) => {
    const run = await runFtl2([
      'exec',
      fixture('grandchild_holds_pipes.sh'),
      '--timeout',
      '0.5',
      '--json',
    ]);
    t.equal(run.code, 124);
    const records = checkStream(t, run.stdout);
    const started = records.find((record) => record.message === 'started a grandchild');
    t.ok(started, 'the event sent before the timeout is kept');
    t.notOk(isAlive(Number(started?.pid)), 'the grandchild that ignored SIGTERM is gone');
    const result = resultOf(records);
    t.match(result, { status: 'timeout', error: 'timed out after 0.5 s' });
    t.ok(Number(result.duration_ms) < 10_000, 'it ended long before the module would have');
  },
);

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const) {
  t.test(`${signal} reaches the module first, and its last events are kept`, async (t) => {
    const live = startFtl2(['exec', fixture('trap_term.sh'), '--json']);
    await live.waitFor(/"message": "working"/);
    live.child.kill(signal);
    t.equal(await live.done, code);
    const records = checkStream(t, live.stdout());
    t.ok(
      records.some((record) => record.message === 'cleaning up'),
      'the event the module sent on the signal is there',
    );
    t.match(resultOf(records), { status: 'interrupted', error: `interrupted by ${signal}` });
  });
}

t.test('a module that ignores SIGTERM is killed after the grace period', async (t) => {
  const live = startFtl2(['exec', fixture('ignore_signals.sh'), '--json']);
  await live.waitFor(/stubborn/);
  live.child.kill('SIGTERM');
  t.equal(await live.done, 143);
  t.match(resultOf(checkStream(t, live.stdout())), { status: 'interrupted', signal: 'SIGKILL' });
});

t.test('a closed stdout (| head -1) ends ftl2 quietly and stops the module', async (t) => {
  const script = `"${FTL2}" exec "${fixture('stream_forever.sh')}" --json | head -2; echo "ftl2 exited $\{PIPESTATUS[0]}" >&2`;
  const shell = spawn('bash', ['-c', script], { env: testEnv() });
  let stdout = '';
  let stderr = '';
  shell.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  shell.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  await new Promise((resolve) => shell.on('close', resolve));
  t.equal(stderr, 'ftl2 exited 141\n', 'no stack trace, no EPIPE message; the SIGPIPE exit code');
  const pid = Number(JSON.parse(stdout.split('\n')[1] ?? '{}').pid);
  t.ok(pid > 0, 'the module reported its pid');
  t.notOk(isAlive(pid), 'the module was stopped');
});

const argsFilePaths = [
  { name: 'success', args: [], code: 0 },
  { name: 'failure', args: ['--param', 'then=fail'], code: 1 },
  { name: 'timeout', args: ['--param', 'then=sleep', '--timeout', '0.5'], code: 124 },
  { name: 'signal', args: ['--param', 'then=sleep'], code: 143, signal: 'SIGTERM' as const },
];

for (const path of argsFilePaths) {
  t.test(`the args file is private and removed after ${path.name}`, async (t) => {
    const live = startFtl2(['exec', fixture('report_args_file.py'), '--json', ...path.args]);
    const text = await live.waitFor(/"stream": "args_file"/);
    if (path.signal !== undefined) live.child.kill(path.signal);
    t.equal(await live.done, path.code);
    const record = checkStream(t, live.stdout()).find((item) => item.stream === 'args_file');
    const facts = JSON.parse(String(record?.data));
    t.equal(facts.file_mode, '0o600');
    t.equal(facts.dir_mode, '0o700');
    t.notOk(existsSync(facts.path), 'the file is gone');
    t.notOk(existsSync(facts.path.replace(/\/args$/, '')), 'its folder is gone');
    t.ok(text.length > 0);
  });
}

t.test('a folder left by a SIGKILLed ftl2 is removed by a later run after an hour', async (t) => {
  const temporary = makeTempDir('abandoned');
  const sleeper = ['exec', fixture('report_args_file.py'), '--json', '--param', 'then=sleep'];
  const killed = startFtl2(sleeper, { TMPDIR: temporary });
  await killed.waitFor(/"stream": "args_file"/);
  killed.child.kill('SIGKILL');
  await killed.done;
  const records = parseRecords(killed.stdout());
  const facts = JSON.parse(String(records.find((item) => item.stream === 'args_file')?.data));
  process.kill(-facts.pid, 'SIGKILL');
  const left = dirname(facts.path);
  t.ok(existsSync(facts.path), 'SIGKILL leaves the args file behind');

  const run = () =>
    runFtl2(['exec', fixture('report_args_file.py')], { env: { TMPDIR: temporary } });
  t.equal((await run()).code, 0);
  t.ok(existsSync(left), 'a folder touched within the hour is kept');

  const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
  utimesSync(left, twoHoursAgo, twoHoursAgo);
  const live = join(temporary, `ftl2-${process.pid}-abcdef`);
  mkdirSync(live);
  utimesSync(live, twoHoursAgo, twoHoursAgo);
  t.equal((await run()).code, 0);
  t.notOk(existsSync(left), 'the abandoned folder is gone, its args file with it');
  t.ok(existsSync(live), 'the folder of a running process is kept, however old');
  t.same(readdirSync(temporary), [basename(live)], 'each run removed its own folder');
});

for (const mode of ['--json', '']) {
  t.test(
    `a reader gone before the last write still gives 141 (${mode || 'human view'})`,
    async (t) => {
      const ftl2 = `"${FTL2}" exec "${fixture('event_then_result.sh')}" ${mode}`;
      const script = `${ftl2} | head -${mode ? 1 : 0} >/dev/null; echo "$\{PIPESTATUS[0]}"`;
      const shell = spawn('bash', ['-c', script], { env: testEnv() });
      let stdout = '';
      shell.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      await new Promise((resolve) => shell.on('close', resolve));
      t.equal(stdout.trim(), '141');
    },
  );
}
