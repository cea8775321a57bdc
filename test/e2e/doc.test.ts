// `ftl2 doc` through the real bin/ftl2: real ansible-core modules compared with ansible-doc,
// a fixture module whose fragments come from every kind of place, sidecars, the demo
// collection, undocumented modules, and names that are not found.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { type CliRun, runFtl2, testEnv } from '../helpers/cli.js';
import { COLLECTIONS, createSandbox, NO_ANSIBLE, SYSTEM_PYTHON } from '../helpers/sandbox.js';

const sandbox = createSandbox();
t.teardown(sandbox.remove);
const DOCS = join(COLLECTIONS, 'docs');
const WORK = join(sandbox.dir, 'work');
const NO_SYS_PATH = { ANSIBLE_COLLECTIONS_SCAN_SYS_PATH: 'false' };
const ANSIBLE_DOC = '/usr/bin/ansible-doc';
const COLLECTIONS_DIR = '/usr/lib/python3/dist-packages/ansible_collections';
// Beyond ansible-core: a doc fragment; YAML only PyYAML reads (a quoted value going on left of
// where it began); a fragment named through a subfolder that is a module file.
const COLLECTION_MODULES: Array<[string, string]> = [
  ['community.general.ini_file', 'community/general'],
  ['community.general.github_deploy_key', 'community/general'],
  ['netapp_eseries.santricity.netapp_e_alerts', 'netapp_eseries/santricity'],
];

type Doc = Record<string, unknown> & { options?: Record<string, Record<string, unknown>> };

interface Report {
  found: boolean;
  fqcn: string | null;
  chain: string[];
  warnings: string[];
  docFile: string | null;
  doc: Doc | null;
  examples: string | null;
  return: Record<string, unknown> | null;
  error: string | null;
}

function ftl2(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  return runFtl2(args, { cwd: WORK, env: { ...sandbox.env, ...env } });
}

async function docJson(ref: string, args: string[] = [], env = {}): Promise<Report> {
  const run = await ftl2(['doc', ref, '--json', ...args], env);
  return JSON.parse(run.stdout) as Report;
}

// The fields of each option that both show, as ansible-doc -j gives them.
function summarizeOptions(options: Doc['options']): Record<string, unknown> {
  const fields = ['type', 'required', 'default', 'choices', 'aliases', 'elements'];
  return Object.fromEntries(
    Object.entries(options ?? {}).map(([name, option]) => [
      name,
      Object.fromEntries(fields.map((field) => [field, option[field] ?? null])),
    ]),
  );
}

t.test(
  'real modules: the merged options, examples and returns are what ansible-doc shows',
  {
    skip: NO_ANSIBLE || (existsSync(ANSIBLE_DOC) ? false : `no ${ANSIBLE_DOC}`),
  },
  async (t) => {
    const names = ['ping', 'copy', 'file', 'lineinfile', 'setup', 'command'];
    for (const [name, folder] of COLLECTION_MODULES) {
      if (existsSync(join(COLLECTIONS_DIR, folder))) names.push(name);
    }

    const theirs = spawnSync(ANSIBLE_DOC, ['-j', ...names], {
      cwd: WORK,
      env: testEnv(sandbox.env),
      encoding: 'utf8',
    });
    t.equal(theirs.status, 0, theirs.stderr);
    const expected = JSON.parse(theirs.stdout) as Record<string, Report>;
    for (const name of names) {
      const ours = await docJson(name, ['--python', SYSTEM_PYTHON]);
      const their = expected[name] as Report;
      t.same(ours.warnings, [], `${name}: every fragment found`);
      t.same(summarizeOptions(ours.doc?.options), summarizeOptions(their.doc?.options), name);
      t.equal(ours.doc?.short_description, their.doc?.short_description, `${name}: summary`);
      t.equal(ours.examples, their.examples, `${name}: examples`);
      const returns = [ours, their].map((report) => Object.keys(report.return ?? {}).sort());
      t.same(returns[0], returns[1], `${name}: returns`);
    }
  },
);

t.test('fragments merge from the collection, a VAR, a redirect and ansible-core', async (t) => {
  const report = await docJson('ftl2test.docs.documented', ['-C', DOCS], NO_SYS_PATH);
  const options = report.doc?.options ?? {};
  t.match(options, {
    state: { type: 'str', choices: ['present', 'absent'], default: 'present', aliases: ['ensure'] },
    timeout: { description: 'Seconds to wait, from the fragment.', type: 'int', default: 30 },
    host: { required: true, type: 'str' },
    retries: { default: 3 },
    settings: { suboptions: { depth: { required: true } } },
  });
  t.same(report.doc?.notes, ['A note from the common fragment.']);
  t.notOk('extends_documentation_fragment' in (report.doc ?? {}), 'the list is merged away');
  t.ok(
    report.warnings.includes(
      'doc fragment ftl2test.nosuch.fragment is not on the search path; ' +
        'the options it adds are not shown',
    ),
    'a missing fragment is a warning',
  );
  if (NO_ANSIBLE === false) t.match(options.mode, { type: 'raw' }, 'ansible-core files fragment');
  t.match(report.return, { echo: { description: 'The "state" it was given.', sample: 'present' } });
  t.match(report.examples, /^\n- name: Make it present\n/);
});

t.test('the text view shows markers, fields, examples and return values', async (t) => {
  const run = await ftl2(['doc', 'ftl2test.docs.renamed', '-C', DOCS], NO_SYS_PATH);
  t.equal(run.code, 0);
  const text = run.stdout;
  t.match(text, /^ftl2test\.docs\.documented: Show how ftl2 doc reads a module's documentation\n/);
  t.match(text, /\n {2}chain {4}ftl2test\.docs\.renamed -> ftl2test\.docs\.documented\n/);
  t.match(text, /\n {2}The text uses `markup` that the terminal view turns into marks\.\n/);
  t.match(
    text,
    /\n= host\n {4}The host to talk to, from the CONNECTION variable\.\n {4}type: str\n/,
  );
  t.match(
    text,
    /\n- state\n {4}What to make of it\.\n {4}aliases: ensure\n {4}choices: present, absent\n/,
  );
  t.match(text, /\n {4}suboptions:\n {6}= depth\n {10}How deep\.\n/);
  t.match(text, /\nNOTES:\n\n {2}\* A note from the common fragment\.\n/);
  t.match(text, /\nEXAMPLES:\n\n- name: Make it present\n/);
  t.match(
    text,
    /\nRETURN VALUES:\n\n- echo\n {4}The "state" it was given\.\n {4}returned: always\n/,
  );
  t.match(run.stderr, /^\[WARNING\] doc fragment ftl2test\.nosuch\.fragment is not on the/m);
});

t.test('a module in another language is documented by its sidecar', async (t) => {
  const report = await docJson('ftl2test.docs.sh_tool', ['-C', DOCS], NO_SYS_PATH);
  t.match(report.docFile, /\/sh_tool\.yml$/);
  t.match(report.doc?.options, { verbose: { type: 'bool', default: false } });
  t.equal(report.examples, '- ftl2test.docs.sh_tool:\n    verbose: yes\n');
});

t.test('a module without an extension documents itself, as list reads it', async (t) => {
  const source = "#!/usr/bin/python3\nDOCUMENTATION = '''\nshort_description: Bare\n'''\n";
  sandbox.write('library/bare', source, 0o755);
  const args = ['-M', join(sandbox.dir, 'library')];
  const report = await docJson('bare', args, NO_SYS_PATH);
  t.match(report, { fqcn: 'ansible.legacy.bare', doc: { short_description: 'Bare' } });
  t.match(report.docFile, /\/library\/bare$/);
});

t.test('every ftl2.examples module documents its options', async (t) => {
  const run = await ftl2(['list', '--json', 'ftl2.examples.*'], NO_SYS_PATH);
  const modules = JSON.parse(run.stdout) as Array<{ fqcn: string; description: string | null }>;
  t.equal(modules.length, 7);
  for (const { fqcn, description } of modules) {
    const report = await docJson(fqcn, [], NO_SYS_PATH);
    t.equal(report.doc?.short_description, description, `${fqcn}: the summary list shows`);
    t.ok(Object.keys(report.doc?.options ?? {}).length > 0, `${fqcn}: options`);
    t.same(report.warnings, [], `${fqcn}: no warnings`);
  }
});

t.test('a module without documentation is found, and says so', async (t) => {
  const run = await ftl2(['doc', 'ftl2test.docs.undocumented', '-C', DOCS], NO_SYS_PATH);
  t.equal(run.code, 0);
  t.match(run.stdout, /\nftl2test\.docs\.undocumented has no documentation: no readable /);
  const report = await docJson('ftl2test.docs.undocumented', ['-C', DOCS], NO_SYS_PATH);
  t.match(report, { found: true, doc: null, examples: null, return: null });
});

t.test('a module that is not found exits 3 with the places searched', async (t) => {
  const run = await ftl2(['doc', 'ftl2test.docs.nosuch', '-C', DOCS], NO_SYS_PATH);
  t.equal(run.code, 3);
  t.equal(run.stdout, '');
  t.match(run.stderr, /^error: module ftl2test\.docs\.nosuch not found in ftl2test\.docs at /);
  t.match(run.stderr, /\nsearched, in order:\n {2}\S+\/plugins\/modules\/nosuch\n/);

  const report = await docJson('ftl2test.docs.nosuch', ['-C', DOCS], NO_SYS_PATH);
  t.match(report, { found: false, error: /^module ftl2test\.docs\.nosuch not found/ });

  const bad = await ftl2(['doc', 'ns.coll.bad;name']);
  t.equal(bad.code, 3, 'a bad name is not found, as for exec');
  const usage = await ftl2(['doc']);
  t.equal(usage.code, 2, 'a missing REF is bad usage');
});
