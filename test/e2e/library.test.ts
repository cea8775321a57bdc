// The library: executeLocalStreaming with real module files.
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { executeLocalStreaming, type ModuleEvent } from '../../lib/index.js';
import { example, fixture } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/temp.js';

t.test('the callback hears each event in order and the result keeps them', async (t) => {
  const heard: ModuleEvent[] = [];
  const result = await executeLocalStreaming(
    example('step_counter'),
    { steps: 3, delay: 0 },
    { eventCallback: (event) => heard.push(event) },
  );
  t.equal(result.status, 'ok');
  t.equal(result.success, true);
  t.equal(result.changed, false);
  t.equal(result.returnCode, 0);
  t.same(result.output, { changed: false, steps: 3, msg: 'counted 3 steps' });
  t.same(
    heard.map((event) => event.event),
    ['progress', 'progress', 'progress', 'progress', 'log'],
  );
  t.same(result.events, heard);
  t.equal(result.eventCount, 5);
  t.equal(result.stderr, 'counting 3 steps\ndone');
  t.ok(result.durationMs >= 0);
});

t.test('keepEvents: false keeps no events but still counts them', async (t) => {
  const result = await executeLocalStreaming(
    example('simple_progress'),
    { delay: 0 },
    { keepEvents: false },
  );
  t.same(result.events, []);
  t.equal(result.eventCount, 5);
});

t.test("a module's failure is a result, not an exception", async (t) => {
  const result = await executeLocalStreaming(fixture('fail_json.py'));
  t.match(result, { status: 'failed', success: false, error: 'the disk is full', returnCode: 1 });
  const missing = await executeLocalStreaming('/no/such/module.py');
  t.match(missing, { status: 'not_found', path: null });
});

t.test('bad arguments reject with a TypeError', async (t) => {
  await t.rejects(executeLocalStreaming(''), TypeError);
  await t.rejects(executeLocalStreaming(fixture('fail_json.py'), [] as never), TypeError);
  await t.rejects(executeLocalStreaming(fixture('fail_json.py'), {}, { timeout: -1 }), TypeError);
  await t.rejects(
    executeLocalStreaming(fixture('fail_json.py'), {}, { cwd: '/no/such/dir' }),
    TypeError,
  );
});

t.test('an AbortSignal stops the module and the result says interrupted', async (t) => {
  const controller = new AbortController();
  const result = await executeLocalStreaming(
    fixture('sleep_forever.sh'),
    {},
    { signal: controller.signal, eventCallback: () => controller.abort() },
  );
  t.equal(result.status, 'interrupted');
  t.equal(result.eventCount, 1);
});

t.test('a callback that throws stops the module and rejects the call', async (t) => {
  await t.rejects(
    executeLocalStreaming(
      fixture('sleep_forever.sh'),
      {},
      {
        eventCallback: () => {
          throw new Error('callback bug');
        },
      },
    ),
    { message: 'callback bug' },
  );
});

t.test("a relative python is found from the run's cwd, for the probe as for the run", async (t) => {
  const folder = makeTempDir('python');
  mkdirSync(join(folder, 'bin'));
  symlinkSync(process.env.FTL2_TEST_PYTHON ?? '/usr/bin/python3', join(folder, 'bin', 'python3'));
  const result = await executeLocalStreaming(
    fixture('echo_args.py'),
    { a: 1 },
    { cwd: folder, python: './bin/python3' },
  );
  t.equal(result.status, 'ok', result.error ?? '');
});
