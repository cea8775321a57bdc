import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { buildRecordsJsonSchema } from '../../lib/protocol.js';
import { ROOT } from '../helpers/cli.js';

t.test(
  'docs/schema/records.json is what the zod schemas generate (run npm run schema)',
  async (t) => {
    const committed = JSON.parse(
      readFileSync(join(ROOT, 'docs', 'schema', 'records.json'), 'utf8'),
    );
    t.same(committed, buildRecordsJsonSchema());
  },
);
