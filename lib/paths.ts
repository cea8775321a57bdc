import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of ftl2's package.json, whether running from lib/ or from the built dist/lib/. */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** Modules shipped with ftl2: the demo collection and the helpers. */
export const MODULES_DIR = join(PACKAGE_ROOT, 'modules');

/** The folder of the helpers modules can import (`ftl2_events`). */
export const HELPERS_DIR = join(MODULES_DIR, 'helpers');

function findPackageRoot(start: string): string {
  let folder = start;
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) return start;
    folder = parent;
  }

  return folder;
}
