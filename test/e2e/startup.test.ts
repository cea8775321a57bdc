// Startup: the --json path never loads the human view, and a pipe never loads ora.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { FTL2, fixturePath, runNode } from '../helpers/cli.js';

async function listImports(args: string[]): Promise<string[]> {
  const log = join(mkdtempSync(join(tmpdir(), 'ftl2-imports-')), 'imports.log');
  const run = await runNode(['--import', fixturePath('record-imports.mjs'), FTL2, ...args], {
    env: { FTL2_IMPORT_LOG: log },
  });
  t.equal(run.code, 3, 'the module is missing, as planned');
  return readFileSync(log, 'utf8').trimEnd().split('\n');
}

const HUMAN_VIEW = /\/(human|live-display|simple-display|run-summary)\.js$|\/node_modules\/ora\//;

t.test('exec --json loads neither the human view nor ora', async (t) => {
  const imports = await listImports(['exec', './no/such/module.py', '--json']);
  t.ok(
    imports.some((url) => url.endsWith('/ndjson.js')),
    'the NDJSON writer is loaded',
  );
  t.same(
    imports.filter((url) => HUMAN_VIEW.test(url)),
    [],
  );
});

t.test('exec on a pipe loads the plain view but not ora', async (t) => {
  const imports = await listImports(['exec', './no/such/module.py']);
  t.ok(imports.some((url) => url.endsWith('/simple-display.js')));
  t.same(
    imports.filter((url) => /live-display\.js$|\/node_modules\/ora\//.test(url)),
    [],
  );
});
