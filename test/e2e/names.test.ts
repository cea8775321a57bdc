// Module names through the real bin/ftl2: the collection search path, first copy wins, short
// names, routing (redirects, deprecations, tombstones, loops) and bad names.
import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { type CliRun, parseRecords, ROOT, runFtl2 } from '../helpers/cli.js';
import { COLLECTIONS, createSandbox, NO_ANSIBLE } from '../helpers/sandbox.js';

const sandbox = createSandbox();
t.teardown(sandbox.remove);
const FIRST = join(COLLECTIONS, 'first');
const SECOND = join(COLLECTIONS, 'second');
const WORK = join(sandbox.dir, 'work');

// The system's own collections are left out unless a test asks for them.
const NO_SYS_PATH = { ANSIBLE_COLLECTIONS_SCAN_SYS_PATH: 'false' };

function ftl2(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  return runFtl2(args, { cwd: WORK, env: { ...sandbox.env, ...env } });
}

function getResult(run: CliRun): Record<string, unknown> {
  return parseRecords(run.stdout).at(-1) as Record<string, unknown>;
}

function getOutput(run: CliRun): Record<string, unknown> {
  return getResult(run).output as Record<string, unknown>;
}

t.test('a collection is found through each kind of search path entry', async (t) => {
  const cfg = sandbox.write('cfg/ansible.cfg', '[defaults]\ncollections_path = ./colls\n');
  symlinkSync(FIRST, join(sandbox.dir, 'cfg', 'colls'));
  const cases: Array<[string, string[], Record<string, string>]> = [
    ['-C', ['-C', FIRST], {}],
    [
      '-C given the ansible_collections folder itself',
      ['-C', join(FIRST, 'ansible_collections')],
      {},
    ],
    ['ANSIBLE_COLLECTIONS_PATH', [], { ANSIBLE_COLLECTIONS_PATH: `/nowhere:${FIRST}` }],
    ['the older ANSIBLE_COLLECTIONS_PATHS', [], { ANSIBLE_COLLECTIONS_PATHS: FIRST }],
    ['collections_path in ansible.cfg, relative to its folder', [], { ANSIBLE_CONFIG: cfg }],
  ];
  for (const [name, args, env] of cases) {
    const run = await ftl2(['exec', 'ftl2test.demo.where', '--json', ...args], {
      ...NO_SYS_PATH,
      ...env,
    });
    t.equal(run.code, 0, `${name}: exit 0`);
    t.same(getOutput(run), { changed: false, copy: 'first' }, name);
  }
});

t.test('ANSIBLE_COLLECTIONS_PATH wins over the older plural when both are set', async (t) => {
  const run = await ftl2(['exec', 'ftl2test.demo.where', '--json'], {
    ...NO_SYS_PATH,
    ANSIBLE_COLLECTIONS_PATH: SECOND,
    ANSIBLE_COLLECTIONS_PATHS: FIRST,
  });
  t.equal(getOutput(run).copy, 'second');
});

t.test('collections/ in the working folder and beside --playbook-dir are searched', async (t) => {
  const playbooks = join(sandbox.dir, 'playbooks');
  mkdirSync(playbooks);
  symlinkSync(SECOND, join(playbooks, 'collections'));
  const beside = await ftl2(['exec', 'ftl2test.demo.where', '--playbook-dir', playbooks, '--json']);
  t.equal(getOutput(beside).copy, 'second');
  const fromEnv = await ftl2(['exec', 'ftl2test.demo.where', '--json'], {
    ANSIBLE_PLAYBOOK_DIR: playbooks,
  });
  t.equal(getOutput(fromEnv).copy, 'second', 'ANSIBLE_PLAYBOOK_DIR too');

  const inCwd = join(sandbox.dir, 'cwd-with-collections');
  mkdirSync(inCwd);
  symlinkSync(FIRST, join(inCwd, 'collections'));
  const run = await runFtl2(['exec', 'ftl2test.demo.where', '--json'], {
    cwd: inCwd,
    env: { ...sandbox.env, ...NO_SYS_PATH },
  });
  t.equal(getOutput(run).copy, 'first');
});

t.test('the first copy of a collection wins for the whole collection', async (t) => {
  const first = await ftl2(['exec', 'ftl2test.demo.where', '-C', FIRST, '-C', SECOND, '--json']);
  t.equal(getOutput(first).copy, 'first');
  const second = await ftl2(['exec', 'ftl2test.demo.where', '-C', SECOND, '-C', FIRST, '--json']);
  t.equal(getOutput(second).copy, 'second', '-C folders are searched in order');

  const hidden = await ftl2(['exec', 'ftl2test.demo.only_second', '-C', FIRST, '-C', SECOND]);
  t.equal(hidden.code, 3, 'a module only in a later copy is not found');
  t.match(hidden.stderr, /module ftl2test\.demo\.only_second not found in ftl2test\.demo at /);
});

t.test('a module in a subfolder is named ns.coll.sub.name', async (t) => {
  const run = await ftl2(['exec', 'ftl2test.demo.sub.nested', '-C', FIRST, '--json']);
  t.same(getOutput(run), { changed: false, nested: true });
});

t.test('ftl2.examples ships with ftl2 and needs no Ansible config at all', async (t) => {
  const run = await ftl2(
    ['exec', 'ftl2.examples.simple_progress', '--param', 'delay=0', '--json'],
    NO_SYS_PATH,
  );
  t.equal(run.code, 0);
  const records = parseRecords(run.stdout);
  t.equal(records[0]?.fqcn, 'ftl2.examples.simple_progress');
  t.equal(records.filter((record) => record.event === 'progress').length, 5);
});

t.test('a redirect is followed and its deprecation becomes a warning', async (t) => {
  const run = await ftl2(['exec', 'ftl2test.demo.old_where', '-C', FIRST, '--json']);
  t.equal(run.code, 0);
  const records = parseRecords(run.stdout);
  t.equal(records[0]?.fqcn, 'ftl2test.demo.where');
  t.equal(getOutput(run).copy, 'first');
  t.same(getResult(run).warnings, [
    'ftl2test.demo.old_where has been deprecated. Use ftl2test.demo.where instead. ' +
      'This feature will be removed from ftl2test.demo in version 3.0.0.',
  ]);

  const human = await ftl2(['exec', 'ftl2test.demo.old_where', '-C', FIRST]);
  t.match(human.stderr, /^\[WARNING\] ftl2test\.demo\.old_where has been deprecated\./m);

  const nested = await ftl2(['exec', 'ftl2test.demo.sub.old_nested', '-C', FIRST, '--json']);
  t.same(getOutput(nested), { changed: false, nested: true }, 'subfolder keys are dotted');
});

const failureCases: Array<{ name: string; ref: string; error: string | RegExp }> = [
  {
    name: 'a tombstone exits 3 with its text',
    ref: 'ftl2test.demo.gone',
    error:
      'ftl2test.demo.gone has been removed. It is gone for good. ' +
      'This feature was removed from ftl2test.demo in version 2.0.0.',
  },
  {
    name: 'a redirect loop exits 3 and shows the loop',
    ref: 'ftl2test.demo.loop_a',
    error:
      'ftl2test.demo.loop_a: redirect loop ftl2test.demo.loop_a -> ftl2test.demo.loop_b -> ' +
      'ftl2test.demo.loop_a; fix the redirects in meta/runtime.yml',
  },
  {
    name: 'a redirect to a name that is not an FQCN exits 3',
    ref: 'ftl2test.demo.short_target',
    error: /redirects to 'where', which is not an FQCN/,
  },
];

for (const testCase of failureCases) {
  t.test(testCase.name, async (t) => {
    const run = await ftl2(['exec', testCase.ref, '-C', FIRST, '--json']);
    t.equal(run.code, 3);
    const records = parseRecords(run.stdout);
    t.equal(records[0]?.type, 'start');
    t.match(getResult(run).error, testCase.error);
  });
}

t.test('an unknown name exits 3, listing every place searched in order', async (t) => {
  const args = ['exec', 'ftl2test.nosuch.mod', '-C', FIRST, '-C', SECOND];
  const run = await ftl2([...args, '--json'], NO_SYS_PATH);
  t.equal(run.code, 3);
  const lines = String(getResult(run).error).split('\n');
  t.match(lines[0], /^collection ftl2test\.nosuch not found; install it, or pass -C DIR for a DIR/);
  t.same(lines.slice(1), [
    'searched, in order:',
    `  ${FIRST}/ansible_collections/ftl2test/nosuch`,
    `  ${SECOND}/ansible_collections/ftl2test/nosuch`,
    `  ${join(ROOT, 'modules')}/ansible_collections/ftl2test/nosuch`,
  ]);

  const human = await ftl2(args, NO_SYS_PATH);
  t.equal(human.code, 3);
  t.match(human.stderr, `${SECOND}/ansible_collections/ftl2test/nosuch`, 'the human view too');
});

t.test('a name that is not all identifiers exits 3 before anything is searched', async (t) => {
  const marker = join(sandbox.dir, 'python-was-started');
  const python = sandbox.write('fake-python', `#!/bin/sh\ntouch ${marker}\n`, 0o755);
  const cache = join(sandbox.dir, 'bad-name-cache');
  const rule = 'each part between dots holds only letters, digits and _';
  const cases: Array<[string, string]> = [
    ['ns..mod', `it has an empty part; ${rule}`],
    ['.hidden', `it has an empty part; ${rule}`],
    ['ns.coll.mod;rm', `'mod;rm' is not an identifier; ${rule}`],
    ['ns.coll.$(id)', `'$(id)' is not an identifier; ${rule}`],
    ['ns.mod', 'give a short name (ping) or an FQCN (ns.coll.name)'],
  ];
  for (const [ref, reason] of cases) {
    const run = await ftl2(['exec', ref, '--python', python, '--json'], { XDG_CACHE_HOME: cache });
    t.equal(run.code, 3, ref);
    t.equal(getResult(run).status, 'not_found');
    t.equal(getResult(run).error, `bad module name '${ref}': ${reason}`);
  }

  t.notOk(existsSync(marker), 'no Python was started');
  // Only bin/ftl2's own code cache (code-cache.test.ts): no probe, no routing.
  t.same(readdirSync(join(cache, 'ftl2')), ['code'], 'no probe was cached');
});

t.test(
  'short names are looked up in -M, then in ANSIBLE_LIBRARY as Ansible orders it',
  async (t) => {
    const module = (copy: string): string =>
      `import json\nprint(json.dumps({"changed": False, "copy": "${copy}"}))\n`;
    const explicit = join(sandbox.dir, 'explicit');
    const library = join(sandbox.dir, 'library');
    sandbox.write('explicit/both.py', module('-M'));
    sandbox.write('library/both.py', module('library'));
    sandbox.write('library/top.py', module('library'));
    sandbox.write('library/group/top.py', module('library/group'));
    sandbox.write('library/group/deeper/deep.sh', '#!/bin/sh\necho \'{"copy": "deep"}\'\n', 0o755);
    sandbox.write('library/notes.md', 'not a module');

    const cases: Array<[string, string[], unknown]> = [
      ['both', ['-M', explicit], '-M'],
      ['ansible.legacy.both', ['-M', explicit], '-M'],
      ['both', [], 'library'],
      // Ansible puts a library folder's subfolders, two levels deep, before the folder itself.
      ['top', [], 'library/group'],
      ['deep', [], 'deep'],
    ];
    for (const [ref, args, copy] of cases) {
      const run = await ftl2(['exec', ref, '--json', ...args], { ANSIBLE_LIBRARY: library });
      t.equal(getOutput(run).copy, copy, `${ref} ${args.join(' ')}`);
    }
  },
);

t.test('ftl2 resolve prints the file, how it starts, the chain and the search path', async (t) => {
  const run = await ftl2(['resolve', 'ftl2test.demo.old_where', '-C', FIRST, '--json']);
  t.equal(run.code, 0);
  const report = JSON.parse(run.stdout);
  t.match(report, {
    ref: 'ftl2test.demo.old_where',
    found: true,
    fqcn: 'ftl2test.demo.where',
    path: join(FIRST, 'ansible_collections/ftl2test/demo/plugins/modules/where.py'),
    chain: ['ftl2test.demo.old_where', 'ftl2test.demo.where'],
    start: { style: 'old', how: /^by path through the bootstrap/, pythonName: null },
  });
  t.equal(report.warnings.length, 1);
  t.same(report.collectionSearchPath[0], { path: FIRST, source: '-C', isSearched: true });
  t.ok(
    report.collectionSearchPath.some((folder: { source: string }) => folder.source === 'default'),
  );

  const text = await ftl2(['resolve', 'ftl2test.demo.old_where', '-C', FIRST]);
  t.match(text.stdout, /^ftl2test\.demo\.where\n {2}file {4}\S+where\.py\n/);
  t.match(text.stdout, /\ncollection search path:\n {2}\S+first {2}\(-C\)\n/);

  const missing = await ftl2(['resolve', 'ftl2test.demo.nosuch', '-C', FIRST]);
  t.equal(missing.code, 3);
  t.match(missing.stdout, /^error: module ftl2test\.demo\.nosuch not found/);
  t.match(missing.stdout, /\nsearched, in order:\n {2}\S+nosuch\n/);
});

t.test('module_utils come from the first copy only', { skip: NO_ANSIBLE }, async (t) => {
  const temporary = join(sandbox.dir, 'tmp');
  mkdirSync(temporary);
  const args = ['exec', 'ftl2test.demo.uses_utils', '-C', FIRST, '-C', SECOND, '--json'];
  const run = await ftl2(args, { TMPDIR: temporary });
  t.equal(run.code, 0, run.stdout);
  t.match(getOutput(run), { origin: 'first', other: 'other' }, "another collection's too");
  t.same(readdirSync(temporary), [], 'the private PYTHONPATH folder is removed after the run');
  t.ok(
    existsSync(join(SECOND, 'ansible_collections/ftl2test/other/plugins/module_utils/origin.py')),
  );

  // Python alone merges same-named folders; with the second copy on sys.path as well (through
  // PYTHONPATH), only the private folder keeps the import from reaching into it.
  for (const env of [{}, { PYTHONPATH: SECOND }]) {
    const hidden = await ftl2(['exec', 'ftl2test.demo.uses_second_utils', '-C', FIRST, '--json'], {
      ...env,
      ANSIBLE_COLLECTIONS_PATH: SECOND,
    });
    t.equal(hidden.code, 1, `failed with ${JSON.stringify(env)}`);
    t.match(
      getResult(hidden).error,
      /No module named 'ansible_collections\.ftl2test\.demo\.plugins\.module_utils\.only_second'/,
    );
  }
});
