// Startup: the --json path never loads the human view, zod or render's code, a pipe never
// loads ora, and render loads zod only to explain a bad record.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { CLI_BUNDLE, fixturePath, runFtl2, runNode } from '../helpers/cli.js';

async function listImports(args: string[], input?: string): Promise<string[]> {
  const log = join(mkdtempSync(join(tmpdir(), 'ftl2-imports-')), 'imports.log');
  const run = await runNode(['--import', fixturePath('record-imports.mjs'), CLI_BUNDLE, ...args], {
    env: { FTL2_IMPORT_LOG: log },
    input,
  });
  t.equal(run.code, 3, 'the module is missing, as planned');
  return readFileSync(log, 'utf8').trimEnd().split('\n');
}

// The bundle in dist/cli/ keeps each lazily loaded part in a chunk named after its entry file,
// with a hash: human-XXXX.js holds the plain view, live-display-XXXX.js the live one.
const chunk = (name: string): RegExp => new RegExp(`/dist/cli/${name}-[A-Z0-9]+\\.js$`);
const ORA = /\/node_modules\/ora\//;
const ZOD = /\/node_modules\/zod\//;
const RENDER_CHUNKS = [chunk('render-command'), chunk('github-renderer')];

t.test('exec --json loads neither the human view, nor ora, nor zod, nor render', async (t) => {
  const imports = await listImports(['exec', './no/such/module.py', '--json']);
  t.ok(
    imports.some((url) => url.endsWith('/dist/cli/ftl2.js')),
    'the bundled command line is what runs',
  );
  t.same(
    imports.filter((url) =>
      [chunk('human'), chunk('live-display'), ORA, ZOD, ...RENDER_CHUNKS].some((re) =>
        re.test(url),
      ),
    ),
    [],
  );
});

t.test('exec on a pipe loads the plain view but not the live one or ora', async (t) => {
  const imports = await listImports(['exec', './no/such/module.py']);
  t.ok(imports.some((url) => chunk('human').test(url)));
  t.same(
    imports.filter((url) => chunk('live-display').test(url) || ORA.test(url)),
    [],
  );
});

t.test('render of a valid stream on a pipe loads neither zod nor ora', async (t) => {
  const missing = await runFtl2(['exec', './no/such/module.py', '--json']);
  const imports = await listImports(['render'], missing.stdout);
  t.ok(imports.some((url) => chunk('render-command').test(url)));
  t.same(
    imports.filter((url) => ZOD.test(url) || ORA.test(url)),
    [],
  );
});
