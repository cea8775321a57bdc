// Modules and params that are unusual in ways a review found: each is a result, never a crash.
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { EXAMPLES, fixture, runFtl2 } from '../helpers/cli.js';
import { checkStream, resultOf } from '../helpers/stream.js';
import { makeTempDir } from '../helpers/temp.js';

const scratch = makeTempDir('odd');

t.test('warnings and deprecations that are not text are shown as JSON', async (t) => {
  const run = await runFtl2(['exec', fixture('warnings_objects.py'), '--json']);
  t.equal(run.code, 0);
  t.same(resultOf(checkStream(t, run.stdout)).warnings, [
    '{"toString":1}',
    'plain',
    'deprecation: old way',
    'deprecation: 5',
    'deprecation: {"no":"msg"}',
  ]);
});

t.test('a result nested too deeply to write back is invalid output, not a crash', async (t) => {
  for (const json of [true, false]) {
    const run = await runFtl2(['exec', fixture('deep_output.py'), ...(json ? ['--json'] : [])]);
    t.equal(run.code, 1, json ? '--json' : 'human view');
    t.notMatch(run.stderr, /internal error/);
    if (json) {
      t.match(resultOf(checkStream(t, run.stdout)), {
        status: 'invalid_output',
        error: 'module printed a JSON result nested too deeply',
      });
    }
  }
});

t.test('a run that cannot make its private folder says so in its result', async (t) => {
  const run = await runFtl2(['exec', fixture('echo_args.py'), '--json'], {
    env: { TMPDIR: join(scratch, 'no-such-folder') },
  });
  t.equal(run.code, 3);
  t.match(resultOf(checkStream(t, run.stdout)), {
    status: 'error',
    error: /cannot prepare the run of .*: ENOENT$/,
  });
});

t.test('a file that is neither text nor a program is never run through sh', async (t) => {
  const marker = join(scratch, 'ran');
  const module = join(scratch, 'not-a-program');
  writeFileSync(
    module,
    Buffer.concat([Buffer.from([1, 2, 3, 10]), Buffer.from(`touch ${marker}\n`)]),
  );
  chmodSync(module, 0o755);
  const run = await runFtl2(['exec', module, '--json']);
  t.equal(run.code, 3);
  t.match(
    resultOf(checkStream(t, run.stdout)).error,
    /neither text nor a program this machine can run/,
  );
  t.notOk(existsSync(marker), 'nothing ran');
});

t.test('JSONARGS modules get every value as given, $& and $` included', async (t) => {
  const value = "a$&b$`c$'d$$";
  const run = await runFtl2([
    'exec',
    fixture('jsonargs_echo.sh'),
    '--param',
    `v=${value}`,
    '--json',
  ]);
  t.equal(run.code, 0);
  t.same((resultOf(checkStream(t, run.stdout)).output as { got: unknown }).got, { v: value });
});

t.test('an old-style module is refused a param name that is not an identifier', async (t) => {
  const marker = join(scratch, 'pwned');
  const params = join(scratch, 'params.json');
  writeFileSync(params, JSON.stringify({ [`x;touch ${marker};y`]: 1 }));
  const run = await runFtl2([
    'exec',
    join(EXAMPLES, 'shell_steps.sh'),
    '--params',
    params,
    '--json',
  ]);
  t.equal(run.code, 3);
  t.match(
    resultOf(checkStream(t, run.stdout)).error,
    /param names of old-style modules must be identifiers/,
  );
  t.notOk(existsSync(marker), 'the name never reached a shell');
});

t.test('a REF naming a folder is a module name, not a path', async (t) => {
  const work = join(scratch, 'work');
  mkdirSync(join(work, 'ftl2.examples.simple_progress'), { recursive: true });
  const run = await runFtl2(
    ['exec', 'ftl2.examples.simple_progress', '--param', 'delay=0', '--json'],
    {
      cwd: work,
    },
  );
  t.equal(run.code, 0, 'the demo module ran, by name');
});

t.test('the status line shows a REF with control characters as plain text', async (t) => {
  const run = await runFtl2(['exec', `/no/such\r::add-mask::x\u001b[31m`]);
  t.equal(run.code, 3);
  const status = run.stderr.trimEnd().split('\n').at(-1) ?? '';
  t.notOk(status.includes('\r') || status.includes('\u001b'), 'no carriage return or escape left');
  t.match(status, /^✖ \/no\/such ::add-mask::x/);
});
