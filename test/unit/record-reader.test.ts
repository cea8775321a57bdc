import { Readable } from 'node:stream';
import fc from 'fast-check';
import t from 'tap';
import { RecordSchema } from '../../lib/protocol.js';
import {
  explainBadLine,
  isRecord,
  parseRecordLine,
  RecordError,
  readRecords,
} from '../../lib/record-reader.js';

const TIME = '2026-12-03T19:04:37.270Z';

const VALID_RECORDS: Record<string, unknown>[] = [
  {
    type: 'start',
    seq: 0,
    time: TIME,
    schema: 'ftl2/1',
    module: 'mod.py',
    fqcn: null,
    path: '/m/mod.py',
    pid: 12,
    params: ['steps'],
  },
  { type: 'event', seq: 1, time: TIME, event: 'progress', percent: 50, extra: { a: [1] } },
  { type: 'stderr', seq: 2, time: TIME, line: 'plain' },
  { type: 'stderr', seq: 3, time: TIME, line: 'cut', truncated: true },
  {
    type: 'result',
    seq: 4,
    time: TIME,
    status: 'interrupted',
    success: false,
    changed: false,
    rc: null,
    signal: 'SIGTERM',
    output: null,
    error: 'interrupted by SIGINT',
    warnings: [],
    duration_ms: 12.5,
    events: 1,
    exit_code: 130,
  },
];

function toStream(text: string, chunkSize: number): Readable {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += chunkSize) {
    chunks.push(bytes.subarray(start, start + chunkSize));
  }
  return Readable.from(chunks);
}

async function collect(text: string, chunkSize = 7): Promise<[unknown, number][]> {
  const seen: [unknown, number][] = [];
  await readRecords(toStream(text, chunkSize), (record, lineNumber) => {
    seen.push([record, lineNumber]);
  });
  return seen;
}

t.test('records come out in order whatever the chunks; blank lines are skipped', async (t) => {
  const lines = VALID_RECORDS.map((record) => JSON.stringify(record));
  const text = `${lines[0]}\r\n\n${lines.slice(1).join('\n')}`;
  for (const chunkSize of [1, 3, 64, 100_000]) {
    const seen = await collect(text, chunkSize);
    t.same(
      seen.map(([, lineNumber]) => lineNumber),
      [1, 3, 4, 5, 6],
      'line numbers count blank lines',
    );
    t.same(
      seen.map(([record]) => record),
      VALID_RECORDS,
    );
  }
});

t.test('a handler that returns a promise holds the next record back', async (t) => {
  const order: string[] = [];
  const text = VALID_RECORDS.slice(0, 2)
    .map((record) => `${JSON.stringify(record)}\n`)
    .join('');
  await readRecords(toStream(text, 1000), async (record) => {
    order.push(`begin ${record.type}`);
    await new Promise((resolve) => setImmediate(resolve));
    order.push(`end ${record.type}`);
  });
  t.same(order, ['begin start', 'end start', 'begin event', 'end event']);
});

const badLines: [string, RegExp][] = [
  ['hello', /^is not JSON \(/],
  ['{"type":"event"', /^is not JSON \(/],
  ['[1,2]', /^is not an ftl2 record: a JSON array$/],
  ['null', /^is not an ftl2 record: a JSON null$/],
  ['"text"', /^is not an ftl2 record: a JSON string$/],
  [`{"type":"event","seq":1,"time":"${TIME}"}`, /^is not an ftl2 record: event: /],
  [`{"type":"party","seq":1,"time":"${TIME}"}`, /^is not an ftl2 record: type: /],
];

t.test('a bad line stops the reading with its number and what is wrong', async (t) => {
  for (const [line, problem] of badLines) {
    const [start, event] = VALID_RECORDS.map((record) => JSON.stringify(record));
    const text = `${start}\n\n${line}\n${event}\n`;
    const seen: string[] = [];
    const reading = readRecords(toStream(text, 5), (record) => {
      seen.push(record.type);
    });
    const error = await reading.then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    t.type(error, RecordError, line);
    t.equal((error as RecordError).lineNumber, 3, line);
    t.match((error as RecordError).message, `line 3 ${await explainBadLine(line)}`);
    t.match(await explainBadLine(line), problem, line);
    t.same(seen, ['start'], 'the records before it were handed on');
  }
});

t.test('a line past 64 MiB is an error, not a memory spike', async (t) => {
  const mebibyte = Buffer.alloc(1024 * 1024, 'a');
  const input = Readable.from(Array.from({ length: 65 }, () => mebibyte));
  await t.rejects(
    readRecords(input, () => undefined),
    { name: 'RecordError', message: 'line 1 is longer than 64 MiB' },
  );
});

// A mutation of a valid record: one field set to a value of some other type, or removed.
const mutation = fc.record({
  record: fc.constantFrom(...VALID_RECORDS),
  field: fc.constantFrom(
    'type',
    'seq',
    'time',
    'schema',
    'module',
    'fqcn',
    'pid',
    'params',
    'event',
    'line',
    'truncated',
    'status',
    'success',
    'rc',
    'signal',
    'output',
    'warnings',
    'duration_ms',
    'events',
    'exit_code',
  ),
  value: fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -3, max: 300 }),
    fc.double(),
    fc.constantFrom('', 'ok', 'start', 'ftl2/1', TIME),
    fc.constant([1]),
    fc.constant(['a']),
    fc.constant({}),
  ),
});

t.test('whatever the cheap check rejects, zod rejects too, so it can say why', async (t) => {
  for (const record of VALID_RECORDS) {
    t.ok(isRecord(record), `a ${record.type} record passes the cheap check`);
    t.ok(RecordSchema.safeParse(record).success, 'and zod');
    t.same(parseRecordLine(JSON.stringify(record)), record);
  }

  fc.assert(
    fc.property(mutation, ({ record, field, value }) => {
      const changed: Record<string, unknown> = { ...record, [field]: value };
      if (value === undefined) delete changed[field];
      return isRecord(changed) || !RecordSchema.safeParse(changed).success;
    }),
    { numRuns: 3000 },
  );
});
