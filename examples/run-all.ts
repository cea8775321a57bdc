// `npm run example`: runs each example in its own process, in turn; fails if any fails.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const EXAMPLES = [
  '01-callback.js',
  '02-live-progress.js',
  '03-simple-display.js',
  '04-concurrent-tasks.js',
  '05-result-events.js',
];

for (const example of EXAMPLES) {
  console.log(`\n=== ${example}`);
  const path = fileURLToPath(new URL(example, import.meta.url));
  const run = spawnSync(process.execPath, [path], { stdio: 'inherit' });
  if (run.status === 0) continue;

  console.error(`${example} failed (${run.signal ?? `exit code ${run.status}`})`);
  process.exitCode = 1;
}
