import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { PrivateDir } from '../../lib/private-dir.js';
import { getPythonShim } from '../../lib/shim.js';

const root = mkdtempSync(join(tmpdir(), 'ftl2-shim-'));
t.teardown(() => rmSync(root, { recursive: true, force: true }));
const collection = (base: string, name: string): string => {
  const folder = join(root, base, 'ansible_collections', name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'marker'), base);
  return folder;
};
collection('one', 'shared/first');
collection('one', 'alone/coll');
collection('two', 'shared/first');
collection('two', 'shared/second');
collection('two', '__pycache__/x');
collection('two', '_private/coll');
mkdirSync(join(root, 'core'));

const roots = [join(root, 'one'), join(root, 'two')];

t.test('the shim links ansible and the first copy of each collection', async (t) => {
  const privateDir = new PrivateDir();
  const shim = getPythonShim(privateDir, join(root, 'core'), roots, {
    XDG_CACHE_HOME: join(root, 'cache'),
  });
  const collections = join(shim, 'ansible_collections');
  t.equal(readlinkSync(join(shim, 'ansible')), join(root, 'core'));
  t.equal(readFileSync(join(collections, '__init__.py'), 'utf8'), '', 'a regular package');
  t.equal(readlinkSync(join(collections, 'alone')), join(root, 'one/ansible_collections/alone'));
  t.equal(
    readlinkSync(join(collections, 'shared/first')),
    join(root, 'one/ansible_collections/shared/first'),
    'the first copy wins',
  );
  t.equal(
    readlinkSync(join(collections, 'shared/second')),
    join(root, 'two/ansible_collections/shared/second'),
  );
  t.notOk(existsSync(join(collections, '__pycache__')));
  t.equal(
    readlinkSync(join(collections, '_private')),
    join(root, 'two/ansible_collections/_private'),
    'a namespace with a leading _ is a name the resolver accepts',
  );

  privateDir.remove();
  t.equal(readFileSync(join(root, 'one/ansible_collections/shared/first/marker'), 'utf8'), 'one');
  t.ok(existsSync(join(root, 'two/ansible_collections/shared/second/marker')), 'targets kept');
  t.ok(existsSync(join(root, 'core')));
});

t.test(
  'the next run with the same search path reuses the folder; another path gets its own',
  async (t) => {
    const env = { XDG_CACHE_HOME: join(root, 'cache') };
    const first = getPythonShim(new PrivateDir(), join(root, 'core'), roots, env);
    t.equal(getPythonShim(new PrivateDir(), join(root, 'core'), roots, env), first);
    const reversed = getPythonShim(new PrivateDir(), join(root, 'core'), [...roots].reverse(), env);
    t.not(reversed, first);
    t.equal(
      readlinkSync(join(reversed, 'ansible_collections/shared/first')),
      join(root, 'two/ansible_collections/shared/first'),
      'the first copy on the other path wins there',
    );
    collection('two', 'added/coll');
    t.not(
      getPythonShim(new PrivateDir(), join(root, 'core'), roots, env),
      first,
      'a new collection, a new folder',
    );
  },
);

t.test("an unwritable cache builds the folder in the run's private folder instead", async (t) => {
  const notAFolder = join(root, 'cache-is-a-file');
  writeFileSync(notAFolder, '');
  const privateDir = new PrivateDir();
  const shim = getPythonShim(privateDir, join(root, 'core'), roots, { XDG_CACHE_HOME: notAFolder });
  t.equal(shim, join(privateDir.path, 'pythonpath'));
  t.equal(readlinkSync(join(shim, 'ansible')), join(root, 'core'));
  privateDir.remove();
  t.notOk(existsSync(shim), 'removed with the run');
});
