// Temporary folders for a test file, removed when its process ends, however the tests went.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];
process.on('exit', () => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});

/** A new empty folder under the system's temporary folder. */
export function makeTempDir(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), `ftl2-${prefix}-`));
  made.push(folder);
  return folder;
}
