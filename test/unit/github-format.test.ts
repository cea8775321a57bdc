import fc from 'fast-check';
import t from 'tap';
import {
  escapeData,
  escapeProperty,
  formatCommand,
  neutralizeCommands,
  neutralizeJson,
  toCommandText,
} from '../../lib/github-format.js';

const dataCases: [string, string][] = [
  ['plain text', 'plain text'],
  ['100%', '100%25'],
  ['%0A is not a newline', '%250A is not a newline'],
  ['one\ntwo', 'one%0Atwo'],
  ['one\r\ntwo', 'one%0D%0Atwo'],
  ['a: b, c', 'a: b, c'],
];

t.test('a message escapes %, CR and LF, and nothing else', async (t) => {
  for (const [text, escaped] of dataCases) t.equal(escapeData(text), escaped, text);
});

const propertyCases: [string, string][] = [
  ['plain', 'plain'],
  ['a: b, c', 'a%3A b%2C c'],
  ['50%\r\n', '50%25%0D%0A'],
  ['::error::', '%3A%3Aerror%3A%3A'],
];

t.test('a property escapes %, CR and LF, and : and , too', async (t) => {
  for (const [text, escaped] of propertyCases) t.equal(escapeProperty(text), escaped, text);
});

t.test('a command line: name, escaped properties, escaped message, newline', async (t) => {
  t.equal(formatCommand('endgroup', ''), '::endgroup::\n');
  t.equal(formatCommand('group', 'db: 100%'), '::group::db: 100%25\n');
  t.equal(
    formatCommand('error', 'it broke:\nbadly', { title: 'mod, failed', file: '' }),
    '::error title=mod%2C failed::it broke:%0Abadly\n',
    'an empty property is left out',
  );
  t.equal(
    formatCommand('warning', 'x', { title: 'a', line: '3' }),
    '::warning title=a,line=3::x\n',
  );
});

t.test('text for a command keeps line ends and drops escapes and other controls', async (t) => {
  t.equal(toCommandText('\u001B[31mred\u001B[39m\tand\u0007\r\nmore'), 'red and \r\nmore');
});

const neutralCases: [string, string][] = [
  ['::error::boom', '::\\error::boom'],
  ['  ::warning title=x::boom', '  ::\\warning title=x::boom'],
  ['\u001c\u0085::add-mask::secret', '\u001c\u0085::\\add-mask::secret'],
  ['text ::error::boom', 'text ::error::boom'],
  ['[INFO] ##[error]boom', '[INFO] ##[\\error]boom'],
  ['ok\n::stop-commands::x\nok', 'ok\n::\\stop-commands::x\nok'],
  ['nothing to see', 'nothing to see'],
];

t.test('text lines that would start a command are changed so that they name none', async (t) => {
  for (const [text, neutral] of neutralCases) t.equal(neutralizeCommands(text), neutral, text);
});

t.test('JSON for the log keeps its value and loses its ##[', async (t) => {
  const output = `${JSON.stringify({ note: '##[error]x', list: ['##[warning]'] }, null, 2)}\n`;
  const neutral = neutralizeJson(output);
  t.notMatch(neutral, /##\[/);
  t.same(JSON.parse(neutral), JSON.parse(output));
});

// The commands the runner knows, and how it finds them in a line (actions/runner,
// ActionCommand.TryParseV2 and TryParse, which ActionCommandManager tries in turn).
const RUNNER_COMMANDS = new Set([
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning',
]);

// .NET's char.IsWhiteSpace: JavaScript's white space without U+FEFF, plus U+001C-U+001F, U+0085.
function isDotnetSpace(character: string): boolean {
  if (character >= '\u001c' && character <= '\u001f') return true;

  return character === '\u0085' || (character !== '\ufeff' && /\s/u.test(character));
}

function isRunnerCommand(line: string): boolean {
  let start = 0;
  while (start < line.length && isDotnetSpace(line[start] as string)) start += 1;
  const trimmed = line.slice(start);
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2);
    const name = end < 0 ? undefined : trimmed.slice(2, end).split(' ')[0];
    if (name !== undefined && RUNNER_COMMANDS.has(name)) return true;
  }

  const prefix = line.indexOf('##[');
  const end = prefix < 0 ? -1 : line.indexOf(']', prefix);
  if (end < 0) return false;

  return RUNNER_COMMANDS.has(line.slice(prefix + 3, end).split(' ')[0] as string);
}

const commandish = fc
  .array(
    fc.oneof(
      fc.constantFrom('::', '##[', ']', ' ', '\t', '\u0085', ',', '=', 'x', '\n', '\r'),
      fc.constantFrom(...RUNNER_COMMANDS),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

t.test('no neutralized line is a command the runner would run', async (t) => {
  t.ok(isRunnerCommand('::error::x') && isRunnerCommand('a ##[warning]b'), 'the oracle works');
  fc.assert(
    fc.property(commandish, (text) =>
      neutralizeCommands(text)
        .split(/\r\n|\r|\n/)
        .every((line) => !isRunnerCommand(line)),
    ),
    { numRuns: 5000 },
  );
});

t.test('a command after a lone carriage return is neutralised too', async (t) => {
  for (const text of ['ok\r::add-mask::secret', 'a\r\n::warning::b', '\r::error::c\rd']) {
    const pieces = neutralizeCommands(text).split(/\r\n|\r|\n/);
    t.notOk(pieces.some(isRunnerCommand), JSON.stringify(text));
  }
});
