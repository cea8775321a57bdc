// What a probe of the Python interpreter learns is cached: a run does not pay a Python start
// to find ansible-core and sys.path again, until the interpreter file changes.
import { readFileSync, utimesSync } from 'node:fs';
import t, { type Test } from 'tap';
import { executeLocalFqcnStreaming } from '../../lib/index.js';
import { runFtl2 } from '../helpers/cli.js';
import { createSandbox, NO_ANSIBLE, SYSTEM_PYTHON } from '../helpers/sandbox.js';
import { checkStream, resultOf } from '../helpers/stream.js';

const sandbox = createSandbox();
t.teardown(() => sandbox.remove());
const log = `${sandbox.dir}/python-starts.log`;
// A Python that notes each start, then is Debian's Python.
const python = sandbox.write(
  'bin/python3',
  `#!/bin/sh\necho start >> '${log}'\nexec ${SYSTEM_PYTHON} "$@"\n`,
  0o755,
);

function countStarts(): number {
  try {
    return readFileSync(log, 'utf8')
      .split('\n')
      .filter((line) => line === 'start').length;
  } catch {
    return 0;
  }
}

async function ping(t: Test): Promise<void> {
  const run = await runFtl2(['exec', 'ansible.builtin.ping', '--python', python, '--json'], {
    cwd: sandbox.dir,
    env: sandbox.env,
  });
  t.equal(run.code, 0, run.stderr);
  const output = resultOf(checkStream(t, run.stdout)).output as { ping?: string };
  t.equal(output.ping, 'pong');
}

t.test(
  'the first run probes, later runs only start the module',
  { skip: NO_ANSIBLE },
  async (t) => {
    await ping(t);
    t.equal(countStarts(), 2, 'first run: one probe and the module');
    await ping(t);
    await ping(t);
    t.equal(countStarts(), 4, 'two more runs: the module only, twice');
  },
);

t.test('a changed interpreter file is probed again', { skip: NO_ANSIBLE }, async (t) => {
  const before = countStarts();
  const later = new Date(Date.now() + 5000);
  utimesSync(python, later, later);
  await ping(t);
  t.equal(countStarts() - before, 2, 'the probe ran again, then the module');
});

t.test(
  'another version chosen behind a version manager shim is probed again',
  { skip: NO_ANSIBLE },
  async (t) => {
    // As pyenv lays it out: ROOT/shims/python3, and the global choice in ROOT/version.
    const shimLog = `${sandbox.dir}/shim-starts.log`;
    const shim = sandbox.write(
      'pyenv/shims/python3',
      `#!/bin/sh\necho start >> '${shimLog}'\nexec ${SYSTEM_PYTHON} "$@"\n`,
      0o755,
    );
    const project = `${sandbox.dir}/project/deep`;
    const starts = () => readFileSync(shimLog, 'utf8').trimEnd().split('\n').length;
    const pingWith = async (env: Record<string, string> = {}) => {
      const args = ['exec', 'ansible.builtin.ping', '--python', shim, '--json'];
      const run = await runFtl2(args, { cwd: project, env: { ...sandbox.env, ...env } });
      t.equal(run.code, 0, run.stderr);
    };

    sandbox.write('project/deep/.keep', '');
    await pingWith();
    await pingWith();
    t.equal(starts(), 3, 'one probe, then the module twice');

    await pingWith({ PYENV_VERSION: '3.12.1' });
    t.equal(starts(), 5, 'PYENV_VERSION: probed again');

    sandbox.write('project/.python-version', '3.11.7\n');
    await pingWith({ PYENV_VERSION: '3.12.1' });
    await pingWith({ PYENV_VERSION: '3.12.1' });
    t.equal(starts(), 8, 'a .python-version above the folder: probed again, once');

    sandbox.write('pyenv/version', 'system\n');
    await pingWith({ PYENV_VERSION: '3.12.1' });
    t.equal(starts(), 10, 'the global version file: probed again');
  },
);

t.test("the library judges a shim's version by the run's cwd", { skip: NO_ANSIBLE }, async (t) => {
  const shimLog = `${sandbox.dir}/library-shim-starts.log`;
  const shim = sandbox.write(
    'manager/shims/python3',
    `#!/bin/sh\necho start >> '${shimLog}'\nexec ${SYSTEM_PYTHON} "$@"\n`,
    0o755,
  );
  sandbox.write('plain/.keep', '');
  sandbox.write('pinned/.python-version', '3.11.7\n');
  const starts = () => readFileSync(shimLog, 'utf8').trimEnd().split('\n').length;
  const pingIn = async (folder: string) => {
    const options = { python: shim, cwd: `${sandbox.dir}/${folder}`, env: sandbox.env };
    const result = await executeLocalFqcnStreaming('ansible.builtin.ping', {}, options);
    t.equal(result.status, 'ok', result.error ?? '');
  };

  await pingIn('plain');
  t.equal(starts(), 2, 'a probe, then the module');
  await pingIn('pinned');
  t.equal(starts(), 4, 'a .python-version in the run folder: probed again');
  await pingIn('pinned');
  t.equal(starts(), 5, 'then the module only');
});
