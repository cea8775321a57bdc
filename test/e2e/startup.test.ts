// Startup: a run only runs the parts of ftl2 it needs. The --json path never starts the human
// view, zod, or render's code; a pipe never starts the live view or ora; render starts zod
// only to explain a bad record.
import t from 'tap';
import { runFtl2 } from '../helpers/cli.js';
import { runAndListModules } from '../helpers/ran.js';

const HUMAN = /^dist\/lib\/(human|simple-display|run-summary)\.js$/;
const LIVE = /^dist\/lib\/live-display\.js$/;
const ORA = /^node_modules\/ora\//;
const PROTOCOL = /^dist\/lib\/protocol\.js$/;
const RENDER = /^dist\/lib\/(render-command|github-renderer|record-reader)\.js$/;
const LIST_AND_DOC = /^dist\/lib\/(list-command|doc-command|module-walk|docstring)\.js$/;

function isAny(patterns: RegExp[]): (module: string) => boolean {
  return (module) => patterns.some((pattern) => pattern.test(module));
}

t.test('exec --json runs neither the human view, nor ora, nor zod, nor render', async (t) => {
  const { run, modules } = await runAndListModules(['exec', './no/such/module.py', '--json']);
  t.equal(run.code, 3, 'the module is missing, as planned');
  t.ok(modules.includes('dist/lib/ndjson.js'), 'the NDJSON writer ran');
  t.same(modules.filter(isAny([HUMAN, LIVE, ORA, PROTOCOL, RENDER, LIST_AND_DOC])), []);
});

t.test('exec on a pipe runs the plain view but not the live one or ora', async (t) => {
  const { modules } = await runAndListModules(['exec', './no/such/module.py']);
  t.ok(modules.includes('dist/lib/simple-display.js'), 'the plain view ran');
  t.same(modules.filter(isAny([LIVE, ORA])), []);
});

t.test('render of a valid stream on a pipe runs neither zod nor ora', async (t) => {
  const missing = await runFtl2(['exec', './no/such/module.py', '--json']);
  const { modules } = await runAndListModules(['render'], missing.stdout);
  t.ok(modules.includes('dist/lib/render-command.js'), 'render ran');
  t.same(modules.filter(isAny([PROTOCOL, ORA, LIVE])), []);
});

t.test('render explains a bad record with zod', async (t) => {
  const { run, modules } = await runAndListModules(['render'], '{"type":"start","seq":"zero"}\n');
  t.equal(run.code, 2);
  t.ok(modules.includes('dist/lib/protocol.js'), 'this check can see zod being used');
});
