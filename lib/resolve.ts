// Turning REF into a module file (DESIGN.md §2). A REF with a `/`, or one naming an existing
// file, is a path; names are resolved through the search path in resolve-name.ts.
import { statSync } from 'node:fs';
import { basename, resolve, sep } from 'node:path';
import { isFile } from './files.js';
import { isIdentifier } from './names.js';

export interface ResolvedModule {
  /** REF as given. */
  ref: string;
  /** The absolute path of the file that runs. */
  path: string;
  /** The module's FQCN when it is known (a name, or a path inside a collection). */
  fqcn: string | null;
  /** The name Ansible modules see as `_ansible_module_name`: the name as typed. */
  moduleName: string;
  /** Deprecation warnings met while resolving. */
  warnings: string[];
  /** The names followed, REF first, through every redirect to the FQCN that runs. */
  chain: string[];
  /** Every place looked in, in order, the one that held the module last. */
  searched: string[];
  /** Set for names: the collection roots in search order, for the private PYTHONPATH. */
  collectionRoots?: string[];
}

export interface ResolveFailure {
  status: 'not_found' | 'error';
  /** A first line that stands alone; the places searched, when any, on the lines after it. */
  error: string;
  /** Every place searched, in order. */
  searched: string[];
  chain: string[];
  warnings: string[];
}

export type ResolveOutcome =
  | { ok: true; module: ResolvedModule }
  | ({ ok: false } & ResolveFailure);

/** Whether REF names a file rather than a module name. */
export function isPathRef(ref: string, cwd: string): boolean {
  return ref.includes('/') || isFile(resolve(cwd, ref));
}

/** The module file a path REF points at, or why there is none. */
export function resolveModulePath(ref: string, cwd: string): ResolveOutcome {
  const path = resolve(cwd, ref);
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    return notFound(`no module file at ${path}; check the path, or give a module name`, [path]);
  }

  if (!isFile) return notFound(`${path} is not a file; give the path of a module file`, [path]);

  return {
    ok: true,
    module: {
      ref,
      path,
      fqcn: getFqcnFromPath(path),
      moduleName: basename(path).replace(/\.[^.]*$/, ''),
      warnings: [],
      chain: [ref],
      searched: [path],
    },
  };
}

/** A REF that names no module file, with the places looked at. */
function notFound(error: string, searched: string[]): ResolveOutcome {
  return { ok: false, status: 'not_found', error, searched, chain: [], warnings: [] };
}

/** The FQCN of a file inside `ansible/modules` or a collection's `plugins/modules`. */
export function getFqcnFromPath(path: string): string | null {
  // Any extension: a shell or Node module in a collection has an FQCN as a Python one does.
  const python = getPythonModuleName(path.replace(/(\.[^./]*)?$/, '.py'));
  if (python === undefined) return null;

  const parts = python.name.split('.');
  if (parts[0] === 'ansible') return `ansible.builtin.${parts.slice(2).join('.')}`;
  return [parts[1], parts[2], ...parts.slice(5)].join('.');
}

export interface PythonModuleName {
  /** The dotted name the module is imported by, as Ansible's wrapper does. */
  name: string;
  /** The folder holding `ansible/` or `ansible_collections/`, for PYTHONPATH. */
  root: string;
}

/** How a module file is imported by dotted name; undefined for a file outside any package. */
export function getPythonModuleName(path: string): PythonModuleName | undefined {
  if (!path.endsWith('.py')) return undefined;

  const parts = path.slice(0, -3).split(sep);
  const collections = parts.lastIndexOf('ansible_collections');
  if (
    collections !== -1 &&
    parts[collections + 3] === 'plugins' &&
    parts[collections + 4] === 'modules'
  ) {
    return toPythonName(parts, collections, collections + 6);
  }

  const core = parts.lastIndexOf('ansible');
  if (core !== -1 && parts[core + 1] === 'modules' && parts.length === core + 3) {
    return toPythonName(parts, core, core + 3);
  }

  return undefined;
}

function toPythonName(
  parts: string[],
  start: number,
  minLength: number,
): PythonModuleName | undefined {
  const names = parts.slice(start);
  if (parts.length < minLength || !names.every(isIdentifier)) return undefined;

  return { name: names.join('.'), root: parts.slice(0, start).join(sep) || sep };
}
