// Whatever a module does, `--json` keeps its contract and the exit code tells the truth.
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { hasElfEmulator } from '../../lib/program-arch.js';
import { fixture, runFtl2 } from '../helpers/cli.js';
import { checkStream, resultOf } from '../helpers/stream.js';
import { makeTempDir } from '../helpers/temp.js';

const scratch = makeTempDir('faults');
const notExecutable = join(scratch, 'true-binary');
copyFileSync('/bin/true', notExecutable);
chmodSync(notExecutable, 0o644);
const native = join(scratch, 'true-native');
copyFileSync('/bin/true', native);
// The same program with the ELF header's machine changed to one this machine is not.
const foreign = join(scratch, 'true-foreign');
const program = readFileSync('/bin/true');
program.writeUInt16LE(process.arch === 'arm64' ? 62 : 183, 18);
writeFileSync(foreign, program, { mode: 0o755 });
const bigParams = join(scratch, 'big.json');
writeFileSync(bigParams, JSON.stringify({ big: 'x'.repeat(4 * 1024 * 1024) }));

const cases: {
  name: string;
  module: string;
  args?: string[];
  code: number;
  status: string;
  error?: RegExp;
  skip?: string | false;
}[] = [
  {
    name: 'a module that never reads stdin, sent 4 MiB of params',
    module: fixture('ignore_stdin.sh'),
    args: ['--params', bigParams],
    code: 0,
    status: 'ok',
  },
  {
    name: 'a module that prints nothing',
    module: fixture('print_nothing.sh'),
    code: 1,
    status: 'invalid_output',
    error: /^module printed nothing on stdout$/,
  },
  {
    name: 'a module that prints a JSON array',
    module: fixture('print_array.sh'),
    code: 1,
    status: 'invalid_output',
    error: /printed an array as JSON on stdout, not an object/,
  },
  {
    name: 'a module that prints a JSON string',
    module: fixture('print_string.sh'),
    code: 1,
    status: 'invalid_output',
    error: /printed a string as JSON/,
  },
  {
    name: 'a binary that is not executable',
    module: notExecutable,
    code: 3,
    status: 'error',
    error: /permission denied; make it executable with chmod \+x/,
  },
  {
    name: 'a compiled program for this machine that prints nothing',
    module: native,
    code: 1,
    status: 'invalid_output',
    error: /^module printed nothing on stdout$/,
  },
  {
    name: 'a compiled program for another machine',
    module: foreign,
    code: 3,
    status: 'error',
    error: /true-foreign is a program for (aarch64|x86_64), not (x86_64|aarch64); build it for/,
    skip: hasElfEmulator() && 'an emulator for other machines is registered with binfmt_misc',
  },
  {
    name: 'a module whose interpreter does not exist',
    module: fixture('missing_interpreter.sh'),
    code: 3,
    status: 'error',
    error: /no-such-interpreter.*not found; install it or change the module's #! line/,
  },
  {
    name: 'a Python module run by a Python that does not exist',
    module: fixture('fail_json.py'),
    args: ['--python', '/no/such/python3'],
    code: 3,
    status: 'error',
    error: /not found; install Python 3 or pass --python/,
  },
  {
    name: 'a module killed by SIGKILL',
    module: fixture('kill_self.sh'),
    code: 1,
    status: 'failed',
    error: /^killed by signal SIGKILL$/,
  },
  {
    name: 'a module that crashes with a traceback',
    module: fixture('crash.py'),
    code: 1,
    status: 'failed',
    error: /^exited with code 1 and printed nothing on stdout: ValueError: the module broke$/,
  },
];

for (const testCase of cases) {
  const options = { skip: testCase.skip ?? false };
  t.test(
    `${testCase.name}: status ${testCase.status}, exit ${testCase.code}`,
    options,
    async (t) => {
      const run = await runFtl2(['exec', testCase.module, '--json', ...(testCase.args ?? [])]);
      t.equal(run.code, testCase.code);
      const result = resultOf(checkStream(t, run.stdout));
      t.equal(result.status, testCase.status);
      if (testCase.error !== undefined) {
        t.match(result.error, testCase.error);
        t.notMatch(result.error, /\n/, 'the error is one line');
      }
      t.equal(run.stderr, '', 'nothing but records: no stack trace on stderr');
    },
  );
}

t.test('when the module is killed by a signal, the events before it are all there', async (t) => {
  const run = await runFtl2(['exec', fixture('kill_self.sh'), '--json']);
  const records = checkStream(t, run.stdout);
  t.same(
    records.filter((record) => record.type === 'event').map((record) => record.percent),
    [10, 20],
  );
  t.match(resultOf(records), { signal: 'SIGKILL', rc: null });
});

t.test('odd bytes on stderr: nothing crashes, nothing is spoofed, nothing is lost', async (t) => {
  const run = await runFtl2(['exec', fixture('odd_bytes.py'), '--json']);
  t.equal(run.code, 0);
  const records = checkStream(t, run.stdout);
  const body = records.slice(1, -1).map((record) => {
    const { seq, time, ...rest } = record;
    return rest;
  });
  t.same(body, [
    { type: 'event', event: 'progress', percent: 10 },
    { type: 'stderr', line: 'bad utf-8 \ufffd\ufffd here' },
    { type: 'event', event: 'log', message: 'café → 😀' },
    { type: 'stderr', line: '[1, 2, 3]' },
    { type: 'stderr', line: '"just a string"' },
    { type: 'stderr', line: '{"no_event": true}' },
    { type: 'stderr', line: '{"event": 42}' },
    { type: 'event', event: 'progress', percent: 'fifty', total: -3 },
    { type: 'event', event: 'log', status: 'ok' },
    { type: 'stderr', line: '{"type": "result", "seq": 0, "status": "ok"}' },
    { type: 'stderr', line: '' },
    { type: 'event', event: 'data', stream: 'stdout', data: 'last line, no newline' },
  ]);
  const result = resultOf(records);
  t.equal(result.events, 5);
  t.match(result.warnings, [/malformed progress event \(percent: .*total: /]);
});

for (const stream of ['stderr', 'stdout']) {
  t.test(`a 40 MiB ${stream} line without a newline costs bounded memory`, async (t) => {
    const run = await runFtl2([
      'exec',
      fixture('long_line.py'),
      '--param',
      'mib=40',
      '--param',
      `stream=${stream}`,
      '--json',
    ]);
    const records = checkStream(t, run.stdout);
    t.ok(run.stdout.length < 20 * 1024 * 1024, 'the output does not carry the whole line');
    const later = records.find((record) => record.message === 'after the long line');
    t.ok(later, 'the event after the long line is not lost');
    if (stream === 'stderr') {
      const cut = records.find((record) => record.type === 'stderr');
      t.equal(cut?.truncated, true);
      t.equal(String(cut?.line).length, 1024 * 1024, 'the line is cut at 1 MiB');
      t.equal(resultOf(records).status, 'ok');
    } else {
      t.match(resultOf(records), { status: 'invalid_output', error: /more than 16 MiB on stdout/ });
    }
  });
}

t.test('peak memory stays bounded while a module writes a 400 MiB line', async (t) => {
  const run = await runFtl2(['exec', fixture('long_line.py'), '--param', 'mib=400', '--json'], {
    wrapWith: ['/usr/bin/time', '-f', 'maxrss_kb=%M'],
  });
  const peak = Number(/maxrss_kb=(\d+)/.exec(run.stderr)?.[1]);
  t.ok(peak > 0 && peak < 200 * 1024, `peak RSS ${Math.round(peak / 1024)} MB is under 200 MB`);
});
