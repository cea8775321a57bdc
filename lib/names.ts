// Module names as Ansible reads them (ANSIBLE.md §3.3): an FQCN `ns.coll[.sub...].name`, the
// synthetic `ansible.builtin` and `ansible.legacy` collections, or a short name. Every part is
// an identifier, checked before anything is searched, so no name can reach outside a folder.

export type ModuleName =
  /** `ns.coll[.sub...].name`: found in the first copy of `ns.coll` on the search path. */
  | { kind: 'collection'; fqcn: string; namespace: string; collection: string; resource: string[] }
  /** `ansible.builtin[.sub...].name`: ansible-core's own modules and routing. */
  | { kind: 'builtin'; fqcn: string; resource: string[] }
  /** `name` or `ansible.legacy.name`: module folders first, then `ansible.builtin.name`. */
  | { kind: 'short'; fqcn: string; name: string };

export type ParsedName = { ok: true; name: ModuleName } | { ok: false; error: string };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Whether `text` is one part of a module name: ASCII letters, digits and _, no digit first. */
export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text);
}

/** The parts of a module name, or why it is not one (the bad part named). */
export function parseModuleName(text: string): ParsedName {
  const parts = text.split('.');
  const bad = parts.find((part) => !IDENTIFIER.test(part));
  if (bad !== undefined) {
    const what = bad === '' ? 'it has an empty part' : `'${bad}' is not an identifier`;
    return reject(text, `${what}; each part between dots holds only letters, digits and _`);
  }

  const [first, second, ...rest] = parts as [string, ...string[]];
  if (second === undefined) return { ok: true, name: toShortName(first) };
  if (rest.length === 0) return reject(text, 'give a short name (ping) or an FQCN (ns.coll.name)');

  if (first === 'ansible' && second === 'legacy') {
    if (rest.length > 1)
      return reject(text, 'ansible.legacy takes a short name (ansible.legacy.ping)');

    return { ok: true, name: toShortName(rest[0] as string) };
  }

  if (first === 'ansible' && second === 'builtin') {
    return { ok: true, name: { kind: 'builtin', fqcn: text, resource: rest } };
  }

  return {
    ok: true,
    name: { kind: 'collection', fqcn: text, namespace: first, collection: second, resource: rest },
  };
}

function reject(text: string, reason: string): ParsedName {
  return { ok: false, error: `bad module name '${text}': ${reason}` };
}

function toShortName(name: string): ModuleName {
  return { kind: 'short', fqcn: `ansible.legacy.${name}`, name };
}

/** The subfolders and name a plugin is looked up by; a short name is the name alone. */
export function getResource(name: ModuleName): string[] {
  return name.kind === 'short' ? [name.name] : name.resource;
}

/** The key a module has in `meta/runtime.yml` routing: its subfolders and name, dotted. */
export function getRoutingKey(name: ModuleName): string {
  return getResource(name).join('.');
}
