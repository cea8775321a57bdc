// Real ansible-core modules through `ftl2 exec`, by FQCN and by short name, each compared with
// a direct run of the same module (`python3 -m ansible.modules.X` with the same stdin document).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { type CliRun, parseRecords, runFtl2, testEnv } from '../helpers/cli.js';
import { COLLECTIONS, createSandbox, NO_ANSIBLE, SYSTEM_PYTHON } from '../helpers/sandbox.js';

type Output = Record<string, unknown>;

// Every test here needs ansible-core; without it each is skipped with the reason.
const needsAnsible = { skip: NO_ANSIBLE };

const sandbox = createSandbox();
t.teardown(sandbox.remove);
let folderCount = 0;

function makeFolder(): string {
  folderCount += 1;
  const folder = join(sandbox.dir, `run-${folderCount}`);
  mkdirSync(folder);
  return folder;
}

function ftl2(args: string[], cwd = join(sandbox.dir, 'work')): Promise<CliRun> {
  return runFtl2(args, { cwd, env: sandbox.env });
}

function toParamArgs(params: Output): string[] {
  return Object.entries(params).flatMap(([name, value]) => [
    '--param',
    `${name}:=${JSON.stringify(value)}`,
  ]);
}

/** Runs `ansible.modules.NAME` directly with Debian's Python, as ftl2's result to compare. */
function runDirect(name: string, params: Output, cwd: string): Promise<Output> {
  return new Promise((resolve, reject) => {
    const child = spawn(SYSTEM_PYTHON, ['-m', `ansible.modules.${name}`], {
      cwd,
      env: testEnv(sandbox.env),
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', () => resolve(JSON.parse(stdout) as Output));
    child.stdin.end(JSON.stringify({ ANSIBLE_MODULE_ARGS: params }));
  });
}

async function runByName(ref: string, params: Output, extra: string[] = []): Promise<Output> {
  const run = await ftl2(['exec', ref, '--json', ...toParamArgs(params), ...extra]);
  const result = parseRecords(run.stdout).at(-1) as Output;
  return result.output as Output;
}

interface ModuleCase {
  name: string;
  /** Makes what the module works on inside `folder` and returns its params. */
  prepare(folder: string): Output;
  /** The fields that must agree, with the run's own folder replaced by `<folder>`. */
  pick(output: Output, folder: string): unknown;
  check?: boolean;
}

function withoutFolder(value: unknown, folder: string): unknown {
  return JSON.parse(JSON.stringify(value).replaceAll(folder, '<folder>'));
}

function pickFields(...names: string[]): (output: Output, folder: string) => unknown {
  return (output, folder) =>
    withoutFolder(Object.fromEntries(names.map((name) => [name, output[name]])), folder);
}

const cases: ModuleCase[] = [
  {
    name: 'ping',
    prepare: () => ({ data: 'hello' }),
    pick: (output) => ({ ping: output.ping }),
  },
  {
    name: 'stat',
    prepare: (folder) => ({ path: writeFile(folder, 'file.txt', 'some text\n') }),
    pick: (output, folder) => {
      const stat = output.stat as Output;
      const fields = ['exists', 'isreg', 'size', 'mode', 'checksum', 'path', 'uid'];
      return withoutFolder(Object.fromEntries(fields.map((name) => [name, stat[name]])), folder);
    },
  },
  {
    name: 'command',
    prepare: () => ({ argv: ['printf', '%s|', 'a b', '$HOME', "it's"] }),
    pick: pickFields('rc', 'stdout', 'stderr', 'cmd', 'changed'),
  },
  {
    name: 'file',
    check: true,
    prepare: (folder) => ({ path: join(folder, 'touched'), state: 'touch' }),
    pick: pickFields('changed', 'path', 'state', 'diff'),
  },
  {
    name: 'copy',
    prepare: (folder) => ({
      src: writeFile(folder, 'source.txt', 'copied text\n'),
      dest: join(folder, 'dest.txt'),
    }),
    pick: pickFields('changed', 'dest', 'checksum', 'md5sum', 'size', 'mode', 'state'),
  },
  {
    name: 'lineinfile',
    prepare: (folder) => ({
      path: writeFile(folder, 'config', 'a=1\nb=2\n'),
      regexp: '^b=',
      line: 'b=3',
    }),
    pick: (output, folder) => ({
      ...(pickFields('changed', 'msg', 'backup')(output, folder) as Output),
      text: readFileSync(join(folder, 'config'), 'utf8'),
    }),
  },
  {
    name: 'setup',
    prepare: () => ({ gather_subset: ['min'] }),
    pick: (output) => {
      const facts = output.ansible_facts as Output;
      const keys = Object.keys(facts).sort();
      return { keys, system: facts.ansible_system, user: facts.ansible_user_id };
    },
  },
  {
    name: 'tempfile',
    prepare: (folder) => ({ path: folder, prefix: 'made-', state: 'file' }),
    pick: (output, folder) => ({
      changed: output.changed,
      state: output.state,
      isInFolder: String(output.path).startsWith(join(folder, 'made-')),
      exists: existsSync(String(output.path)),
    }),
  },
];

function writeFile(folder: string, name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

for (const moduleCase of cases) {
  t.test(
    `${moduleCase.name}: ftl2 by FQCN and by short name agree with a direct run`,
    needsAnsible,
    async (t) => {
      const directFolder = makeFolder();
      const directParams = moduleCase.prepare(directFolder);
      const check = moduleCase.check ? { _ansible_check_mode: true } : {};
      const direct = await runDirect(moduleCase.name, { ...directParams, ...check }, directFolder);
      const expected = moduleCase.pick(direct, directFolder);
      t.notOk(direct.failed, `the direct run worked: ${direct.msg}`);

      for (const ref of [`ansible.builtin.${moduleCase.name}`, moduleCase.name]) {
        const folder = makeFolder();
        const params = moduleCase.prepare(folder);
        const output = await runByName(ref, params, moduleCase.check ? ['--check'] : []);
        t.same(moduleCase.pick(output, folder), expected, ref);
      }
    },
  );
}

t.test('copy never moves or changes the src file', needsAnsible, async (t) => {
  const folder = makeFolder();
  const src = writeFile(folder, 'precious.txt', 'keep me\n');
  const before = statSync(src);
  for (const ref of ['copy', 'ansible.builtin.copy', 'ansible.legacy.copy']) {
    const dest = join(folder, `${ref}.out`);
    const output = await runByName(ref, { src, dest, mode: 'preserve' });
    t.equal(output.changed, true, ref);
    t.equal(readFileSync(dest, 'utf8'), 'keep me\n');
  }

  const after = statSync(src);
  t.equal(readFileSync(src, 'utf8'), 'keep me\n', 'src is still there, unchanged');
  t.same([after.ino, after.mode, after.size], [before.ino, before.mode, before.size]);

  const intoFolder = await runByName('copy', { src, dest: `${join(folder, 'into')}/` });
  t.equal(intoFolder.dest, join(folder, 'into', 'precious.txt'), 'dest/ keeps the src name');
  const fromContent = await runByName('copy', { content: 'inline\n', dest: join(folder, 'c') });
  t.equal(fromContent.changed, true);
  t.equal(readFileSync(join(folder, 'c'), 'utf8'), 'inline\n');
});

t.test('shell runs command with _uses_shell, cmd included', needsAnsible, async (t) => {
  const output = await runByName('shell', { cmd: 'echo $((40 + 2)) | tr 4 X' });
  t.equal(output.stdout, 'X2');
  const command = await runByName('command', { cmd: 'echo $((40 + 2))' });
  t.equal(command.stdout, '$((40 + 2))', 'command itself uses no shell');
});

const refusals: Array<[string, string[], RegExp]> = [
  ['template', ['--param', 'src=a.j2', '--param', 'dest=b'], /renders the template/],
  ['fetch', ['--param', 'src=a', '--param', 'dest=b'], /copies a file back to the controller/],
  ['ansible.builtin.debug', ['--param', 'msg=hi'], /only works inside an Ansible play/],
  ['unarchive', ['--param', 'src=a.tgz', '--param', 'dest=/tmp'], /without remote_src=true/],
  [
    'copy',
    ['--param', 'src=.', '--param', 'dest=/tmp/x'],
    /cannot copy a folder given as src without remote_src=true/,
  ],
];

for (const [ref, args, error] of refusals) {
  t.test(`${ref} ${args.join(' ')} is refused with the reason, exit 3`, needsAnsible, async (t) => {
    const run = await ftl2(['exec', ref, '--json', ...args]);
    t.equal(run.code, 3);
    const result = parseRecords(run.stdout).at(-1) as Output;
    t.equal(result.status, 'error');
    t.match(result.error, error);
  });
}

t.test(
  '--check, --diff and -v reach the module with its name as typed',
  needsAnsible,
  async (t) => {
    const collection = join(COLLECTIONS, 'first');
    const internals = await runByName('ftl2test.demo.internals', {}, [
      '-C',
      collection,
      '--check',
      '--diff',
      '-vvv',
    ]);
    t.match(internals, {
      name: 'ftl2test.demo.internals',
      check_mode: true,
      diff: true,
      verbosity: 3,
      no_log: true,
      version: /^2\.\d+/,
    });

    const folder = makeFolder();
    const path = writeFile(folder, 'text', 'old line\n');
    const replaced = await runByName('replace', { path, regexp: 'old', replace: 'new' }, [
      '--diff',
    ]);
    t.match(replaced.diff, { before: 'old line\n', after: 'new line\n' }, '--diff gives a diff');
    const quiet = await runByName('replace', { path, regexp: 'new', replace: 'old' });
    t.notOk('diff' in quiet, 'no diff without --diff');

    const missing = join(folder, 'missing');
    const verbose = await runByName('slurp', { src: missing }, ['-vvv']);
    t.match(verbose.exception, /File ".*slurp\.py"/, '-vvv adds the traceback');
    t.notOk('exception' in (await runByName('slurp', { src: missing })), 'not without -vvv');

    const bogus = await runByName('ping', { bogus: 1 });
    t.match(bogus.msg, /^Unsupported parameters for \(ping\) module: bogus/, 'the name as typed');
  },
);

t.test(
  'the params Ansible echoes in invocation are shown only with -vvv',
  needsAnsible,
  async (t) => {
    // command feeds `stdin` to the program and, but for invocation, never returns it. The
    // program reads it all: one that exits first makes command fail with a broken pipe.
    const args = ['exec', 'ansible.builtin.command', '--json'];
    args.push('--param', 'argv=["sh", "-c", "cat >/dev/null"]', '--param', 'stdin=hunter2');
    const quiet = await ftl2(args);
    t.equal(quiet.code, 0);
    t.notMatch(quiet.stdout, 'hunter2', 'the value is nowhere in the records');
    t.notMatch(quiet.stdout, '"invocation"');
    const loud = await ftl2([...args, '-vvv']);
    t.match(loud.stdout, /"invocation":\{"module_args":\{[^}]*"stdin":"hunter2"/);
  },
);

t.test(
  'copy refuses src with content, and a src that is not a regular file',
  needsAnsible,
  async (t) => {
    const folder = makeFolder();
    const src = writeFile(folder, 'a.txt', 'a\n');
    const both = await ftl2([
      'exec',
      'copy',
      ...toParamArgs({ src, content: 'x', dest: join(folder, 'd') }),
      '--json',
    ]);
    t.equal(both.code, 3);
    t.match(both.stdout, /give src or content, not both/);
    const fifo = join(folder, 'fifo');
    spawnSync('mkfifo', [fifo]);
    const piped = await ftl2([
      'exec',
      'copy',
      ...toParamArgs({ src: fifo, dest: join(folder, 'e') }),
      '--json',
    ]);
    t.equal(piped.code, 3, 'refused at once, not stuck reading the FIFO');
    t.match(piped.stdout, /src must be a regular file/);
  },
);
