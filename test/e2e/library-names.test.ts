// The library: executeLocalFqcnStreaming with names, collectionsPaths acting as -C.
import { join } from 'node:path';
import t from 'tap';
import { executeLocalFqcnStreaming } from '../../lib/index.js';
import { COLLECTIONS, createSandbox, NO_ANSIBLE } from '../helpers/sandbox.js';

const sandbox = createSandbox();
t.teardown(sandbox.remove);
const options = {
  env: { ...sandbox.env, ANSIBLE_COLLECTIONS_SCAN_SYS_PATH: 'false' },
  cwd: join(sandbox.dir, 'work'),
};

t.test('collectionsPaths are searched first, in order', async (t) => {
  const result = await executeLocalFqcnStreaming(
    'ftl2test.demo.old_where',
    {},
    { ...options, collectionsPaths: [join(COLLECTIONS, 'second'), join(COLLECTIONS, 'first')] },
  );
  t.equal(result.status, 'not_found', 'the second copy wins, and it has no old_where');

  const found = await executeLocalFqcnStreaming(
    'ftl2test.demo.old_where',
    {},
    { ...options, collectionsPaths: [join(COLLECTIONS, 'first')] },
  );
  t.match(found, {
    status: 'ok',
    fqcn: 'ftl2test.demo.where',
    output: { copy: 'first' },
    warnings: [/has been deprecated/],
  });
});

t.test('the demo collection is found with no paths given', async (t) => {
  const result = await executeLocalFqcnStreaming(
    'ftl2.examples.step_counter',
    { steps: 2, delay: 0 },
    options,
  );
  t.match(result, { status: 'ok', eventCount: 4, output: { steps: 2 } });
});

t.test('a bad or unknown name is a result, not an exception', async (t) => {
  t.match(await executeLocalFqcnStreaming('a..b', {}, options), {
    status: 'not_found',
    error: /^bad module name 'a\.\.b'/,
  });
  t.match(await executeLocalFqcnStreaming('./x.py', {}, options), { status: 'not_found' });
  await t.rejects(executeLocalFqcnStreaming('', {}, options), TypeError);
});

t.test('a builtin module runs by short name', { skip: NO_ANSIBLE }, async (t) => {
  const result = await executeLocalFqcnStreaming('ping', { data: 'lib' }, options);
  t.match(result, { status: 'ok', fqcn: 'ansible.builtin.ping', output: { ping: 'lib' } });
});
