import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { applyActionRule } from '../../lib/action-params.js';
import { type ActionRule, getActionRule } from '../../lib/action-plugins.js';
import type { Params } from '../../lib/params.js';
import { PrivateDir } from '../../lib/private-dir.js';

const root = mkdtempSync(join(tmpdir(), 'ftl2-actions-'));
t.teardown(() => rmSync(root, { recursive: true, force: true }));
const privateDir = new PrivateDir();
t.teardown(() => privateDir.remove());
mkdirSync(join(root, 'folder'));
writeFileSync(join(root, 'script.sh'), 'echo hi\n');
chmodSync(join(root, 'script.sh'), 0o751);

function apply(fqcn: string, params: Params) {
  return applyActionRule(getActionRule(fqcn) as ActionRule, params, {
    fqcn,
    cwd: root,
    privateDir,
  });
}

t.test('rules are found by FQCN; builtin and legacy names share them', async (t) => {
  t.match(getActionRule('ansible.builtin.copy'), { kind: 'copy' });
  t.match(getActionRule('ansible.legacy.copy'), { kind: 'copy' });
  t.match(getActionRule('ansible.posix.synchronize'), { kind: 'refuse' });
  t.equal(getActionRule('community.general.copy'), undefined);
  t.equal(getActionRule('ansible.builtin.ping'), undefined);
  t.equal(getActionRule(null), undefined);
});

t.test('copy gets a private copy of src, with its mode and original name', async (t) => {
  const applied = apply('ansible.builtin.copy', { src: 'script.sh', dest: '/x/' });
  t.ok('params' in applied);
  if (!('params' in applied)) return;

  const staged = String(applied.params.src);
  t.equal(staged, join(privateDir.path, 'copy-src'));
  t.equal(readFileSync(staged, 'utf8'), 'echo hi\n');
  t.equal(statSync(staged).mode & 0o777, 0o751);
  t.equal(applied.params._original_basename, 'script.sh');
  t.equal(applied.params.dest, '/x/');
});

t.test('copy with content writes it to a private file instead', async (t) => {
  const applied = apply('ansible.builtin.copy', { content: { a: 1 }, dest: '/x' });
  t.same(applied, { params: { dest: '/x', src: join(privateDir.path, 'copy-content') } });
  t.equal(readFileSync(join(privateDir.path, 'copy-content'), 'utf8'), '{"a":1}');
  t.match(apply('ansible.builtin.copy', { content: 'x', dest: '/x/' }), {
    error: /content needs a file as dest/,
  });
});

t.test('copy leaves remote_src runs and a missing src to the module', async (t) => {
  const remote = { src: 'script.sh', dest: '/x', remote_src: 'yes' };
  t.same(apply('ansible.builtin.copy', remote), { params: remote });
  const missing = { src: 'nope', dest: '/x' };
  t.same(apply('ansible.builtin.copy', missing), { params: missing });
  t.match(apply('ansible.builtin.copy', { src: 'folder', dest: '/x' }), {
    error:
      /^cannot copy a folder given as src without remote_src=true: .*walks it on the controller/,
  });
});

t.test('shell and command take cmd as _raw_params; shell adds _uses_shell', async (t) => {
  t.same(apply('ansible.builtin.shell', { cmd: 'echo $HOME', chdir: '/' }), {
    params: { chdir: '/', _raw_params: 'echo $HOME', _uses_shell: true },
  });
  t.same(apply('ansible.builtin.command', { argv: ['ls'] }), { params: { argv: ['ls'] } });
  t.match(apply('ansible.builtin.command', { cmd: 'a', _raw_params: 'b' }), {
    error: /cmd or as _raw_params, not both/,
  });
});

t.test('controller-side modules are refused unless remote_src makes them local', async (t) => {
  t.match(apply('ansible.builtin.template', {}), {
    error: /^cannot run ansible\.builtin\.template on its own: its action plugin renders/,
  });
  t.match(apply('ansible.builtin.unarchive', { src: 'a.tgz' }), {
    error: /^cannot run ansible\.builtin\.unarchive without remote_src=true: .*; pass --param/,
  });
  t.same(apply('ansible.builtin.unarchive', { remote_src: true }), {
    params: { remote_src: true },
  });
  t.same(apply('ansible.builtin.assemble', {}), { params: {} }, 'assemble is local by default');
  t.match(apply('ansible.builtin.assemble', { remote_src: false }), { error: /remote_src=true/ });
  t.match(apply('ansible.posix.patch', {}), { error: /sends the patch from the controller/ });
});

t.test('copy errors name the param, never its value', async (t) => {
  const results = [
    apply('ansible.builtin.copy', { src: 'folder', dest: '/secret-dest' }),
    apply('ansible.builtin.copy', { content: 'x', dest: '/secret-dest/' }),
    apply('ansible.builtin.copy', { content: 'x', src: 'script.sh', dest: '/secret-dest' }),
  ];
  for (const result of results) {
    t.ok('error' in result, 'refused');
    t.notMatch(JSON.stringify(result), /secret-dest|folder'|script\.sh/);
  }
});
