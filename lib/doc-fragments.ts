// Merging the doc fragments a module names in `extends_documentation_fragment` into its
// DOCUMENTATION, as ansible-doc merges them (ANSIBLE.md §4): a fragment's options and
// attributes join the module's, the module's own fields winning; its notes and seealso are
// appended; lists elsewhere are joined. `name.VAR` takes the fragment's VAR instead of its
// DOCUMENTATION. A fragment that is not on the search path is a warning, never a failure.
import { readFileSync } from 'node:fs';
import { findFragmentFile } from './doc-fragment-file.js';
import { parseDocYaml } from './doc-yaml.js';
import { findStringAssignments } from './docstring.js';
import type { ModuleSearch } from './module-search.js';
import { isPlainObject } from './plain-object.js';

export type DocObject = Record<string, unknown>;

/** Merges into `doc` the fragments it names, removing the key; resolves to the warnings. */
export async function mergeDocFragments(doc: DocObject, search: ModuleSearch): Promise<string[]> {
  const names = readNames(doc.extends_documentation_fragment);
  delete doc.extends_documentation_fragment;
  const warnings: string[] = [];
  for (const name of names) {
    const fragment = await loadFragment(name, search);
    if (typeof fragment === 'string') {
      warnings.push(fragment);
      continue;
    }

    const problem = mergeFragment(doc, fragment);
    if (problem !== undefined) warnings.push(`doc fragment ${name}: ${problem}`);
  }

  return warnings;
}

function readNames(raw: unknown): string[] {
  if (typeof raw === 'string') return [raw];
  if (!Array.isArray(raw)) return [];
  return raw.filter((name): name is string => typeof name === 'string');
}

// As Ansible: the whole name as a fragment first, then its last part as a variable.
async function loadFragment(name: string, search: ModuleSearch): Promise<DocObject | string> {
  const dot = name.lastIndexOf('.');
  const candidates: Array<[string, string]> = [[name, 'DOCUMENTATION']];
  if (dot !== -1) candidates.push([name.slice(0, dot), name.slice(dot + 1).toUpperCase()]);

  for (const [fragmentName, variable] of candidates) {
    const file = await findFragmentFile(fragmentName, search);
    if (file === undefined) continue;

    const text = readFragmentVariable(file, variable);
    if (text === undefined) return `doc fragment ${name}: ${file} has no ${variable}`;

    try {
      const value = await parseDocYaml(text, search.python.info?.command);
      if (isDocObject(value)) return value;
      return `doc fragment ${name}: ${variable} in ${file} is not a YAML mapping`;
    } catch (error) {
      const reason = (error as Error).message;
      return `doc fragment ${name}: cannot read ${variable} in ${file}: ${reason}`;
    }
  }

  return `doc fragment ${name} is not on the search path; the options it adds are not shown`;
}

function readFragmentVariable(file: string, variable: string): string | undefined {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }

  const assignments = findStringAssignments(source);
  return assignments.find(
    (assignment) => assignment.className === 'ModuleDocFragment' && assignment.name === variable,
  )?.value;
}

function mergeFragment(doc: DocObject, fragment: DocObject): string | undefined {
  for (const key of ['notes', 'seealso']) {
    const items = fragment[key];
    delete fragment[key];
    if (!Array.isArray(items) || items.length === 0) continue;

    doc[key] = [...(Array.isArray(doc[key]) ? doc[key] : []), ...items];
  }

  for (const key of ['options', 'attributes']) {
    const section = fragment[key];
    delete fragment[key];
    if (section === undefined) continue;

    const own = doc[key];
    if (!isDocObject(own) || !isDocObject(section)) {
      doc[key] = own ?? section;
      continue;
    }

    const problem = mergeFields(own, section);
    if (problem !== undefined) return problem;
  }

  return mergeFields(doc, fragment);
}

// Ansible's merge_fragment: for a key both have, a mapping is the fragment's with the
// target's entries over it, a list the sorted set of both; anything else cannot be merged.
function mergeFields(target: DocObject, source: DocObject): string | undefined {
  for (const [key, value] of Object.entries(source)) {
    const own = target[key];
    if (own === undefined) {
      target[key] = value;
      continue;
    }

    if (isDocObject(own) && isDocObject(value)) {
      target[key] = { ...value, ...own };
      continue;
    }

    if (Array.isArray(own) && Array.isArray(value)) {
      target[key] = joinLists(own, value);
      continue;
    }

    return `cannot merge its ${key} into the module's`;
  }

  return undefined;
}

function joinLists(own: unknown[], added: unknown[]): unknown[] {
  const all = [...added, ...own];
  if (!all.every((item) => typeof item === 'string')) return all;
  return [...new Set(all as string[])].sort();
}

/** Whether `value` is a YAML mapping (not a list, not null). */
export const isDocObject: (value: unknown) => value is DocObject = isPlainObject;
