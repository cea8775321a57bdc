import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import type { AnsibleSettings } from '../../lib/ansible-config.js';
import { findModuleFile } from '../../lib/module-file.js';
import { MODULES_DIR } from '../../lib/paths.js';
import {
  buildCollectionSearchPath,
  buildModuleFolders,
  type SearchPathInput,
} from '../../lib/search-path.js';

const root = mkdtempSync(join(tmpdir(), 'ftl2-search-'));
t.teardown(() => rmSync(root, { recursive: true, force: true }));
for (const folder of ['a/ansible_collections', 'b/ansible_collections', 'plain', 'cwd']) {
  mkdirSync(join(root, folder), { recursive: true });
}

function makeInput(overrides: Partial<SearchPathInput> = {}): SearchPathInput {
  const settings: AnsibleSettings = {
    configFile: null,
    collectionsPaths: { paths: [join(root, 'b'), join(root, 'plain')], source: 'default' },
    libraryPaths: { paths: [join(root, 'lib')], source: 'ANSIBLE_LIBRARY' },
    scanSysPath: true,
    playbookDir: undefined,
    warnings: [],
  };
  return {
    cwd: join(root, 'cwd'),
    env: { HOME: root },
    settings,
    collectionsPaths: [],
    modulePaths: [],
    playbookDir: undefined,
    python: { command: '/usr/bin/python3', sysPath: [join(root, 'b'), '/usr/lib/python3.zip'] },
    ...overrides,
  };
}

t.test('the collection search path is in DESIGN.md order, each folder once', async (t) => {
  const roots = buildCollectionSearchPath(
    makeInput({
      collectionsPaths: [`${join(root, 'a')}:~/b/ansible_collections`],
      playbookDir: join(root, 'plays'),
    }),
  );
  t.same(
    roots.map((folder) => [folder.path, folder.source, folder.isUsable]),
    [
      [join(root, 'a'), '-C', true],
      [join(root, 'b'), '-C', true],
      [join(root, 'cwd', 'collections'), 'collections/ in the working folder', false],
      [join(root, 'plays', 'collections'), 'collections/ beside the playbook folder', false],
      [join(root, 'plain'), 'default', false],
      ['/usr/lib/python3.zip', 'sys.path of /usr/bin/python3', false],
      [MODULES_DIR, "ftl2's own modules folder", true],
    ],
  );
});

t.test('sys.path is left out when scanning it is off', async (t) => {
  const input = makeInput();
  input.settings.scanSysPath = false;
  const sources = buildCollectionSearchPath(input).map((folder) => folder.source);
  t.notOk(sources.some((source) => source.startsWith('sys.path')));
});

t.test(
  'short names: -M, library/ beside the playbook, then subfolders before each folder',
  async (t) => {
    for (const folder of ['lib/x/deep', 'lib/y', 'explicit', 'plays/library']) {
      mkdirSync(join(root, folder), { recursive: true });
    }

    const folders = buildModuleFolders(
      makeInput({ modulePaths: [join(root, 'explicit')], playbookDir: join(root, 'plays') }),
    );
    t.same(
      folders.map((folder) => folder.path.slice(root.length + 1)),
      ['explicit', 'plays/library', 'lib/x', 'lib/y', 'lib/x/deep', 'lib'],
    );
  },
);

t.test(
  'a module file is the exact name, else the first name.* that is not a sidecar',
  async (t) => {
    const modules = join(root, 'modules');
    mkdirSync(join(modules, 'folder.d'), { recursive: true });
    for (const name of ['exact', 'exact.py', 'setup.yml', 'setup.ps1', 'setup.sh', 'notes.md']) {
      writeFileSync(join(modules, name), '');
    }

    t.equal(findModuleFile(modules, 'exact'), join(modules, 'exact'));
    t.equal(findModuleFile(modules, 'setup'), join(modules, 'setup.ps1'), 'sorted, .yml skipped');
    t.equal(findModuleFile(modules, 'notes'), undefined);
    t.equal(findModuleFile(modules, 'folder'), undefined, 'folders are not modules');
    t.equal(findModuleFile(join(root, 'nowhere'), 'x'), undefined);
  },
);
