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
import { createPrivateDir, removePrivateDir } from '../../lib/launch.js';
import { buildPythonShim } from '../../lib/shim.js';

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
mkdirSync(join(root, 'core'));

t.test('the shim links ansible and the first copy of each collection', async (t) => {
  const privateDir = createPrivateDir();
  const shim = buildPythonShim(privateDir, join(root, 'core'), [
    join(root, 'one'),
    join(root, 'two'),
  ]);
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

  removePrivateDir(privateDir);
  t.notOk(existsSync(privateDir), 'removed after the run');
  t.equal(readFileSync(join(root, 'one/ansible_collections/shared/first/marker'), 'utf8'), 'one');
  t.ok(existsSync(join(root, 'two/ansible_collections/shared/second/marker')), 'targets kept');
  t.ok(existsSync(join(root, 'core')));
});
