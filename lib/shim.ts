// The private PYTHONPATH folder of an Ansible module's run (ANSIBLE.md §2.5): links to the
// `ansible` package and to the first copy of every collection on the search path, so that
// module_utils import exactly as under Ansible, whose loader uses only the first copy found.
//
// Every collection is linked, not only the module's own: module_utils of other collections
// may be imported, and which ones is only known once the module runs. A namespace found in one
// root only is linked whole, so the folder costs a link per namespace (about fifty on Debian).
import { type Dirent, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isFolder } from './files.js';

const NAME = /^[A-Za-z]\w*$/;

/** Builds the folder in `parent` and returns its path, for PYTHONPATH and `_modlib_path`. */
export function buildPythonShim(
  parent: string,
  ansibleDir: string | null,
  roots: string[],
): string {
  const shim = join(parent, 'pythonpath');
  const collections = join(shim, 'ansible_collections');
  mkdirSync(collections, { recursive: true });
  // A regular package here, not a namespace package: Python then never merges in the
  // ansible_collections folders found elsewhere on sys.path (Debian's dist-packages among them).
  writeFileSync(join(collections, '__init__.py'), '');
  if (ansibleDir !== null) symlinkSync(ansibleDir, join(shim, 'ansible'));

  for (const [namespace, folders] of groupNamespaces(roots)) {
    const target = join(collections, namespace);
    if (folders.length === 1) {
      symlinkSync(folders[0] as string, target);
      continue;
    }

    mkdirSync(target);
    const linked = new Set<string>();
    for (const folder of folders) {
      for (const collection of listNames(folder)) {
        if (linked.has(collection)) continue;

        linked.add(collection);
        symlinkSync(join(folder, collection), join(target, collection));
      }
    }
  }

  return shim;
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

function listNames(folder: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }

  return entries
    .filter((entry) => NAME.test(entry.name))
    .filter((entry) => entry.isDirectory() || isFolder(join(folder, entry.name)))
    .map((entry) => entry.name);
}
