// A project outside the repo installs the packed package and runs the five examples with it.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { ROOT, runNode, runProgram, testEnv } from '../helpers/cli.js';

const run = promisify(execFile);
const project = mkdtempSync(join(tmpdir(), 'ftl2-user-'));
const compiled = join(ROOT, 'dist', 'examples');
const examples = readdirSync(compiled).filter((name) => /^\d+-.*\.js$/.test(name));

t.teardown(() => rmSync(project, { recursive: true, force: true }));

t.before(async () => {
  const options = { cwd: project, env: testEnv() };
  await run(
    'npm',
    ['pack', '--ignore-scripts', '--silent', '--pack-destination', project, ROOT],
    options,
  );
  writeFileSync(
    join(project, 'package.json'),
    '{"name": "user", "type": "module", "private": true}\n',
  );
  const tarball = readdirSync(project).find((name) => name.endsWith('.tgz')) ?? '';
  const install = ['install', '--prefer-offline', '--no-audit', '--no-fund', `./${tarball}`];
  await run('npm', install, options);
  for (const name of [...examples, 'demo-modules.js']) {
    copyFileSync(join(compiled, name), join(project, name));
  }
});

t.test('all five examples are built', async (t) => {
  t.equal(examples.length, 5);
});

t.test('each example runs against the installed package and exits 0', async (t) => {
  const runs = await Promise.all(
    examples.map((name) => runNode([join(project, name)], { cwd: project })),
  );
  for (const [index, result] of runs.entries()) {
    t.equal(result.code, 0, `${examples[index]} exits 0: ${result.stderr.slice(-300)}`);
  }

  const [callback, live, simple, concurrent, events] = runs;
  t.match(callback?.stdout, /progress 100%: step 5 of 5/);
  t.match(live?.stderr, /^100% copying \(24\.0 MiB\/24\.0 MiB\)$/m, 'plain lines on a pipe');
  t.match(simple?.stderr, /^\[DEBUG\] preparing step 1$/m);
  for (const task of ['db', 'web', 'logs']) t.match(concurrent?.stderr, `[${task}] 100%`);
  t.match(events?.stdout, /^progress: 25% 50% 75% 100%$/m);
});

t.test('the installed types check, imported from the package name', async (t) => {
  for (const name of readdirSync(join(ROOT, 'examples'))) {
    copyFileSync(join(ROOT, 'examples', name), join(project, name));
  }
  const config = {
    compilerOptions: {
      module: 'NodeNext',
      target: 'ES2023',
      strict: true,
      noEmit: true,
      types: ['node'],
      typeRoots: [join(ROOT, 'node_modules', '@types')],
    },
    include: ['*.ts'],
  };
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(config));
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = await runNode([tsc, '-p', join(project, 'tsconfig.json')], { cwd: project });
  t.equal(result.code, 0, result.stdout);
});

t.test('the installed ftl2 command runs a demo module by name', async (t) => {
  const bin = join(project, 'node_modules', '.bin', 'ftl2');
  const result = await runProgram(
    bin,
    ['exec', 'ftl2.examples.simple_progress', '--param', 'delay=0', '--json'],
    {
      cwd: project,
    },
  );
  t.equal(result.code, 0, result.stderr);
  t.match(result.stdout.trimEnd().split('\n').at(-1), /"status":"ok"/);
  const shell = await runProgram(
    bin,
    ['exec', 'ftl2.examples.shell_steps', '--param', 'delay=0', '--json'],
    {
      cwd: project,
    },
  );
  t.equal(shell.code, 0, 'the shell helper ships with the package');
});
