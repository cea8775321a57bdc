import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import t from 'tap';
import { findStringAssignments } from '../../lib/docstring.js';
import { NO_ANSIBLE, SYSTEM_PYTHON } from '../helpers/sandbox.js';

function readTopLevel(source: string): Record<string, string> {
  const found = findStringAssignments(source).filter((item) => item.className === null);
  return Object.fromEntries(found.map((item) => [item.name, item.value]));
}

t.test('string literals of every kind are read as Python reads them', async (t) => {
  const cases: Array<[string, string, Record<string, string>]> = [
    ['triple quotes, raw', "A = r'''a\\nb'''\n", { A: 'a\\nb' }],
    ['triple double quotes', 'A = """x "y" \'z\'"""\n', { A: 'x "y" \'z\'' }],
    ['escapes', "A = 'a\\tb\\x41\\u00e9\\101\\\\\\''\n", { A: "a\tbAéA\\'" }],
    ['an unknown escape is kept', "A = '\\d'\n", { A: '\\d' }],
    ['a raw string keeps an escaped quote', "A = r'it\\'s'\n", { A: "it\\'s" }],
    ['a backslash-newline inside', "A = '''one \\\ntwo'''\n", { A: 'one two' }],
    [
      'implicit joining in brackets',
      "A = ('one'\n     \"two\"  # note\n     r'\\3')\n",
      {
        A: 'onetwo\\3',
      },
    ],
    ['a line continuation', "A = \\\n  'x'\n", { A: 'x' }],
    ['chained targets', "A = B = 'same'\n", { A: 'same', B: 'same' }],
    ['u and b prefixes', "A = u'text'\nB = b'by\\x41'\n", { A: 'text', B: 'byA' }],
    ['CRLF line ends', "A = '''x\r\ny'''\r\nB = 'z'\r\n", { A: 'x\ny', B: 'z' }],
    ['an f-string is not a constant', "A = f'{x}'\nB = 'ok'\n", { B: 'ok' }],
    ['an expression is not a constant', "A = 'x' + y\nB = 'x' % 1\n", {}],
    ['strings in comments are nothing', "# A = 'no'\nB = 'yes'  # C = 'no'\n", { B: 'yes' }],
    ['indented assignments are not top level', "if x:\n    A = 'no'\ndef f():\n  B = 'no'\n", {}],
    [
      'a quote inside another string',
      'A = "it\'s"\nB = \'say "hi"\'\n',
      {
        A: "it's",
        B: 'say "hi"',
      },
    ],
  ];
  for (const [name, source, expected] of cases) t.same(readTopLevel(source), expected, name);
});

t.test('class attributes are read with their class, nested ones left out', async (t) => {
  const source = [
    'class ModuleDocFragment(object):',
    '    # a comment',
    "    DOCUMENTATION = r'''doc'''",
    '',
    "    OTHER = 'other'",
    '    def method(self):',
    "        INNER = 'no'",
    "TOP = 'top'",
  ].join('\n');
  t.same(findStringAssignments(source), [
    { name: 'DOCUMENTATION', value: 'doc', className: 'ModuleDocFragment' },
    { name: 'OTHER', value: 'other', className: 'ModuleDocFragment' },
    { name: 'TOP', value: 'top', className: null },
  ]);
});

const REAL_FILES = [
  'ansible/modules/ping.py',
  'ansible/modules/copy.py',
  'ansible/modules/file.py',
  'ansible/modules/lineinfile.py',
  'ansible/modules/setup.py',
  'ansible/modules/command.py',
  'ansible/plugins/doc_fragments/files.py',
  'ansible_collections/community/general/plugins/modules/ini_file.py',
].map((path) => `/usr/lib/python3/dist-packages/${path}`);

// What Python's own parser reads, for the same names.
const AST_SCRIPT = `
import ast, json, sys
result = {}
for path in sys.argv[1:]:
    found = {}
    try:
        tree = ast.parse(open(path, 'rb').read())
    except OSError:
        continue
    for node in tree.body:
        body = node.body if isinstance(node, ast.ClassDef) else [node]
        prefix = node.name + '.' if isinstance(node, ast.ClassDef) else ''
        for item in body:
            if isinstance(item, ast.Assign) and isinstance(item.value, ast.Constant):
                for target in item.targets:
                    if isinstance(target, ast.Name) and isinstance(item.value.value, str):
                        found[prefix + target.id] = item.value.value
    result[path] = found
print(json.dumps(result))
`;

t.test(
  'real modules and fragments read the same as with Python ast',
  { skip: NO_ANSIBLE },
  async (t) => {
    const run = spawnSync(SYSTEM_PYTHON, ['-c', AST_SCRIPT, ...REAL_FILES], { encoding: 'utf8' });
    const expected = JSON.parse(run.stdout) as Record<string, Record<string, string>>;
    t.ok(Object.keys(expected).length >= 7, 'the files are there');
    for (const [path, values] of Object.entries(expected)) {
      const found = findStringAssignments(readFileSync(path, 'utf8'));
      const ours = Object.fromEntries(
        found.map((item) => [
          `${item.className === null ? '' : `${item.className}.`}${item.name}`,
          item.value,
        ]),
      );
      t.same(ours, values, path);
    }
  },
);
