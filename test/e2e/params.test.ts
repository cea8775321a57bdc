// Param values reach the module byte for byte, never through a shell, and ftl2 never prints
// them itself.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { fixture, runFtl2 } from '../helpers/cli.js';
import { checkStream, resultOf } from '../helpers/stream.js';
import { makeTempDir } from '../helpers/temp.js';

const tricky = [
  `it's "quoted"`,
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${HOME} is the point.
  '$(touch /tmp/ftl2-pwned) `id` ${HOME} | ; & > <',
  'line one\nline two\r\n\ttabbed',
  'unicode: café → 😀 \u2028 \u0000 end',
  '--param not=an-option',
  '',
];

t.test('values pass byte-exact through --param and --params', async (t) => {
  const folder = makeTempDir('params');
  const paramsFile = join(folder, 'params.json');
  writeFileSync(paramsFile, JSON.stringify({ values: tricky }));
  const fromFile = await runFtl2([
    'exec',
    fixture('echo_args.py'),
    '--params',
    paramsFile,
    '--json',
  ]);
  t.same((resultOf(checkStream(t, fromFile.stdout)).output as { args: unknown }).args, {
    values: tricky,
  });

  // --param values without a NUL: argv cannot carry one.
  for (const value of tricky.filter((item) => !item.includes('\u0000'))) {
    const run = await runFtl2(['exec', fixture('echo_args.py'), '--param', `v=${value}`, '--json']);
    const output = resultOf(checkStream(t, run.stdout)).output as { args: { v: unknown } };
    t.same(output.args.v, value, JSON.stringify(value));
  }
});

const secret = 'hunter2-S3cr3t-value';
const secretHash = createHash('sha256').update(secret).digest('hex');

for (const json of [true, false]) {
  t.test(
    `ftl2 never prints a param value itself (${json ? '--json' : 'human view'})`,
    async (t) => {
      const folder = makeTempDir('secret');
      writeFileSync(join(folder, 'secret.txt'), `${secret}\n`);
      const ways = [
        { args: ['--param', `secret=${secret}`] },
        { args: ['--param', 'secret=@secret.txt'] },
        { args: ['--params', '-'], input: JSON.stringify({ secret }) },
      ];
      for (const way of ways) {
        const run = await runFtl2(
          ['exec', fixture('hash_secret.py'), ...way.args, ...(json ? ['--json'] : [])],
          { cwd: folder, input: way.input },
        );
        t.equal(run.code, 0);
        t.notMatch(run.stdout + run.stderr, secret, `${way.args.join(' ')}: not in the output`);
        t.match(run.stdout, secretHash, 'the module did get the value');
        if (way.args[0] === '--params' || way.args[1]?.includes('@')) {
          t.match(run.stdout, /"in_argv": ?false/, 'the value is not in any argv');
        }
        t.match(run.stdout, /"in_env": ?false/, 'the value is not in the environment');
      }
    },
  );
}

t.test('a failing module whose error names no value still hides params', async (t) => {
  const run = await runFtl2(['exec', fixture('fail_json.py'), '--param', `token=${secret}`]);
  t.equal(run.code, 1);
  t.notMatch(run.stdout + run.stderr, secret);
});
