// The private PYTHONPATH folder of an Ansible module's run (ANSIBLE.md §2.5): links to the
// `ansible` package and to the first copy of every collection on the search path, so that
// module_utils import exactly as under Ansible, whose loader uses only the first copy found.
//
// Every collection is linked, not only the module's own: module_utils of other collections
// may be imported, and which ones is only known once the module runs. A namespace found in one
// root only is linked whole, so the folder costs a link per namespace (about fifty on Debian).
//
// The folder holds nothing but links, so it is kept in ftl2's cache under a name derived from
// what it links to: the next run with the same search path reuses it instead of making and
// removing fifty links. Another search path, or a collection added or removed, gives another
// name. Where the cache cannot be written, the run builds the folder in its private folder.
import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCacheDir, hashText } from './cache.js';
import { isFile, listFolderNames } from './files.js';
import { isIdentifier } from './names.js';
import type { PrivateDir } from './private-dir.js';

const COMPLETE = '.complete';

/** A link in the folder: its path inside the folder and what it points to. */
type Link = [path: string, target: string];

/** The folder for PYTHONPATH and `_modlib_path`: the cached one when it can be, else a new one. */
export function getPythonShim(
  privateDir: PrivateDir,
  ansibleDir: string | null,
  roots: string[],
  env: NodeJS.ProcessEnv,
): string {
  const links = listLinks(ansibleDir, roots);
  const cached = join(getCacheDir(env), 'pythonpath', hashText(JSON.stringify(links)));
  if (isFile(join(cached, COMPLETE))) return cached;

  const building = `${cached}.${process.pid}.tmp`;
  try {
    buildShim(building, links);
    renameSync(building, cached);
    return cached;
  } catch {
    removeQuietly(building);
    // Another run may have finished the same folder first.
    if (isFile(join(cached, COMPLETE))) return cached;
  }

  const shim = join(privateDir.path, 'pythonpath');
  buildShim(shim, links);
  return shim;
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // Under a cache path that is not a folder there is nothing to remove.
  }
}

function buildShim(shim: string, links: Link[]): void {
  const collections = join(shim, 'ansible_collections');
  mkdirSync(collections, { recursive: true });
  // A regular package here, not a namespace package: Python then never merges in the
  // ansible_collections folders found elsewhere on sys.path (Debian's dist-packages among them).
  writeFileSync(join(collections, '__init__.py'), '');
  for (const [path, target] of links) {
    mkdirSync(join(shim, path, '..'), { recursive: true });
    symlinkSync(target, join(shim, path));
  }

  writeFileSync(join(shim, COMPLETE), '');
}

/** Every link the folder holds, in a stable order. */
function listLinks(ansibleDir: string | null, roots: string[]): Link[] {
  const links: Link[] = ansibleDir === null ? [] : [['ansible', ansibleDir]];
  for (const [namespace, folders] of groupNamespaces(roots)) {
    const base = join('ansible_collections', namespace);
    if (folders.length === 1) {
      links.push([base, folders[0] as string]);
      continue;
    }

    const linked = new Set<string>();
    for (const folder of folders) {
      for (const collection of listNames(folder)) {
        if (linked.has(collection)) continue;

        linked.add(collection);
        links.push([join(base, collection), join(folder, collection)]);
      }
    }
  }

  return links;
}

/** Each namespace with its folders, in search order. */
function groupNamespaces(roots: string[]): Map<string, string[]> {
  const namespaces = new Map<string, string[]>();
  for (const root of roots) {
    const base = join(root, 'ansible_collections');
    for (const namespace of listNames(base)) {
      const folders = namespaces.get(namespace) ?? [];
      folders.push(join(base, namespace));
      namespaces.set(namespace, folders);
    }
  }

  return namespaces;
}

// The names the resolver accepts (a leading `_` included), but not `__pycache__` and the like.
function listNames(folder: string): string[] {
  return listFolderNames(folder).filter((name) => isIdentifier(name) && !name.startsWith('__'));
}
