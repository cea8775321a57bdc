import t from 'tap';
import { LineSplitter } from '../../lib/lines.js';

function split(chunks: (string | Buffer)[], maxLength?: number): [string, boolean][] {
  const lines: [string, boolean][] = [];
  const splitter = new LineSplitter((line, truncated) => lines.push([line, truncated]), maxLength);
  for (const chunk of chunks) splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  splitter.end();
  return lines;
}

const cases: { name: string; chunks: (string | Buffer)[]; lines: string[] }[] = [
  { name: 'one line per newline', chunks: ['a\nb\n'], lines: ['a', 'b'] },
  {
    name: 'a line split across chunks is joined',
    chunks: ['he', 'll', 'o\nwor', 'ld\n'],
    lines: ['hello', 'world'],
  },
  { name: '\\r\\n is one line end', chunks: ['a\r\nb\r\n'], lines: ['a', 'b'] },
  {
    name: '\\r\\n split across chunks is one line end',
    chunks: ['a\r', '\nb\n'],
    lines: ['a', 'b'],
  },
  { name: 'a lone \\r stays in the line', chunks: ['50%\r60%\n'], lines: ['50%\r60%'] },
  { name: 'a last line without newline still counts', chunks: ['a\nlast'], lines: ['a', 'last'] },
  { name: 'empty lines are lines', chunks: ['\n\nx\n'], lines: ['', '', 'x'] },
  { name: 'no bytes, no lines', chunks: [], lines: [] },
];

for (const testCase of cases) {
  t.test(testCase.name, async (t) => {
    t.same(
      split(testCase.chunks).map(([line]) => line),
      testCase.lines,
    );
  });
}

t.test('a multi-byte character split across chunks survives', async (t) => {
  const bytes = Buffer.from('né→😀\n');
  const chunks = [...bytes].map((byte) => Buffer.from([byte]));
  t.same(split(chunks), [['né→😀', false]]);
});

t.test('invalid UTF-8 becomes U+FFFD and does not stop the stream', async (t) => {
  t.same(split([Buffer.from([0x61, 0xff, 0x62, 0x0a, 0x63, 0x0a])]), [
    ['a\ufffdb', false],
    ['c', false],
  ]);
});

t.test('a line over the limit is cut, marked truncated, and the next line is intact', async (t) => {
  const lines = split(['x'.repeat(10), 'y'.repeat(10), '\nnext\n'], 8);
  t.same(lines, [
    ['xxxxxxxx', true],
    ['next', false],
  ]);
});

t.test('a line of exactly the limit is not truncated', async (t) => {
  t.same(split(['12345678\r\n'], 8), [['12345678', false]]);
  t.same(split(['1234', '5678', '\n'], 8), [['12345678', false]]);
});

t.test('an endless line keeps memory bounded: only the first part is kept', async (t) => {
  const lines: [string, boolean][] = [];
  const splitter = new LineSplitter((line, truncated) => lines.push([line, truncated]), 1000);
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  for (let index = 0; index < 200; index++) splitter.push(chunk);
  splitter.push(Buffer.from('\n{"event":"log"}\n'));
  splitter.end();
  t.equal(lines.length, 2);
  t.same(lines[0], ['a'.repeat(1000), true]);
  t.same(lines[1], ['{"event":"log"}', false]);
});
