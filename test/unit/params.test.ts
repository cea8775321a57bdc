import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { UsageError } from '../../lib/errors.js';
import { collectParams, parseParamEntry } from '../../lib/params.js';
import { makeTempDir } from '../helpers/temp.js';

const folder = makeTempDir('params');
writeFileSync(join(folder, 'secret.txt'), 'hunter2\n');
writeFileSync(join(folder, 'list.json'), '[1, 2]');
writeFileSync(join(folder, 'params.json'), '{"steps": 3, "name": "from file"}');
writeFileSync(join(folder, 'array.json'), '[]');

const entries: [string, [string, unknown]][] = [
  ['steps=5', ['steps', 5]],
  ['on=true', ['on', true]],
  ['list=[1,2]', ['list', [1, 2]]],
  ['name=web01', ['name', 'web01']],
  ['quoted="5"', ['quoted', '5']],
  ['empty=', ['empty', '']],
  ['eq=a=b', ['eq', 'a=b']],
  ['obj:={"a":1}', ['obj', { a: 1 }]],
  ['text:="5"', ['text', '5']],
  ['secret=@secret.txt', ['secret', 'hunter2']],
  ['list:=@list.json', ['list', [1, 2]]],
  ['shell=$(rm -rf /) `id`', ['shell', '$(rm -rf /) `id`']],
];

t.test('--param entries parse as DESIGN.md §4 says', async (t) => {
  for (const [entry, expected] of entries) t.same(parseParamEntry(entry, folder), expected, entry);
});

const bad: [string, RegExp][] = [
  ['steps', /^--param 'steps' is not NAME=VALUE/],
  ['=5', /has no name/],
  ['n:={bad', /^--param n:= needs valid JSON/],
  ['f=@missing.txt', /^--param f=@missing.txt: cannot read the file \(no such file\)/],
];

t.test('malformed entries are usage errors that name the param, never the value', async (t) => {
  for (const [entry, message] of bad) {
    t.throws(() => parseParamEntry(entry, folder), { name: 'UsageError', message }, entry);
  }

  const error = (() => {
    try {
      parseParamEntry('password:=hunter2', folder);
    } catch (caught) {
      return caught as UsageError;
    }
  })();
  t.ok(error instanceof UsageError);
  t.notMatch(error?.message, /hunter2/);
});

t.test('--params gives all params and --param entries override them', async (t) => {
  t.same(collectParams({ entries: ['name=cli'], file: 'params.json', cwd: folder }), {
    steps: 3,
    name: 'cli',
  });
  t.same(collectParams({ entries: [], file: '-', readStdin: () => '{"a": 1}' }), { a: 1 });
});

t.test('a params file that is not one JSON object is a usage error', async (t) => {
  t.throws(() => collectParams({ entries: [], file: 'array.json', cwd: folder }), {
    message: /must hold one JSON object/,
  });
  t.throws(() => collectParams({ entries: [], file: '-', readStdin: () => 'nope' }), {
    message: /^--params - \(stdin\): not valid JSON/,
  });
});

t.test('a param named __proto__ stays an ordinary key', async (t) => {
  const params = collectParams({ entries: ['__proto__={"polluted":1}'], cwd: folder });
  t.same(Object.keys(params), ['__proto__']);
  t.equal(({} as { polluted?: number }).polluted, undefined);
  t.equal(JSON.stringify(params), '{"__proto__":{"polluted":1}}');
});
