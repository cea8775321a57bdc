// Modules whose Ansible action plugin does work on the controller first (DESIGN.md §1,
// ANSIBLE.md §2.7), and what ftl2 does about each. Run alone they can harm the user's files
// (`copy` moves its src into place); action-params.ts does the harmless part or refuses.
import { existsSync } from 'node:fs';
import { basename, join, sep } from 'node:path';

export type ActionRule =
  /** `src` is copied to a private file first, as Ansible's transfer would. */
  | { kind: 'copy' }
  /** `cmd` becomes `_raw_params`, as Ansible's task parser makes it. */
  | { kind: 'command' }
  /** Runs ansible.builtin.command with `_uses_shell: true`, as Ansible's shell action does. */
  | { kind: 'shell' }
  | { kind: 'refuse'; reason: string }
  /** The file has no module code: the action plugin is all there is (action-params.ts). */
  | { kind: 'action_only' }
  /** Refused unless `remote_src` is true, which leaves the controller out. */
  | { kind: 'needs_remote_src'; reason: string; isRemoteByDefault: boolean };

/** Why a module with no code of its own cannot run alone. */
export const ACTION_ONLY_REASON =
  'it has no module code, only an action plugin that Ansible runs itself; ' +
  'run it in an Ansible play';

const TASK_ACTION = 'only works inside an Ansible play; there is no module code to run';

const BUILTIN_RULES: Record<string, ActionRule> = {
  copy: { kind: 'copy' },
  command: { kind: 'command' },
  shell: { kind: 'shell' },
  template: refuse('renders the template on the controller; render it, then run copy'),
  fetch: refuse('copies a file back to the controller; run copy with remote_src=true'),
  script: refuse('sends a local script to the target; run the script with command'),
  raw: refuse('sends a command over the connection, not a module; run command or shell'),
  reboot: refuse('reboots the target and waits for the connection; use command'),
  wait_for_connection: refuse('waits for an Ansible connection, which ftl2 has none of'),
  package: refuse('picks the package module on the controller; run apt, dnf or yum'),
  gather_facts: refuse('runs the fact modules from the controller; run setup'),
  assemble: needsRemoteSrc('assembles fragments on the controller', true),
  unarchive: needsRemoteSrc('sends the archive from the controller', false),
  ...Object.fromEntries(
    [
      'add_host',
      'assert',
      'debug',
      'fail',
      'group_by',
      'include_vars',
      'pause',
      'set_fact',
      'set_stats',
      'meta',
      'validate_argument_spec',
    ].map((name) => [name, refuse(TASK_ACTION)]),
  ),
};

const COLLECTION_RULES: Record<string, ActionRule> = {
  'ansible.posix.synchronize': refuse('runs rsync from the controller; run rsync itself'),
  'ansible.posix.patch': needsRemoteSrc('sends the patch from the controller', false),
};

/** How ftl2 treats module `fqcn` because of its Ansible action plugin; undefined: run it. */
export function getActionRule(fqcn: string | null): ActionRule | undefined {
  if (fqcn === null) return undefined;

  const builtin = /^ansible\.(?:builtin|legacy)\.(\w+)$/.exec(fqcn)?.[1];
  return builtin === undefined ? COLLECTION_RULES[fqcn] : BUILTIN_RULES[builtin];
}

/** What ftl2 does about a module's action plugin, in words, for `ftl2 resolve`. */
export function describeActionRule(rule: ActionRule): string {
  switch (rule.kind) {
    case 'copy':
      return 'src is copied to a private file first, so the module never moves the original';
    case 'command':
      return 'cmd is passed as _raw_params, as Ansible does';
    case 'shell':
      return 'runs ansible.builtin.command with _uses_shell: true, as Ansible does';
    case 'refuse':
      return `refused: its action plugin ${rule.reason}`;
    case 'action_only':
      return `refused: ${ACTION_ONLY_REASON}`;
    case 'needs_remote_src': {
      const when = rule.isRemoteByDefault ? 'with remote_src=false' : 'unless remote_src=true';
      return `refused ${when}: its action plugin ${rule.reason}`;
    }
  }
}

/** A warning for a collection module that Ansible would pair with an action plugin. */
export function getActionPluginWarning(path: string, fqcn: string | null): string | undefined {
  if (fqcn === null || getActionRule(fqcn) !== undefined) return undefined;

  const plugin = findActionPlugin(path);
  if (plugin === undefined) return undefined;

  const how = 'ftl2 runs the module alone, which may behave differently';
  return `Ansible runs ${fqcn} through the action plugin ${plugin} first; ${how}`;
}

/** The action plugin of the same name in the collection of module file `path`, if any. */
export function findActionPlugin(path: string): string | undefined {
  const parts = path.split(sep);
  const index = parts.lastIndexOf('ansible_collections');
  if (index === -1 || parts[index + 3] !== 'plugins') return undefined;

  const name = basename(path).replace(/\.[^.]*$/, '');
  const plugin = join(parts.slice(0, index + 3).join(sep), 'plugins', 'action', `${name}.py`);
  return existsSync(plugin) ? plugin : undefined;
}

function refuse(reason: string): ActionRule {
  return { kind: 'refuse', reason };
}

function needsRemoteSrc(reason: string, isRemoteByDefault: boolean): ActionRule {
  return { kind: 'needs_remote_src', reason, isRemoteByDefault };
}
