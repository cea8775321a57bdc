import t from 'tap';
import { decideOutcome, type ExitFacts, parseModuleStdout } from '../../lib/result.js';

t.test('stdout is read as Ansible reads it', async (t) => {
  t.same(parseModuleStdout('{"changed": true}\n'), {
    output: { changed: true },
    problem: undefined,
    warnings: [],
  });

  const junky = parseModuleStdout('starting up\n{"a":\n 1}\nbye\n');
  t.same(junky.output, { a: 1 });
  t.match(junky.warnings, [/before its JSON result: starting up/, /after its JSON result: bye/]);
});

const problems: [string, RegExp][] = [
  ['', /printed nothing/],
  ['   \n', /printed nothing/],
  ['hello', /no JSON object/],
  ['[1, 2]', /an array as JSON/],
  ['"text"', /a string as JSON/],
  ['{"a": }', /not valid JSON/],
];

t.test('stdout without a JSON object says why', async (t) => {
  for (const [stdout, problem] of problems) {
    const parsed = parseModuleStdout(stdout);
    t.equal(parsed.output, null, JSON.stringify(stdout));
    t.match(parsed.problem, problem);
  }
});

const base: ExitFacts = {
  output: { changed: false },
  problem: undefined,
  exitCode: 0,
  signal: null,
  timedOutAfter: undefined,
  interruptedBy: undefined,
  lastStderrLine: undefined,
};

const outcomes: [string, Partial<ExitFacts>, string, string | RegExp | null][] = [
  ['success', {}, 'ok', null],
  [
    'failed: true with a msg',
    { output: { failed: true, msg: 'boom' }, exitCode: 1 },
    'failed',
    'boom',
  ],
  ['failed: true with exit 0', { output: { failed: true } }, 'failed', /failed: true/],
  ['a JSON result with a non-zero exit', { exitCode: 2 }, 'failed', 'exited with code 2'],
  [
    'a crash with no JSON',
    {
      output: null,
      problem: 'printed nothing on stdout',
      exitCode: 1,
      lastStderrLine: 'Traceback',
    },
    'failed',
    'exited with code 1 and printed nothing on stdout: Traceback',
  ],
  [
    'exit 0 with no JSON',
    { output: null, problem: 'printed nothing on stdout' },
    'invalid_output',
    /nothing/,
  ],
  ['killed by a signal', { output: null, exitCode: null, signal: 'SIGKILL' }, 'failed', /SIGKILL/],
  [
    'a timeout beats everything after it',
    { timedOutAfter: 2, exitCode: null, signal: 'SIGTERM' },
    'timeout',
    'timed out after 2 s',
  ],
  [
    'an interrupt beats a timeout',
    { interruptedBy: 'SIGINT', timedOutAfter: 2 },
    'interrupted',
    'interrupted by SIGINT',
  ],
];

t.test('the outcome of a run is decided in a fixed order', async (t) => {
  for (const [name, facts, status, error] of outcomes) {
    const outcome = decideOutcome({ ...base, ...facts });
    t.equal(outcome.status, status, name);
    if (error === null || typeof error === 'string') t.equal(outcome.error, error, name);
    else t.match(outcome.error, error, name);
  }
});
