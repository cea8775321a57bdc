import t from 'tap';
import { convertMarkup } from '../../lib/doc-markup.js';
import { wrapText } from '../../lib/wrap-text.js';

t.test("Ansible's markup reads as plain-text marks", async (t) => {
  const cases: Array<[string, string]> = [
    ['return C(pong) on success', 'return `pong` on success'],
    ['I(path) and B(not) this', '`path` and *not* this'],
    [
      'see M(ansible.builtin.copy) or P(ns.coll.lookup#lookup)',
      'see [ansible.builtin.copy] or [ns.coll.lookup]',
    ],
    [
      'L(the docs, https://example.org) and U(https://x.org)',
      'the docs <https://example.org> and https://x.org',
    ],
    ['O(state=absent), V(yes), RV(rc), E(HOME)', '`state=absent`, `yes`, `rc`, `HOME`'],
    ['R(a section, ref_name)', 'a section'],
    ['ABC(x) stays', 'ABC(x) stays'],
  ];
  for (const [text, expected] of cases) t.equal(convertMarkup(text), expected, text);
});

t.test('text wraps at spaces to the width, paragraphs kept, a long word alone', async (t) => {
  t.same(wrapText('one two three four', 9), ['one two', 'three', 'four']);
  t.same(wrapText('first\nsecond part', 20), ['first', 'second part']);
  t.same(wrapText('a verylongword b', 5), ['a', 'verylongword', 'b']);
  t.same(wrapText('', 10), ['']);
});
