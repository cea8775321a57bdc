// Bundles the command line into dist/cli/, so that starting ftl2 reads a few files instead of
// resolving dozens of modules. Parts loaded lazily (the human view, zod, YAML) stay in their
// own chunks and cost nothing until a run needs them. The library keeps dist/lib/ as built.

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { PACKAGE_ROOT } from '../lib/paths.js';

const outdir = join(PACKAGE_ROOT, 'dist', 'cli');
// Chunk names carry a hash; chunks of earlier builds would pile up.
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: { ftl2: join(PACKAGE_ROOT, 'dist', 'lib', 'main.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Packages loaded only when a run needs them stay where npm put them, imported as Node
  // imports them; commander, which every run needs, is bundled.
  external: ['ora', 'signal-exit', 'yaml', 'zod'],
  // Bundled CommonJS packages (commander) call require() for Node's own modules.
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
});
