// Where the demo modules that ship with ftl2 are: found through the installed package, so
// the examples work from a checkout and from any project that installs ftl2.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_ROOT = dirname(fileURLToPath(import.meta.resolve('ftl2/package.json')));
const DEMO_FOLDER = join(PACKAGE_ROOT, 'modules/ansible_collections/ftl2/examples/plugins/modules');

/** The path of a demo module in ftl2's modules/ folder, such as `step_counter`. */
export function demoModule(name: string): string {
  return join(DEMO_FOLDER, `${name}.py`);
}
