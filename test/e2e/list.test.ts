// `ftl2 list` through the real bin/ftl2: real ansible-core and Debian's collections compared
// with ansible-doc, fixture collections for shadowing, subfolders, the walk's skip rules,
// module folders, PATTERN, and the three outputs (JSON, plain lines, a terminal table).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import type { ListedModule } from '../../lib/module-list.js';
import { type CliRun, FTL2, ROOT, runFtl2, testEnv } from '../helpers/cli.js';
import { COLLECTIONS, createSandbox, NO_ANSIBLE, SYSTEM_PYTHON } from '../helpers/sandbox.js';

const sandbox = createSandbox();
t.teardown(sandbox.remove);
const FIRST = join(COLLECTIONS, 'first');
const SECOND = join(COLLECTIONS, 'second');
const DOCS = join(COLLECTIONS, 'docs');
const WORK = join(sandbox.dir, 'work');
const NO_SYS_PATH = { ANSIBLE_COLLECTIONS_SCAN_SYS_PATH: 'false' };
const ANSIBLE_DOC = '/usr/bin/ansible-doc';

function ftl2(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  return runFtl2(args, { cwd: WORK, env: { ...sandbox.env, ...env } });
}

async function listJson(args: string[], env = {}): Promise<ListedModule[]> {
  const run = await ftl2(['list', '--json', ...args], env);
  return JSON.parse(run.stdout) as ListedModule[];
}

t.test(
  'ansible.builtin.ping is listed with the short description its file holds',
  {
    skip: NO_ANSIBLE,
  },
  async (t) => {
    const [entry] = await listJson(['ansible.builtin.ping', '--python', SYSTEM_PYTHON]);
    const path = String(entry?.path);
    const line = /^short_description: (.*)$/m.exec(readFileSync(path, 'utf8'))?.[1];
    t.match(entry, {
      fqcn: 'ansible.builtin.ping',
      description: line?.trim(),
      collection: 'ansible.builtin',
      path: /\/ansible\/modules\/ping\.py$/,
      shadowedBy: null,
    });
  },
);

t.test(
  'every module and description is the one ansible-doc -l lists',
  {
    skip: NO_ANSIBLE || (existsSync(ANSIBLE_DOC) ? false : `no ${ANSIBLE_DOC}`),
  },
  async (t) => {
    const listed = await listJson(['--python', SYSTEM_PYTHON]);
    const ours = Object.fromEntries(
      listed
        .filter((module) => !module.fqcn.startsWith('ftl2.'))
        .map((module) => [module.fqcn, module.description ?? 'UNDOCUMENTED']),
    );
    const theirs = spawnSync(ANSIBLE_DOC, ['-l', '-t', 'module', '-j'], {
      cwd: WORK,
      env: testEnv(sandbox.env),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    t.equal(theirs.status, 0, theirs.stderr);
    t.same(ours, JSON.parse(theirs.stdout));
  },
);

t.test(
  'a copy of a collection hidden by an earlier one is listed, marked with the winner',
  async (t) => {
    const listed = await listJson(['-C', FIRST, '-C', SECOND, 'ftl2test.demo.*'], NO_SYS_PATH);
    const winner = join(FIRST, 'ansible_collections', 'ftl2test', 'demo');
    const summary = listed.map((module) => [module.fqcn, module.collectionPath, module.shadowedBy]);
    const loser = join(SECOND, 'ansible_collections', 'ftl2test', 'demo');
    t.same(summary, [
      ['ftl2test.demo.internals', winner, null],
      ['ftl2test.demo.only_second', loser, winner],
      ['ftl2test.demo.sub.nested', winner, null],
      ['ftl2test.demo.uses_second_utils', winner, null],
      ['ftl2test.demo.uses_utils', winner, null],
      ['ftl2test.demo.where', winner, null],
      ['ftl2test.demo.where', loser, winner],
    ]);

    const lines = await ftl2(
      ['list', '-C', FIRST, '-C', SECOND, 'ftl2test.demo.where'],
      NO_SYS_PATH,
    );
    t.same(lines.stdout.split('\n'), [
      'ftl2test.demo.where',
      'ftl2test.demo.where  [shadowed]',
      '',
    ]);
  },
);

t.test('the walk leaves out what Ansible leaves out, and names subfolders with dots', async (t) => {
  const modules = 'skips/ansible_collections/ftl2test/skips/plugins/modules';
  const module = '#!/bin/sh\necho "{}"\n';
  const files = [
    ...['kept.py', 'sub/deep.py', 'no_extension', 'tool.sh', 'tool.yml', '.hidden.py'],
    ...['__init__.py', 'README', 'notes.md', 'data.json', 'old.py~', 'bad-name.py'],
    ...['async_wrapper.py', 'compiled.pyc', '__pycache__/cached.py', 'not.an_id/inside.py'],
  ];
  for (const name of files) sandbox.write(`${modules}/${name}`, module);
  symlinkSync(join(sandbox.dir, modules, 'kept.py'), join(sandbox.dir, modules, 'alias.py'));
  mkdirSync(join(sandbox.dir, 'elsewhere'));
  sandbox.write('elsewhere/far.py', module);
  symlinkSync(join(sandbox.dir, 'elsewhere'), join(sandbox.dir, modules, 'linked'));

  const listed = await listJson(['-C', join(sandbox.dir, 'skips'), 'ftl2test.skips.'], NO_SYS_PATH);
  t.same(
    listed.map((entry) => entry.fqcn),
    [
      'ftl2test.skips.kept',
      'ftl2test.skips.linked.far',
      'ftl2test.skips.no_extension',
      'ftl2test.skips.sub.deep',
      'ftl2test.skips.tool',
    ],
    'links to files are aliases and left out; links to folders are followed',
  );
  t.match(listed.at(-1)?.path, /\/tool\.sh$/, 'the sidecar is not the module');
});

t.test('descriptions come from DOCUMENTATION, folded lines and sidecars included', async (t) => {
  const listed = await listJson(['-C', DOCS, 'ftl2test.docs.'], NO_SYS_PATH);
  t.same(
    listed.map((entry) => [entry.fqcn, entry.description]),
    [
      ['ftl2test.docs.documented', "Show how ftl2 doc reads a module's documentation"],
      ['ftl2test.docs.group.inner', 'A module in a subfolder, folded over two lines'],
      ['ftl2test.docs.sh_tool', 'A shell module, documented beside it'],
      ['ftl2test.docs.undocumented', null],
    ],
  );
});

t.test(
  'module folders are listed as ansible.legacy, an earlier folder hiding a later',
  async (t) => {
    sandbox.write('early/mine.py', 'print("{}")\n');
    sandbox.write('late/mine.py', 'print("{}")\n');
    sandbox.write('late/theirs.py', 'print("{}")\n');
    const args = ['-M', join(sandbox.dir, 'early'), 'ansible.legacy.*'];
    const listed = await listJson(args, { ANSIBLE_LIBRARY: join(sandbox.dir, 'late') });
    t.same(
      listed.map((entry) => [entry.fqcn, entry.path, entry.shadowedBy]),
      [
        ['ansible.legacy.mine', join(sandbox.dir, 'early/mine.py'), null],
        [
          'ansible.legacy.mine',
          join(sandbox.dir, 'late/mine.py'),
          join(sandbox.dir, 'early/mine.py'),
        ],
        ['ansible.legacy.theirs', join(sandbox.dir, 'late/theirs.py'), null],
      ],
    );
  },
);

t.test('PATTERN is a glob over the FQCN, or text it holds', async (t) => {
  const cases: Array<[string, string[]]> = [
    ['ftl2test.docs.*', ['documented', 'group.inner', 'sh_tool', 'undocumented']],
    ['*.group.*', ['group.inner']],
    ['ftl2test.docs.?ndocumented', ['undocumented']],
    ['ftl2test.docs.[ds]*', ['documented', 'sh_tool']],
    ['ftl2test.docs.[!ds]*', ['group.inner', 'undocumented']],
    ['documented', ['documented', 'undocumented']],
    ['ftl2test.docs', ['documented', 'group.inner', 'sh_tool', 'undocumented']],
  ];
  for (const [pattern, names] of cases) {
    const listed = await listJson(['-C', DOCS, pattern], NO_SYS_PATH);
    t.same(
      listed.map((entry) => entry.fqcn.replace('ftl2test.docs.', '')),
      names,
      pattern,
    );
  }
});

t.test('no match exits 3, naming the places searched', async (t) => {
  const run = await ftl2(['list', '-C', DOCS, 'nosuch.*'], NO_SYS_PATH);
  t.equal(run.code, 3);
  t.equal(run.stdout, '');
  const lines = run.stderr.split('\n');
  t.match(lines[0], /^error: no module name matches 'nosuch\.\*'; check the pattern/);
  t.equal(lines[1], 'searched, in order:');
  t.ok(lines.includes(`  ${DOCS}/ansible_collections`), 'the -C folder');
  t.ok(lines.includes(`  ${join(ROOT, 'modules')}/ansible_collections`), "ftl2's own collection");

  const json = await ftl2(['list', '-C', DOCS, 'nosuch.*', '--json'], NO_SYS_PATH);
  t.equal(json.code, 3);
  t.same(JSON.parse(json.stdout), []);

  const usage = await ftl2(['list', '--nosuch']);
  t.equal(usage.code, 2, 'an unknown option is bad usage');
});

t.test('a terminal gets an aligned table cut to its width', async (t) => {
  const command = `stty cols 60 rows 20; exec ${FTL2} list -C ${DOCS} ftl2test.docs.`;
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd: WORK,
      env: testEnv({ ...sandbox.env, ...NO_SYS_PATH, CI: undefined, TERM: 'xterm' }),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', () => resolve(text));
  });
  t.same(output.replaceAll('\r\n', '\n').split('\n'), [
    // 59 columns: the last one is left free, so that no line wraps.
    'ftl2test.docs.documented    Show how ftl2 doc reads a modu…',
    'ftl2test.docs.group.inner   A module in a subfolder, folde…',
    'ftl2test.docs.sh_tool       A shell module, documented bes…',
    'ftl2test.docs.undocumented',
    '',
  ]);
});

t.test('a reader that stops early ends ftl2 quietly', { skip: NO_ANSIBLE }, async (t) => {
  const run = spawnSync('/bin/sh', ['-c', `${FTL2} list --python ${SYSTEM_PYTHON} | head -1`], {
    cwd: WORK,
    env: testEnv(sandbox.env),
    encoding: 'utf8',
  });
  t.equal(run.stdout.split('\n').length, 2, 'one line');
  t.equal(run.stderr, '', 'no stack trace');
});

t.test('a module folder that links to itself is listed once', async (t) => {
  const root = join(sandbox.dir, 'loop');
  const modules = join(root, 'ansible_collections', 'evil', 'c', 'plugins', 'modules');
  mkdirSync(modules, { recursive: true });
  sandbox.write('loop/ansible_collections/evil/c/plugins/modules/m.py', '# a module\n');
  symlinkSync('.', join(modules, 'loop'));
  const listed = await listJson(['evil', '-C', root], NO_SYS_PATH);
  t.same(
    listed.map((module) => module.fqcn),
    ['evil.c.m'],
  );
});
