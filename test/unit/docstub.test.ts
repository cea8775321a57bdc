import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { readShortDescription } from '../../lib/docstub.js';
import { parseStubScalar } from '../../lib/docstub-scalar.js';

const folder = mkdtempSync(join(tmpdir(), 'ftl2-docstub-'));
t.teardown(() => rmSync(folder, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

t.test('the scalar forms modules use read as PyYAML reads them', async (t) => {
  const cases: Array<[string, string, string | null]> = [
    ['plain', ' Manage files', 'Manage files'],
    ['plain over lines', ' Manage\n    files and\n    folders', 'Manage files and folders'],
    ['plain with a comment', ' Manage files # not this', 'Manage files'],
    ['a # inside a word stays', ' Use C#', 'Use C#'],
    ['single quotes', " 'It''s here: yes'", "It's here: yes"],
    ['double quotes with escapes', ' "Say \\"hi\\"\\tnow \\u00e9"', 'Say "hi"\tnow é'],
    ['quotes over lines', " 'one\n    two'", 'one two'],
    ['folded block', ' >\n    one\n    two', 'one two'],
    ['literal block', ' |\n    one\n    two', 'one\ntwo'],
    ['nothing', '   ', null],
  ];
  for (const [name, raw, expected] of cases) t.equal(parseStubScalar(raw), expected, name);
});

t.test('the description is found after DOCUMENTATION, continuation lines included', async (t) => {
  const module = [
    '# short_description: not in a comment before DOCUMENTATION',
    "DOCUMENTATION = r'''",
    'module: x',
    'short_description: Do a thing',
    '  over two lines.',
    'description: more',
    "'''",
  ].join('\n');
  t.equal(readShortDescription(write('x.py', module)), 'Do a thing over two lines');
  t.equal(
    readShortDescription(write('crlf.py', module.replaceAll('\n', '\r\n'))),
    'Do a thing over two lines',
  );
  t.equal(readShortDescription(write('none.py', 'print(1)\n')), null);
  t.equal(readShortDescription(join(folder, 'missing.py')), null);
});

t.test('a description past the first 8 KB is found in the rest of the file', async (t) => {
  const padding = `# ${'x'.repeat(100)}\n`.repeat(100);
  const text = `${padding}DOCUMENTATION = '''\nshort_description: Far down\n'''\n`;
  t.equal(readShortDescription(write('far.py', text)), 'Far down');

  const cut = `DOCUMENTATION = '''\n${padding.replaceAll('#', ' ')}short_description: After\n'''`;
  t.equal(readShortDescription(write('cut.py', cut)), 'After');
});

t.test('a module in another language is described by its sidecar', async (t) => {
  write('tool.yml', 'DOCUMENTATION:\n  short_description: From the sidecar\n');
  t.equal(readShortDescription(write('tool.sh', '#!/bin/sh\n')), 'From the sidecar');
  write('win.py', "DOCUMENTATION = '''\nshort_description: From the .py\n'''\n");
  t.equal(readShortDescription(write('win.ps1', '# powershell\n')), 'From the .py');
});
