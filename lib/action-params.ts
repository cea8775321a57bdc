// The params an action-plugin module runs with once ftl2 has done the controller's harmless
// part of the work (staging copy's src, shell's flag), or the one-line reason it is refused.
import { copyFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import {
  ACTION_ONLY_REASON,
  type ActionRule,
  findActionPlugin,
  getActionRule,
} from './action-plugins.js';
import { parseBoolean } from './ansible-config.js';
import { isReadableFile } from './files.js';
import type { ModuleShape } from './inspect.js';
import type { Params } from './params.js';
import type { PrivateDir } from './private-dir.js';

export interface ActionContext {
  fqcn: string;
  cwd: string;
  /** Where staged copies go: private to this run, removed after it. */
  privateDir: PrivateDir;
}

/**
 * The params module `fqcn` runs with once the controller's part of its action plugin is done,
 * or why it is refused; `module` is the file that runs.
 */
export function prepareActionParams(
  fqcn: string | null,
  module: ModuleRead,
  params: Params,
  context: ActionContext,
): { params: Params } | { error: string } {
  const rule = getModuleAction(fqcn, module);
  return rule === undefined ? { params } : applyActionRule(rule, params, context);
}

/**
 * How ftl2 treats module `fqcn` because of its action plugin: its rule, else `action_only`
 * when `module` (the file, once read) has no code of its own; undefined: run it as it is.
 */
export function getModuleAction(
  fqcn: string | null,
  module: ModuleRead | undefined,
): ActionRule | undefined {
  const rule = getActionRule(fqcn);
  if (rule !== undefined || module === undefined || !isActionOnly(fqcn, module)) return rule;

  return { kind: 'action_only' };
}

/** A module file as read: where it is, its bytes, and what kind of module they make. */
export interface ModuleRead {
  path: string;
  bytes: Buffer;
  shape: ModuleShape;
}

/**
 * Whether `fqcn` only documents an action plugin: an ansible.builtin file that is no Ansible
 * module, or a collection's Python file with no statement but its documentation, beside an
 * action plugin of its name (hundreds of cisco.dnac modules are such files).
 */
function isActionOnly(fqcn: string | null, module: ModuleRead): boolean {
  if (fqcn === null) return false;
  if (fqcn.startsWith('ansible.builtin.')) return module.shape.style !== 'ansible';

  const { shape, bytes, path } = module;
  if (shape.style !== 'old' || !shape.isPython) return false;

  return !CODE_LINE.test(bytes.toString('utf8')) && findActionPlugin(path) !== undefined;
}

// A top-level statement that does something: an import (but of __future__), a definition, an
// `if` (as in `if __name__`). Every module has one at the start of a line, while the lines of
// the documentation strings that begin with such words are indented.
const CODE_LINE =
  /^(?:import\s|from\s+(?!__future__\b)\S+\s+import\s|(?:async\s+)?def\s|class\s|if\s)/m;

/** The params to run with once the controller's part is done, or why the module is refused. */
export function applyActionRule(
  rule: ActionRule,
  params: Params,
  context: ActionContext,
): { params: Params } | { error: string } {
  const { fqcn } = context;
  switch (rule.kind) {
    case 'command':
      return moveCmdToRawParams(params, fqcn);
    case 'shell': {
      const moved = moveCmdToRawParams(params, fqcn);
      return 'error' in moved ? moved : { params: { ...moved.params, _uses_shell: true } };
    }
    case 'copy':
      return stageCopySource(params, context);
    case 'refuse':
      return { error: `cannot run ${fqcn} on its own: its action plugin ${rule.reason}` };
    case 'action_only':
      return { error: `cannot run ${fqcn} on its own: ${ACTION_ONLY_REASON}` };
    case 'needs_remote_src':
      if (parseBoolean(params.remote_src ?? rule.isRemoteByDefault)) return { params };

      return refuseWithoutRemoteSrc(`run ${fqcn}`, rule.reason);
  }
}

function moveCmdToRawParams(params: Params, fqcn: string): { params: Params } | { error: string } {
  const { cmd, ...rest } = params;
  if (cmd === undefined) return { params };
  if (params._raw_params !== undefined && params._raw_params !== '') {
    return { error: `${fqcn}: give the command as cmd or as _raw_params, not both` };
  }

  return { params: { ...rest, _raw_params: cmd } };
}

// Ansible uploads src to a temporary file and the module moves that file into place; run
// directly, the module would move the user's own file. So the module gets a private copy.
function stageCopySource(
  params: Params,
  context: ActionContext,
): { params: Params } | { error: string } {
  if (parseBoolean(params.remote_src)) return { params };

  const { content, ...rest } = params;
  if (content !== undefined) {
    if (params.src !== undefined) {
      return { error: `${context.fqcn}: give src or content, not both (as Ansible requires)` };
    }

    if (typeof params.dest === 'string' && params.dest.endsWith('/')) {
      return { error: `${context.fqcn}: content needs a file as dest, not a folder ending in /` };
    }

    const staged = join(context.privateDir.path, 'copy-content');
    const text = typeof content === 'string' ? content : JSON.stringify(content);
    writeFileSync(staged, text, { mode: 0o600 });
    return { params: { ...rest, src: staged } };
  }

  if (typeof params.src !== 'string') return { params };

  const source = resolve(context.cwd, params.src);
  const stat = statSync(source, { throwIfNoEntry: false });
  // A missing src is left for the module to report, in its own words.
  if (stat === undefined) return { params };
  if (stat.isDirectory()) {
    return refuseWithoutRemoteSrc('copy a folder given as src', 'walks it on the controller');
  }

  // A FIFO or a device would block the copy, or never end it.
  if (!stat.isFile()) return { error: `${context.fqcn}: src must be a regular file` };
  if (!isReadableFile(source)) return { error: `${context.fqcn}: src cannot be read` };

  // copyFileSync keeps the mode, so mode=preserve still sees the mode of the user's file.
  const staged = join(context.privateDir.path, 'copy-src');
  copyFileSync(source, staged);
  return { params: { ...params, src: staged, _original_basename: basename(params.src) } };
}

const REMOTE_SRC_HINT = 'pass --param remote_src=true to use files on this machine in place';

function refuseWithoutRemoteSrc(what: string, reason: string): { error: string } {
  const why = `its action plugin ${reason}`;
  return { error: `cannot ${what} without remote_src=true: ${why}; ${REMOTE_SRC_HINT}` };
}
