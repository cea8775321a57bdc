import t from 'tap';
import { compileNamePattern } from '../../lib/name-pattern.js';

t.test('a pattern is an fnmatch glob over the whole FQCN, or text it holds', async (t) => {
  const cases: Array<[string | undefined, string, boolean]> = [
    [undefined, 'any.thing.at_all', true],
    ['community.general.*', 'community.general.ini_file', true],
    ['community.general.*', 'community.general_x.ini_file', false],
    ['*.ping', 'ansible.builtin.ping', true],
    ['*.ping', 'ansible.builtin.ping_more', false],
    ['ansible.builtin.p?ng', 'ansible.builtin.pong', true],
    ['ns.coll.[ab]*', 'ns.coll.apt', true],
    ['ns.coll.[!ab]*', 'ns.coll.apt', false],
    ['ns.coll.[a-c]x', 'ns.coll.bx', true],
    ['ns.coll.[]x]', 'ns.coll.]', true],
    ['ns.coll.[x', 'ns.coll.[x', true],
    ['ANSIBLE.*', 'ansible.builtin.ping', false],
    ['ping', 'community.network.icx_ping', true],
    ['community.general', 'community.general.ini_file', true],
    ['a.b', 'axb.c', false],
  ];
  for (const [pattern, fqcn, expected] of cases) {
    t.equal(compileNamePattern(pattern)(fqcn), expected, `${pattern} ${fqcn}`);
  }
});
