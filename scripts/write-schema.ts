// Writes docs/schema/records.json from the zod schemas: `npm run schema`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../lib/paths.js';
import { buildRecordsJsonSchema } from '../lib/protocol.js';

const file = join(PACKAGE_ROOT, 'docs', 'schema', 'records.json');
writeFileSync(file, `${JSON.stringify(buildRecordsJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${file}\n`);
