import t from 'tap';
import { getRoutingKey, parseModuleName } from '../../lib/names.js';

t.test('names parse into their kind and parts', async (t) => {
  const cases: Array<[string, unknown]> = [
    ['ping', { kind: 'short', name: 'ping', fqcn: 'ansible.legacy.ping' }],
    ['ansible.legacy.ping', { kind: 'short', name: 'ping', fqcn: 'ansible.legacy.ping' }],
    ['ansible.builtin.ping', { kind: 'builtin', fqcn: 'ansible.builtin.ping', resource: ['ping'] }],
    [
      'community.general.ini_file',
      { kind: 'collection', namespace: 'community', collection: 'general', resource: ['ini_file'] },
    ],
    [
      'community.sap.database.saphana.hana_query',
      { kind: 'collection', resource: ['database', 'saphana', 'hana_query'] },
    ],
    ['_private.coll.Name_2', { kind: 'collection', namespace: '_private', resource: ['Name_2'] }],
  ];
  for (const [text, expected] of cases) {
    const parsed = parseModuleName(text);
    t.ok(parsed.ok, text);
    if (parsed.ok) t.match(parsed.name, expected as object, text);
  }
});

t.test('a name with anything but identifiers is rejected, the bad part named', async (t) => {
  const cases: Array<[string, RegExp]> = [
    ['', /it has an empty part/],
    ['ns..mod', /it has an empty part/],
    ['ns.coll.', /it has an empty part/],
    ['ns.coll.mod;rm', /'mod;rm' is not an identifier/],
    ['ns.coll.mod name', /'mod name' is not an identifier/],
    ['ns.coll.-x', /'-x' is not an identifier/],
    ['ns.9coll.x', /'9coll' is not an identifier/],
    ['ns.coll.müde', /'müde' is not an identifier/],
    ['ns.mod', /give a short name \(ping\) or an FQCN/],
    ['ansible.legacy.a.b', /ansible\.legacy takes a short name/],
  ];
  for (const [text, error] of cases) {
    const parsed = parseModuleName(text);
    t.notOk(parsed.ok, JSON.stringify(text));
    if (!parsed.ok) t.match(parsed.error, error, JSON.stringify(text));
  }
});

t.test('the routing key is the subfolders and name, dotted', async (t) => {
  const keys = ['ping', 'ansible.builtin.ping', 'community.general.system.ufw'].map((text) => {
    const parsed = parseModuleName(text);
    return parsed.ok ? getRoutingKey(parsed.name) : undefined;
  });
  t.same(keys, ['ping', 'ping', 'system.ufw']);
});
