import t from 'tap';
import { parseDocYaml } from '../../lib/doc-yaml.js';
import { NO_ANSIBLE, SYSTEM_PYTHON } from '../helpers/sandbox.js';

t.test('documentation YAML reads as PyYAML reads it', async (t) => {
  const cases: Array<[string, unknown]> = [
    ['yes', true],
    ['Off', false],
    ['y', 'y'],
    ['n', 'n'],
    ['2023-01-01', '2023-01-01'],
    ['08', '08'],
    ['012', 10],
    ['0x1F', 31],
    ['1_000', 1000],
    ['1:20', 80],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['6.8523015e+5', 685230.15],
    ['1e3', '1e3'],
    ['E1000', 'E1000'],
    ['.', '.'],
    ['~', null],
  ];
  for (const [text, expected] of cases) {
    t.same(await parseDocYaml(`value: ${text}\n`, undefined), { value: expected }, text);
  }

  t.same(await parseDocYaml('a: 1\na: 2\n', undefined), { a: 2 }, 'a repeated key is the last');
});

// PyYAML lets a quoted value go on left of where it began; the yaml package does not.
const LENIENT = 'description:\n  - "one line\n  and the next."\nx: 1\n';

t.test('what the yaml package rejects is read by PyYAML', { skip: NO_ANSIBLE }, async (t) => {
  t.same(await parseDocYaml(LENIENT, SYSTEM_PYTHON), {
    description: ['one line and the next.'],
    x: 1,
  });
  await t.rejects(parseDocYaml(LENIENT, undefined), /Missing closing "quote/);
});
