// Every module on the search path (DESIGN.md §2), as `ftl2 list` shows them: ansible-core's
// own as ansible.builtin, the module folders' as ansible.legacy, then each collection on the
// collection search path. A copy that an earlier one hides is kept, marked with the winner.
import { join } from 'node:path';
import { readShortDescription } from './docstub.js';
import { listFolderNames } from './files.js';
import type { ModuleSearch } from './module-search.js';
import { walkModules } from './module-walk.js';
import { isIdentifier } from './names.js';

export interface ListedModule {
  fqcn: string;
  /** The short description, as written (Ansible markup kept); null when it has none. */
  description: string | null;
  /** `ns.coll`, or the synthetic `ansible.builtin` and `ansible.legacy`. */
  collection: string;
  /** The collection's folder; ansible-core's modules folder, or the module folder. */
  collectionPath: string;
  path: string;
  /** What is used instead of this copy: the winning collection folder, or module file. */
  shadowedBy: string | null;
}

/** The modules whose FQCN `matches`, sorted by FQCN, a hidden copy after the one it loses to. */
export function listModules(
  search: ModuleSearch,
  matches: (fqcn: string) => boolean,
): ListedModule[] {
  const modules = [...listBuiltin(search), ...listLegacy(search), ...listCollections(search)]
    .filter((module) => matches(module.fqcn))
    .sort((left, right) => (left.fqcn < right.fqcn ? -1 : left.fqcn > right.fqcn ? 1 : 0));
  for (const module of modules) module.description = readShortDescription(module.path);
  return modules;
}

function listBuiltin(search: ModuleSearch): ListedModule[] {
  const { ansibleDir } = search;
  if (ansibleDir === null) return [];

  const folder = join(ansibleDir, 'modules');
  return walkModules(folder, { subfolders: 'packages' }).map((found) =>
    toListed('ansible.builtin', folder, found.name, found.path),
  );
}

// Module folders are flat for short names; a name in an earlier folder hides later ones.
function listLegacy(search: ModuleSearch): ListedModule[] {
  const winners = new Map<string, string>();
  const modules: ListedModule[] = [];
  for (const folder of search.moduleFolders) {
    if (!folder.isUsable) continue;

    for (const found of walkModules(folder.path, { subfolders: 'none' })) {
      const module = toListed('ansible.legacy', folder.path, found.name, found.path);
      module.shadowedBy = winners.get(found.name) ?? null;
      if (module.shadowedBy === null) winners.set(found.name, found.path);
      modules.push(module);
    }
  }

  return modules;
}

// The first root that holds NS/COLL wins for all of it, so every module of a later copy is
// hidden, whether or not the winning copy has a module of the same name.
function listCollections(search: ModuleSearch): ListedModule[] {
  const winners = new Map<string, string>();
  const modules: ListedModule[] = [];
  for (const root of search.collectionRoots) {
    if (!root.isUsable) continue;

    for (const { collection, path } of findCollections(join(root.path, 'ansible_collections'))) {
      const shadowedBy = winners.get(collection) ?? null;
      if (shadowedBy === null) winners.set(collection, path);
      const folder = join(path, 'plugins', 'modules');
      for (const found of walkModules(folder, { subfolders: 'all' })) {
        const module = toListed(collection, path, found.name, found.path);
        module.shadowedBy = shadowedBy;
        modules.push(module);
      }
    }
  }

  return modules;
}

// ansible.builtin and ansible.legacy are never collections on disk: the resolver skips them.
function findCollections(folder: string): Array<{ collection: string; path: string }> {
  const collections: Array<{ collection: string; path: string }> = [];
  for (const namespace of listFolderNames(folder).filter(isIdentifier)) {
    for (const name of listFolderNames(join(folder, namespace)).filter(isIdentifier)) {
      if (namespace === 'ansible' && (name === 'builtin' || name === 'legacy')) continue;

      collections.push({ collection: `${namespace}.${name}`, path: join(folder, namespace, name) });
    }
  }

  return collections;
}

function toListed(collection: string, folder: string, name: string, path: string): ListedModule {
  return {
    fqcn: `${collection}.${name}`,
    description: null,
    collection,
    collectionPath: folder,
    path,
    shadowedBy: null,
  };
}
