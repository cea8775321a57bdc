// The helpers modules use to talk to ftl2, in each language, through `ftl2 exec`.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { EXAMPLES, FTL2, fixture, runFtl2, testEnv } from '../helpers/cli.js';
import { checkStream, resultOf } from '../helpers/stream.js';
import { makeTempDir } from '../helpers/temp.js';

for (const [language, file] of [
  ['POSIX shell', 'shell_steps.sh'],
  ['Node (ftl2/module)', 'node_steps.mjs'],
  ['Python (ftl2_events)', 'step_counter.py'],
] as const) {
  t.test(`a ${language} demo module reports progress through its helper`, async (t) => {
    const run = await runFtl2([
      'exec',
      join(EXAMPLES, file),
      '--param',
      'steps=3',
      '--param',
      'delay=0',
      '--json',
    ]);
    t.equal(run.code, 0);
    const records = checkStream(t, run.stdout);
    const progress = records.filter((record) => record.event === 'progress');
    t.same(
      progress.map((record) => [record.current, record.total, record.percent]),
      [
        [0, 3, 0],
        [1, 3, 33],
        [2, 3, 66],
        [3, 3, 100],
      ].map(([current, total, percent]) => [
        current,
        total,
        language.startsWith('POSIX') ? percent : (100 * (current as number)) / 3,
      ]),
    );
    t.ok(records.some((record) => record.event === 'log'));
    t.equal(resultOf(records).output && (resultOf(records).output as { steps: number }).steps, 3);
  });
}

t.test('the shell helper escapes any text into valid JSON', async (t) => {
  const folder = makeTempDir('shell');
  const text = 'quote " backslash \\ tab \t cr \r bell \u0007 café → 😀\nsecond line';
  const textFile = join(folder, 'text.txt');
  writeFileSync(textFile, text);
  const run = await runFtl2([
    'exec',
    fixture('shell_log.sh'),
    '--param',
    `text_file=${textFile}`,
    '--json',
  ]);
  t.equal(run.code, 0);
  const records = checkStream(t, run.stdout);
  t.same(
    records
      .filter((record) => record.type === 'event')
      .map((record) => [record.event, record.message ?? record.data]),
    [
      ['log', text],
      ['data', text],
    ],
  );
});

t.test('a Node module that fails reports it through failJson', async (t) => {
  const run = await runFtl2([
    'exec',
    join(EXAMPLES, 'node_steps.mjs'),
    '--param',
    'steps=0',
    '--json',
  ]);
  t.equal(run.code, 1);
  t.match(resultOf(checkStream(t, run.stdout)), {
    status: 'failed',
    error: /steps must be a whole number/,
  });
});

t.test('a Node module loses no event while ftl2 makes it wait for a slow reader', async (t) => {
  const child = spawn(
    FTL2,
    ['exec', fixture('node_flood.mjs'), '--param', 'count=100000', '--json'],
    {
      env: testEnv(),
    },
  );
  child.stdout.pause();
  // Nothing is read for a while, so every pipe between the module and here fills up.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  child.stdout.resume();
  const code = await new Promise((resolve) => child.on('close', resolve));
  t.equal(code, 0);
  const records = checkStream(t, text);
  t.equal(records.filter((record) => record.event === 'progress').length, 100_000);
  t.match(resultOf(records), { status: 'ok', events: 100_000 });
});
