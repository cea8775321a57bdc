import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { findModuleRouting, formatDeprecation, formatRemoval } from '../../lib/routing.js';

const root = mkdtempSync(join(tmpdir(), 'ftl2-routing-'));
t.teardown(() => rmSync(root, { recursive: true, force: true }));
const env = { XDG_CACHE_HOME: join(root, 'cache') };
const runtime = join(root, 'runtime.yml');
writeFileSync(
  runtime,
  [
    'plugin_routing:',
    '  modules:',
    '    old:',
    '      redirect: ns.coll.new',
    '      deprecation: {removal_date: 2030-01-01, warning_text: Use new}',
    '    gone:',
    '      tombstone: {removal_version: 2.0.0, warning_text: ""}',
    '    sub.nested: {redirect: ns.coll.flat}',
  ].join('\n'),
);

t.test('routing entries are read from plugin_routing.modules', async (t) => {
  t.same(await findModuleRouting(runtime, 'old', env), {
    redirect: 'ns.coll.new',
    deprecation: { warningText: 'Use new', removalVersion: undefined, removalDate: '2030-01-01' },
    tombstone: undefined,
  });
  t.match(await findModuleRouting(runtime, 'sub.nested', env), { redirect: 'ns.coll.flat' });
  t.equal(await findModuleRouting(runtime, 'none', env), undefined);
  t.equal(await findModuleRouting(join(root, 'missing.yml'), 'old', env), undefined);
});

t.test('what a file routes is cached, and a changed file is read again', async (t) => {
  const cacheFolder = join(root, 'cache', 'ftl2', 'routing');
  t.equal(readdirSync(cacheFolder).length, 1);
  writeFileSync(runtime, 'plugin_routing:\n  modules:\n    old: {redirect: ns.coll.newer}\n');
  utimesSync(runtime, new Date(), new Date(Date.now() + 5000));
  t.match(await findModuleRouting(runtime, 'old', env), { redirect: 'ns.coll.newer' });
  t.equal(readdirSync(cacheFolder).length, 2);
});

t.test('a file without plugin_routing is never parsed nor cached', async (t) => {
  const plain = join(root, 'plain.yml');
  writeFileSync(plain, 'requires_ansible: ">=2.14"\n: this is not YAML: [\n');
  t.equal(
    await findModuleRouting(plain, 'x', { XDG_CACHE_HOME: join(root, 'plain-cache') }),
    undefined,
  );
  t.notOk(existsSync(join(root, 'plain-cache')));
});

t.test('broken YAML is an error naming the file', async (t) => {
  const broken = join(root, 'broken.yml');
  writeFileSync(broken, 'plugin_routing: [\n');
  await t.rejects(findModuleRouting(broken, 'x', env), {
    message: /^cannot read .*broken\.yml: .*; fix its YAML$/,
  });
});

t.test('deprecations and removals read as Ansible words them', async (t) => {
  const note = { warningText: 'Use x instead', removalVersion: '9.0.0', removalDate: undefined };
  t.equal(
    formatDeprecation('ns.coll.old', note, 'ns.coll'),
    'ns.coll.old has been deprecated. Use x instead. ' +
      'This feature will be removed from ns.coll in version 9.0.0.',
  );
  const dated = { warningText: 'Gone!', removalVersion: '1.0', removalDate: '2019-11-06' };
  t.equal(
    formatRemoval('ansible.builtin.x', dated, 'ansible.builtin'),
    'ansible.builtin.x has been removed. Gone! ' +
      'This feature was removed from ansible-core in a release after 2019-11-06.',
  );
  const bare = { warningText: '', removalVersion: undefined, removalDate: undefined };
  t.equal(
    formatDeprecation('a.b.c', bare, 'a.b'),
    'a.b.c has been deprecated. This feature will be removed from a.b in a future release.',
  );
});
