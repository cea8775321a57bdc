import fc from 'fast-check';
import t from 'tap';
import { isProgressEvent, isWellFormed, parseEventLine } from '../../lib/events.js';
import {
  DataEventSchema,
  describeEventProblem,
  LogEventSchema,
  ProgressEventSchema,
} from '../../lib/protocol.js';

const eventLines: [string, unknown][] = [
  ['{"event":"progress","percent":50}', { event: 'progress', percent: 50 }],
  ['  {"event":"custom","x":[1]}  ', { event: 'custom', x: [1] }],
  ['{"event":"log","level":"info","message":"hi"}', { event: 'log', level: 'info', message: 'hi' }],
];

const plainLines = [
  'plain text',
  '',
  '{"no_event":true}',
  '{"event":5}',
  '{"event":null}',
  '["event","progress"]',
  '"event"',
  '{"event":"progress"',
  '{"event":"progress"} trailing',
  'null',
];

t.test('lines that are JSON objects with a string event are events', async (t) => {
  for (const [line, event] of eventLines) t.same(parseEventLine(line), event, line);
});

t.test('every other line is plain stderr text', async (t) => {
  for (const line of plainLines) t.equal(parseEventLine(line), undefined, line);
});

t.test('well-formed events pass the cheap check; wrong field types do not', async (t) => {
  t.ok(isWellFormed({ event: 'progress', percent: 10, current: 1, total: 10, message: 'x' }));
  t.ok(isWellFormed({ event: 'anything', percent: 'not checked' }));
  t.notOk(isWellFormed({ event: 'progress', percent: '50' }));
  t.notOk(isWellFormed({ event: 'progress', percent: 101 }));
  t.notOk(isWellFormed({ event: 'progress', total: -1 }));
  t.notOk(isWellFormed({ event: 'log', level: 'loud' }));
  t.notOk(isWellFormed({ event: 'data', data: 5 }));
  t.notOk(isProgressEvent({ event: 'progress', message: 7 }));
});

t.test('zod explains a malformed event in one line', async (t) => {
  t.match(describeEventProblem({ event: 'progress', percent: '50' }), /^percent: /);
  t.equal(describeEventProblem({ event: 'progress', percent: 50 }), undefined);
  t.equal(describeEventProblem({ event: 'custom', percent: '50' }), undefined);
});

const schemas = { progress: ProgressEventSchema, log: LogEventSchema, data: DataEventSchema };
const fieldValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.double(),
  fc.integer({ min: -5, max: 200 }),
  fc.string(),
  fc.constantFrom('debug', 'info', 'warning', 'error', 'stdout'),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 2 }),
);

t.test('the cheap check accepts exactly what the zod schemas accept', async (t) => {
  fc.assert(
    fc.property(
      fc.constantFrom('progress', 'log', 'data'),
      fc.record(
        {
          percent: fieldValue,
          message: fieldValue,
          current: fieldValue,
          total: fieldValue,
          task_id: fieldValue,
          timestamp: fieldValue,
          level: fieldValue,
          stream: fieldValue,
          data: fieldValue,
        },
        { requiredKeys: [] },
      ),
      (kind, fields) => {
        const event = JSON.parse(JSON.stringify({ ...fields, event: kind }));
        return isWellFormed(event) === schemas[kind].safeParse(event).success;
      },
    ),
    { numRuns: 3000 },
  );
  t.pass('no counterexample');
});
