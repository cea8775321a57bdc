import { PassThrough } from 'node:stream';
import t from 'tap';
import { NdjsonWriter } from '../../lib/ndjson.js';
import { RecordSchema } from '../../lib/protocol.js';

function capture(): { writer: NdjsonWriter; records: () => Record<string, unknown>[] } {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const writer = new NdjsonWriter(out);
  return {
    writer,
    records: () => {
      writer.flush();
      return text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line));
    },
  };
}

t.test('an event record is the envelope plus the event fields as sent', async (t) => {
  const { writer, records } = capture();
  const line = '{"event": "progress", "percent": 50.0, "nested": {"a": [1]}}';
  writer.onEvent(JSON.parse(line), line);
  const [record] = records();
  t.match(record, { type: 'event', seq: 0, event: 'progress', percent: 50, nested: { a: [1] } });
  t.ok(RecordSchema.safeParse(record).success);
});

t.test('event fields named type, seq or time never override the envelope', async (t) => {
  const { writer, records } = capture();
  const line = '{"event":"progress","type":"result","seq":99,"time":"yesterday","status":"ok"}';
  writer.onEvent(JSON.parse(line), line);
  const line2 = '{"event":"log"}';
  writer.onEvent(JSON.parse(line2), line2);
  const [first, second] = records();
  t.equal(first?.type, 'event');
  t.equal(first?.seq, 0);
  t.not(first?.time, 'yesterday');
  t.equal(first?.status, 'ok', 'other fields are kept');
  t.equal(second?.seq, 1);
});

t.test('stderr records carry the line and say when it was truncated', async (t) => {
  const { writer, records } = capture();
  writer.onStderr('plain "quoted" \\ text', false);
  writer.onStderr('cut', true);
  t.match(records(), [
    { type: 'stderr', seq: 0, line: 'plain "quoted" \\ text' },
    { type: 'stderr', seq: 1, line: 'cut', truncated: true },
  ]);
});
