// Finding a doc fragment's file as Ansible's fragment loader does (ANSIBLE.md §4): a short
// name or `ansible.builtin.X` in ansible-core's `plugins/doc_fragments/`, `ns.coll[.sub].X` in
// the first copy of its collection on the search path, with `plugin_routing.doc_fragments`
// redirects followed. Fragment names follow the grammar of module names (names.ts).
import { join } from 'node:path';
import { isFile, isFolder } from './files.js';
import type { ModuleSearch } from './module-search.js';
import { getResource, getRoutingKey, type ModuleName, parseModuleName } from './names.js';
import { findPluginRouting } from './routing.js';

// Redirect chains are one or two long in practice; this only stops a loop.
const MAX_REDIRECTS = 10;

/** The file of the fragment `name`, or undefined when it is nowhere on the search path. */
export async function findFragmentFile(
  name: string,
  search: ModuleSearch,
): Promise<string | undefined> {
  let current = name;
  for (let redirects = 0; redirects <= MAX_REDIRECTS; redirects++) {
    const parsed = parseModuleName(current);
    if (!parsed.ok) return undefined;

    const place = findFragmentPlace(parsed.name, search);
    if (place === undefined) return undefined;

    // A short name is looked for as a file before any routing, as Ansible's legacy lookup does.
    const path = findFragmentPath(place.folder, place.resource);
    if (parsed.name.kind === 'short' && path !== undefined) return path;

    const key = getRoutingKey(parsed.name);
    const routing = await findPluginRouting(place.runtimeFile, 'doc_fragments', key, search.env);
    if (routing?.tombstone !== undefined) return undefined;
    if (routing?.redirect !== undefined) {
      current = routing.redirect;
      continue;
    }

    return path;
  }

  return undefined;
}

// Ansible imports the subfolders as a Python package and looks beside the package's file. A
// subfolder that is a module (`santricity.py`) thus leaves the lookup in the folder itself:
// netapp_eseries.santricity's `santricity.netapp` fragment is its doc_fragments/netapp.py.
function findFragmentPath(folder: string, resource: string[]): string | undefined {
  let current = folder;
  for (const part of resource.slice(0, -1)) {
    if (isFolder(join(current, part))) {
      current = join(current, part);
      continue;
    }

    if (!isFile(join(current, `${part}.py`))) return undefined;
  }

  const path = join(current, `${resource.at(-1)}.py`);
  return isFile(path) ? path : undefined;
}

interface FragmentPlace {
  /** The `plugins/doc_fragments` folder the fragment would be in. */
  folder: string;
  runtimeFile: string;
  resource: string[];
}

function findFragmentPlace(name: ModuleName, search: ModuleSearch): FragmentPlace | undefined {
  if (name.kind !== 'collection') {
    const { ansibleDir } = search;
    if (ansibleDir === null) return undefined;

    return {
      folder: join(ansibleDir, 'plugins', 'doc_fragments'),
      runtimeFile: join(ansibleDir, 'config', 'ansible_builtin_runtime.yml'),
      resource: getResource(name),
    };
  }

  for (const root of search.collectionRoots) {
    if (!root.isUsable) continue;

    const collection = join(root.path, 'ansible_collections', name.namespace, name.collection);
    if (!isFolder(collection)) continue;

    return {
      folder: join(collection, 'plugins', 'doc_fragments'),
      runtimeFile: join(collection, 'meta', 'runtime.yml'),
      resource: name.resource,
    };
  }

  return undefined;
}
