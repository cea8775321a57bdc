import t from 'tap';
import { getFqcnFromPath, getPythonModuleName } from '../../lib/resolve.js';

const fqcns: [string, string | null][] = [
  ['/x/ansible/modules/ping.py', 'ansible.builtin.ping'],
  ['/c/ansible_collections/ns/coll/plugins/modules/mod.py', 'ns.coll.mod'],
  ['/c/ansible_collections/ns/coll/plugins/modules/sub/mod.py', 'ns.coll.sub.mod'],
  [
    '/c/ansible_collections/ftl2/examples/plugins/modules/shell_steps.sh',
    'ftl2.examples.shell_steps',
  ],
  [
    '/c/ansible_collections/ftl2/examples/plugins/modules/node_steps.mjs',
    'ftl2.examples.node_steps',
  ],
  ['/c/ansible_collections/ns/coll/plugins/modules/binary', 'ns.coll.binary'],
  ['/c/ansible_collections/ns/coll/plugins/modules/bad-name.py', null],
  ['/c/ansible_collections/ns/coll/plugins/action/mod.py', null],
  ['/tmp/mod.py', null],
];

t.test(
  'a file inside ansible/modules or a collection has an FQCN, whatever its extension',
  async (t) => {
    for (const [path, fqcn] of fqcns) t.equal(getFqcnFromPath(path), fqcn, path);
  },
);

t.test('only .py files in a package are imported by dotted name', async (t) => {
  t.same(getPythonModuleName('/c/ansible_collections/ns/coll/plugins/modules/mod.py'), {
    name: 'ansible_collections.ns.coll.plugins.modules.mod',
    root: '/c',
  });
  t.same(getPythonModuleName('/x/ansible/modules/ping.py'), {
    name: 'ansible.modules.ping',
    root: '/x',
  });
  t.equal(getPythonModuleName('/c/ansible_collections/ns/coll/plugins/modules/mod.sh'), undefined);
  t.equal(getPythonModuleName('/tmp/mod.py'), undefined);
});
