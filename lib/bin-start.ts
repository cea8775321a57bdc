// The entry point of dist/cli/start.cjs, which bin/ftl2 runs: the bundle beside it, from the
// code cache (start.ts).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBundle } from './start.js';

startBundle(join(dirname(fileURLToPath(import.meta.url)), 'ftl2.cjs'));
