// Turning a module name into a file, as Ansible's plugin loader does (ANSIBLE.md §3.3-3.4):
// short names in the module folders, then as ansible.builtin; FQCNs in the first copy of their
// collection; routing (redirects, deprecations, tombstones) applied before the file is sought.
import { join, relative, sep } from 'node:path';
import { isFolder } from './files.js';
import { findModuleFile } from './module-file.js';
import type { ModuleSearch } from './module-search.js';
import { getResource, getRoutingKey, type ModuleName, parseModuleName } from './names.js';
import { describeMissingAnsible } from './python.js';
import { isPathRef, type ResolveOutcome, resolveModulePath } from './resolve.js';
import { findModuleRouting, formatDeprecation, formatRemoval } from './routing.js';

interface Walk {
  ref: string;
  /** REF was a short name, so `-M` folders could hold it. */
  isShortRef: boolean;
  search: ModuleSearch;
  chain: string[];
  searched: string[];
  warnings: string[];
}

/** What one step of the walk found: a file, the next name to follow, or why it stops. */
type Step = { found: string; fqcn: string } | { next: string } | Failure;

interface Failure {
  error: string;
  status?: 'not_found' | 'error';
  /** Whether the places searched belong under the error: the name was looked for and missed. */
  listSearched?: boolean;
}

/** What REF stands for: a path as it is, a name through the search path. */
export function resolveRef(ref: string, search: ModuleSearch): Promise<ResolveOutcome> {
  if (isPathRef(ref, search.cwd)) return Promise.resolve(resolveModulePath(ref, search.cwd));

  return resolveModuleName(ref, search);
}

/** The module file a name stands for, following redirects, or every place searched for it. */
export async function resolveModuleName(
  ref: string,
  search: ModuleSearch,
): Promise<ResolveOutcome> {
  const parsed = parseModuleName(ref);
  const walk: Walk = { ref, isShortRef: false, search, chain: [], searched: [], warnings: [] };
  if (!parsed.ok) return fail(walk, { error: parsed.error, status: 'not_found' });

  walk.isShortRef = parsed.name.kind === 'short';
  walk.chain.push(ref);
  walk.warnings.push(...search.settings.warnings);
  let name: ModuleName = parsed.name;
  for (;;) {
    let step: Step;
    try {
      step = await takeStep(name, walk);
    } catch (error) {
      step = { error: (error as Error).message };
    }

    if ('error' in step) return fail(walk, step);
    if ('found' in step) return succeed(walk, step.found, step.fqcn);

    const next = parseModuleName(step.next);
    if (!next.ok || !step.next.includes('.')) {
      const reason = `${name.fqcn} redirects to '${step.next}', which is not an FQCN`;
      return fail(walk, { error: `${reason}; fix the redirect in its meta/runtime.yml` });
    }

    if (walk.chain.includes(step.next)) {
      const loop = [...walk.chain, step.next].join(' -> ');
      return fail(walk, { error: `redirect loop ${loop}; fix the redirects in meta/runtime.yml` });
    }

    walk.chain.push(step.next);
    name = next.name;
  }
}

function takeStep(name: ModuleName, walk: Walk): Step | Promise<Step> {
  if (name.kind === 'short') return findShortName(name.name, walk);
  if (name.kind === 'builtin') return findBuiltin(name, walk);
  return findInCollection(name, walk);
}

function findShortName(name: string, walk: Walk): Step {
  for (const folder of walk.search.moduleFolders) {
    if (!folder.isUsable) continue;

    walk.searched.push(join(folder.path, name));
    const file = findModuleFile(folder.path, name);
    if (file !== undefined) return { found: file, fqcn: `ansible.legacy.${name}` };
  }

  return { next: `ansible.builtin.${name}` };
}

async function findBuiltin(name: ModuleName & { kind: 'builtin' }, walk: Walk): Promise<Step> {
  const { ansibleDir, python } = walk.search;
  if (ansibleDir === null) {
    return missing(describeMissingAnsible(name.fqcn, python));
  }

  const runtimeFile = join(ansibleDir, 'config', 'ansible_builtin_runtime.yml');
  const routed = await followRouting(runtimeFile, name, 'ansible.builtin', walk);
  const hint = walk.isShortRef ? 'check the name, or add its folder with -M' : 'check the name';
  return routed ?? findFile(join(ansibleDir, 'modules'), name, `in ansible-core; ${hint}`, walk);
}

async function findInCollection(
  name: ModuleName & { kind: 'collection' },
  walk: Walk,
): Promise<Step> {
  const collection = `${name.namespace}.${name.collection}`;
  for (const root of walk.search.collectionRoots) {
    if (!root.isUsable) continue;

    const folder = joinInside(root.path, 'ansible_collections', name.namespace, name.collection);
    if (!isFolder(folder)) {
      walk.searched.push(folder);
      continue;
    }

    const routed = await followRouting(join(folder, 'meta', 'runtime.yml'), name, collection, walk);
    const modules = join(folder, 'plugins', 'modules');
    return routed ?? findFile(modules, name, `in ${collection} at ${folder}; check the name`, walk);
  }

  const layout = `ansible_collections/${name.namespace}/${name.collection}`;
  return missing(
    `collection ${collection} not found; install it, or pass -C DIR for a DIR/${layout}`,
  );
}

async function followRouting(
  runtimeFile: string,
  name: ModuleName,
  collection: string,
  walk: Walk,
): Promise<Step | undefined> {
  const entry = await findModuleRouting(runtimeFile, getRoutingKey(name), walk.search.env);
  if (entry === undefined) return undefined;
  if (entry.tombstone !== undefined) {
    return { error: formatRemoval(name.fqcn, entry.tombstone, collection), status: 'not_found' };
  }

  if (entry.deprecation !== undefined) {
    walk.warnings.push(formatDeprecation(name.fqcn, entry.deprecation, collection));
  }

  return entry.redirect === undefined ? undefined : { next: entry.redirect };
}

function findFile(modules: string, name: ModuleName, where: string, walk: Walk): Step {
  const resource = getResource(name);
  const folder = joinInside(modules, ...resource.slice(0, -1));
  const base = resource.at(-1) as string;
  walk.searched.push(join(folder, base));
  const file = findModuleFile(folder, base);
  if (file !== undefined) return { found: file, fqcn: name.fqcn };

  return missing(`module ${name.fqcn} not found ${where}`);
}

function missing(error: string): Failure {
  return { error, status: 'not_found', listSearched: true };
}

// Names hold only identifiers, so this cannot fail; it keeps that promise checked here too.
function joinInside(root: string, ...parts: string[]): string {
  const path = join(root, ...parts);
  const inside = relative(root, path);
  if (inside.startsWith(`..${sep}`) || inside === '..') {
    throw new Error(`refusing ${path}: it is outside ${root}`);
  }

  return path;
}

function succeed(walk: Walk, path: string, fqcn: string): ResolveOutcome {
  const roots = walk.search.collectionRoots.filter((root) => root.isUsable);
  return {
    ok: true,
    module: {
      ref: walk.ref,
      path,
      fqcn,
      moduleName: walk.ref,
      warnings: walk.warnings,
      chain: walk.chain,
      searched: walk.searched,
      collectionRoots: roots.map((root) => root.path),
    },
  };
}

function fail(walk: Walk, failure: Failure): ResolveOutcome {
  const first = walk.chain.length > 1 ? `${walk.ref}: ${failure.error}` : failure.error;
  const list = walk.searched.map((path) => `\n  ${path}`).join('');
  const error =
    failure.listSearched && list !== '' ? `${first}\nsearched, in order:${list}` : first;
  return {
    ok: false,
    status: failure.status ?? 'error',
    error,
    searched: walk.searched,
    chain: walk.chain,
    warnings: walk.warnings,
  };
}
