// The promises every `--json` stream keeps, checked in one place.
import type { Test } from 'tap';
import { RecordSchema } from '../../lib/protocol.js';
import { type JsonRecord, parseRecords } from './cli.js';

/** Parses stdout and asserts: every line a valid record, one start first, one result last,
 * seq unbroken from 0. Returns the records. */
export function checkStream(t: Test, stdout: string): JsonRecord[] {
  const records = parseRecords(stdout);
  const invalid = records.filter((record) => !RecordSchema.safeParse(record).success);
  t.same(invalid, [], 'every record matches the schema');
  t.equal(records[0]?.type, 'start', 'the first record is start');
  t.equal(records.at(-1)?.type, 'result', 'the last record is result');
  t.equal(records.filter((record) => record.type === 'start').length, 1, 'one start');
  t.equal(records.filter((record) => record.type === 'result').length, 1, 'one result');
  t.ok(
    records.every((record, index) => record.seq === index),
    'seq runs 0, 1, 2, ... without a gap',
  );
  return records;
}

export function resultOf(records: JsonRecord[]): JsonRecord {
  return records.at(-1) as JsonRecord;
}
