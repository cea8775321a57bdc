// Property tests: any bytes, cut anywhere, never throw, and every event line comes out once.
import fc from 'fast-check';
import t from 'tap';
import { parseEventLine } from '../../lib/events.js';
import { LineSplitter } from '../../lib/lines.js';

const eventLine = fc
  .record({
    event: fc.constantFrom('progress', 'log', 'data', 'custom'),
    message: fc.string(),
    percent: fc.integer({ min: 0, max: 100 }),
  })
  .map((event) => ({ kind: 'event' as const, text: JSON.stringify(event) }));

// Text that is not an event: anything without a newline that does not parse as one.
const noise = fc
  .oneof(
    fc.string(),
    fc.constantFrom('{', '}', '{"event":', '[]', '{"event":1}', '\r', 'é', '\u{1F600}'),
  )
  .map((text) => text.replaceAll('\n', ' '))
  .filter((text) => parseEventLine(text.replace(/\r$/, '')) === undefined)
  .map((text) => ({ kind: 'noise' as const, text }));

const endings = fc.constantFrom('\n', '\r\n');

function cutAt(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let start = 0;
  for (const point of points) {
    chunks.push(bytes.subarray(start, point));
    start = point;
  }
  chunks.push(bytes.subarray(start));
  return chunks;
}

t.test('every event line in a stream cut anywhere comes out exactly once, in order', async (t) => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.oneof(eventLine, noise), endings), { maxLength: 30 }),
      fc.array(fc.nat(), { maxLength: 20 }),
      fc.boolean(),
      (lines, cuts, dropLastEnding) => {
        const parts = lines.map(([line, ending], index) =>
          dropLastEnding && index === lines.length - 1 ? line.text : line.text + ending,
        );
        const bytes = Buffer.from(parts.join(''));
        const seen: string[] = [];
        const splitter = new LineSplitter((line) => {
          if (parseEventLine(line) !== undefined) seen.push(line);
        });
        for (const chunk of cutAt(bytes, cuts)) splitter.push(chunk);
        splitter.end();
        const expected = lines.filter(([line]) => line.kind === 'event').map(([line]) => line.text);
        return JSON.stringify(seen) === JSON.stringify(expected);
      },
    ),
    { numRuns: 2000 },
  );
  t.pass('no counterexample');
});

t.test('arbitrary bytes cut at arbitrary points never throw', async (t) => {
  fc.assert(
    fc.property(
      fc.uint8Array({ maxLength: 2000 }),
      fc.array(fc.nat(), { maxLength: 30 }),
      fc.integer({ min: 1, max: 64 }),
      (raw, cuts, maxLength) => {
        const lines: string[] = [];
        const splitter = new LineSplitter((line, truncated) => {
          if (line.length > maxLength) throw new Error('a line longer than the limit');
          if (!truncated) parseEventLine(line);
          lines.push(line);
        }, maxLength);
        for (const chunk of cutAt(Buffer.from(raw), cuts)) splitter.push(chunk);
        splitter.end();
        return true;
      },
    ),
    { numRuns: 2000 },
  );
  t.pass('no exception');
});

t.test('the same bytes give the same lines however they are cut', async (t) => {
  fc.assert(
    fc.property(
      fc.uint8Array({ maxLength: 500 }),
      fc.array(fc.nat(), { maxLength: 30 }),
      (raw, cuts) => {
        const collect = (chunks: Buffer[]): string[] => {
          const lines: string[] = [];
          const splitter = new LineSplitter(
            (line, truncated) => lines.push(`${truncated}:${line}`),
            50,
          );
          for (const chunk of chunks) splitter.push(chunk);
          splitter.end();
          return lines;
        };
        const whole = collect([Buffer.from(raw)]);
        return JSON.stringify(collect(cutAt(Buffer.from(raw), cuts))) === JSON.stringify(whole);
      },
    ),
    { numRuns: 2000 },
  );
  t.pass('cut-independent');
});
