import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { parseBoolean, readAnsibleSettings } from '../../lib/ansible-config.js';

const root = mkdtempSync(join(tmpdir(), 'ftl2-config-'));
t.teardown(() => rmSync(root, { recursive: true, force: true }));
const home = join(root, 'home');
const cwd = join(root, 'cwd');
const cfgDir = join(root, 'cfgdir');
for (const folder of [home, cwd, cfgDir]) mkdirSync(folder);
writeFileSync(join(home, '.ansible.cfg'), '[defaults]\ncollections_path = /from/home\n');
writeFileSync(join(cwd, 'ansible.cfg'), '[defaults]\ncollections_path = /from/cwd\n');
writeFileSync(join(cfgDir, 'ansible.cfg'), '[defaults]\ncollections_path = /from/dir\n');
const explicit = join(root, 'explicit.cfg');
writeFileSync(
  explicit,
  [
    '# a comment',
    '[galaxy]',
    'collections_path = /not/this/section',
    '[defaults]',
    '; another comment',
    'COLLECTIONS_PATHS = /older/plural',
    'collections_path: ./relative:~/in/home:$PLACE/x:{{CWD}}/here ; trailing comment',
    'library = ./lib',
    'collections_scan_sys_path = no',
    'playbook_dir = plays',
  ].join('\n'),
);

function read(env: NodeJS.ProcessEnv, folder = cwd) {
  return readAnsibleSettings({ HOME: home, ...env }, folder);
}

t.test(
  'the config file is the first of ANSIBLE_CONFIG, ./ansible.cfg, ~/.ansible.cfg',
  async (t) => {
    t.equal(read({ ANSIBLE_CONFIG: explicit }).configFile, explicit);
    t.equal(read({ ANSIBLE_CONFIG: cfgDir }).configFile, join(cfgDir, 'ansible.cfg'), 'a folder');
    t.equal(
      read({ ANSIBLE_CONFIG: join(root, 'nonexistent') }).configFile,
      join(cwd, 'ansible.cfg'),
    );
    t.equal(read({}).configFile, join(cwd, 'ansible.cfg'));
    t.equal(read({}, home).configFile, join(home, '.ansible.cfg'));
  },
);

t.test('./ansible.cfg in a world-writable folder is skipped with a warning', async (t) => {
  const open = join(root, 'open');
  mkdirSync(open);
  writeFileSync(join(open, 'ansible.cfg'), '[defaults]\ncollections_path = /from/open\n');
  chmodSync(open, 0o777);
  const settings = read({}, open);
  t.equal(settings.configFile, join(home, '.ansible.cfg'));
  t.match(settings.warnings, [/ignored .*open\/ansible\.cfg: .* is world-writable/]);
});

t.test('ini values: the later key wins, paths resolve against the file folder', async (t) => {
  const settings = read({ ANSIBLE_CONFIG: explicit, PLACE: '/place' });
  t.same(settings.collectionsPaths, {
    paths: [join(root, 'relative'), join(home, 'in/home'), '/place/x', join(cwd, 'here')],
    source: `collections_path in ${explicit}`,
  });
  t.same(settings.libraryPaths.paths, [join(root, 'lib')]);
  t.equal(settings.scanSysPath, false);
  t.equal(settings.playbookDir, join(root, 'plays'));
});

t.test('the environment wins over the ini file, the singular name over the plural', async (t) => {
  const settings = read({
    ANSIBLE_CONFIG: explicit,
    ANSIBLE_COLLECTIONS_PATHS: '/plural',
    ANSIBLE_COLLECTIONS_PATH: 'relative:/b',
    ANSIBLE_LIBRARY: '/lib',
    ANSIBLE_COLLECTIONS_SCAN_SYS_PATH: 'True',
  });
  t.same(settings.collectionsPaths, {
    paths: [join(cwd, 'relative'), '/b'],
    source: 'ANSIBLE_COLLECTIONS_PATH',
  });
  t.same(settings.libraryPaths, { paths: ['/lib'], source: 'ANSIBLE_LIBRARY' });
  t.equal(settings.scanSysPath, true);
  const plural = read({ ANSIBLE_CONFIG: explicit, ANSIBLE_COLLECTIONS_PATHS: '/plural' });
  t.same(plural.collectionsPaths.paths, ['/plural']);
});

t.test('without settings, the defaults sit under ANSIBLE_HOME', async (t) => {
  const empty = join(root, 'empty.cfg');
  writeFileSync(empty, '');
  const settings = read({ ANSIBLE_CONFIG: empty });
  t.same(settings.collectionsPaths, {
    paths: [join(home, '.ansible/collections'), '/usr/share/ansible/collections'],
    source: 'default',
  });
  t.same(settings.libraryPaths.paths, [
    join(home, '.ansible/plugins/modules'),
    '/usr/share/ansible/plugins/modules',
  ]);
  t.equal(settings.scanSysPath, true);
  const moved = read({ ANSIBLE_CONFIG: empty, ANSIBLE_HOME: '/opt/ansible' });
  t.equal(moved.collectionsPaths.paths[0], '/opt/ansible/collections');
});

t.test("booleans read as Ansible's lenient ones", async (t) => {
  for (const value of ['yes', 'Y', ' true ', 'on', '1', 't', true, 1])
    t.equal(parseBoolean(value), true);
  for (const value of ['no', 'false', 'off', '0', '', 'maybe', false, 0, undefined, null]) {
    t.equal(parseBoolean(value), false, String(value));
  }
});
