// `--format github` for exec and render: groups, annotations, escaping, and module text that
// looks like a workflow command but never is one.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { example, fixture, runFtl2 } from '../helpers/cli.js';
import { hasEscapes } from '../helpers/screen.js';
import { makeTempDir } from '../helpers/temp.js';

// A module file whose name holds what properties must escape: `:`, `,` and `%`.
const folder = makeTempDir('github');
const MODULE = join(folder, 'odd:name,100%.py');
copyFileSync(fixture('annotate.py'), MODULE);
const GROUP = `${folder}/odd:name,100%25.py`;
const TITLE = `${folder}/odd%3Aname%2C100%25.py`;

const exec = await runFtl2(['exec', MODULE, '--format', 'github'], {
  env: { FORCE_COLOR: '1', NO_COLOR: undefined },
});
const saved = await runFtl2(['exec', MODULE, '--json']);
const render = await runFtl2(['render', '--format', 'github'], { input: saved.stdout });

for (const [command, run] of [
  ['exec', exec],
  ['render', render],
] as const) {
  const lines = run.stderr.trimEnd().split('\n');

  t.test(`${command}: a group per task, closed before another opens`, async (t) => {
    const groups = lines.filter((line) => /^::(end)?group::/.test(line));
    t.same(groups, [
      `::group::${GROUP}`,
      '::endgroup::',
      `::group::${GROUP} [a]`,
      '::endgroup::',
      `::group::${GROUP} [b]`,
      '::endgroup::',
      `::group::${GROUP} [a]`,
      '::endgroup::',
      `::group::${GROUP} [odd:id,100%25%0D%0Aend]`,
      '::endgroup::',
      `::group::${GROUP}`,
      '::endgroup::',
    ]);
    const b = lines.indexOf(`::group::${GROUP} [b]`);
    t.same(lines.slice(b + 1, b + 4), [
      '[b] 0% b starts',
      `::warning title=${TITLE} [b]::b is slow`,
      '::endgroup::',
    ]);
  });

  t.test(`${command}: warning and error logs are annotations, escaped`, async (t) => {
    t.ok(lines.includes(`::warning title=${TITLE} [odd%3Aid%2C100%25%0D%0Aend]::an odd task id`));
    t.ok(lines.includes(`::error title=${TITLE}::two lines%0Aand 100%25 sure`));
  });

  t.test(`${command}: a failed run ends with an error annotation, then the status`, async (t) => {
    t.equal(run.code, 1);
    t.same(lines.slice(-4), [
      'module stderr:',
      '  ::\\warning::a plain stderr line, not a command',
      `::error title=${TITLE} failed::it broke: 50%25, really`,
      lines.at(-1),
    ]);
    t.match(lines.at(-1), /^✖ \S+odd:name,100%\.py failed, unchanged, \d+\.\ds$/);
  });

  t.test(`${command}: a debug log is a debug command, opening no group`, async (t) => {
    t.equal(lines[0], '::debug::checking 100%25 of%0Athe disk');
    t.equal(lines[1], `::group::${GROUP}`);
  });

  t.test(`${command}: module text that looks like a command is shown, not run`, async (t) => {
    t.ok(lines.includes('::\\error::a progress message, not a command'));
    t.ok(lines.includes('[INFO] see ##[\\error]this is not a command either'));
    const commands = lines.map((line) => line.trimStart()).filter((line) => line.startsWith('::'));
    t.same(
      commands.filter((line) => !/^::(group|endgroup|warning|error|debug)[ :]|^::\\/.test(line)),
      [],
      'every command is one of ours',
    );
    t.notMatch(run.stderr + run.stdout, /##\[(?!\\)/, 'no ##[ names a command');
    t.same(JSON.parse(run.stdout), {
      failed: true,
      msg: 'it broke: 50%, really',
      note: '##[error]in the output',
    });
  });

  t.test(`${command}: no colors and no animation, even when colors are forced`, async (t) => {
    t.notOk(hasEscapes(run.stderr + run.stdout));
  });
}

t.test('with -v a debug log is a plain line in its group, not a command', async (t) => {
  const run = await runFtl2(['exec', MODULE, '--format', 'github', '-v']);
  const lines = run.stderr.split('\n');
  t.notOk(lines.some((line) => line.startsWith('::debug::')));
  t.same(lines.slice(0, 3), [
    `::group::${GROUP} [b]`,
    '[DEBUG] [b] checking 100% of the disk',
    '::endgroup::',
  ]);
});

t.test('render --format github shows the saved run as exec --format github did', async (t) => {
  const withoutTiming = (text: string): string => text.replace(/\d+\.\ds$/m, '<duration>');
  t.equal(withoutTiming(render.stderr), withoutTiming(exec.stderr));
  t.equal(render.stdout, exec.stdout);
});

t.test(
  'a run that succeeds has no error annotation, and its warnings are annotations',
  async (t) => {
    const run = await runFtl2(['exec', fixture('return_warnings.py'), '--format', 'github']);
    t.equal(run.code, 0);
    t.notMatch(run.stderr, /::error/);
    t.match(run.stderr, /^::warning title=\S+return_warnings\.py::the disk is almost full$/m);
    t.match(run.stderr.trimEnd().split('\n').at(-1), /^✔ \S+return_warnings\.py ok, changed, /);
  },
);

t.test('--json and --format github together are a usage error', async (t) => {
  const run = await runFtl2(['exec', example('step_counter'), '--json', '--format', 'github']);
  t.equal(run.code, 2);
  t.equal(run.stderr, 'error: --json and --format github ask for two formats; give one\n');
  t.equal(run.stdout, '');
});

t.test('--format json is --json', async (t) => {
  const args = [example('simple_progress'), '--param', 'delay=0'];
  const run = await runFtl2(['exec', ...args, '--format', 'json']);
  t.equal(run.code, 0);
  t.match(run.stdout.split('\n')[0], /^\{"type":"start",/);
});
