// Plugin routing from a collection's meta/runtime.yml or ansible-core's builtin runtime file
// (ANSIBLE.md §3.4): redirects, deprecations, tombstones. YAML is loaded only when a file has
// routing, and what a file routes is cached as JSON: the builtin file has about 10,000 lines
// and takes the YAML parser about half a second, the cached JSON a few milliseconds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCacheDir, getFileStamp, hashText, writeCacheFile } from './cache.js';
import { isPlainObject } from './plain-object.js';
import { loadYaml } from './yaml.js';

export interface RemovalNote {
  warningText: string;
  removalVersion: string | undefined;
  removalDate: string | undefined;
}

export interface RoutingEntry {
  redirect: string | undefined;
  deprecation: RemovalNote | undefined;
  tombstone: RemovalNote | undefined;
}

type RawEntries = Record<string, unknown>;

/** The kinds of plugin whose routing ftl2 follows: modules, and the doc fragments of `doc`. */
export type PluginKind = 'modules' | 'doc_fragments';

const KINDS: readonly PluginKind[] = ['modules', 'doc_fragments'];

/** The routing entry for module `key` in `runtimeFile`; undefined when it has none. */
export function findModuleRouting(
  runtimeFile: string,
  key: string,
  env: NodeJS.ProcessEnv,
): Promise<RoutingEntry | undefined> {
  return findPluginRouting(runtimeFile, 'modules', key, env);
}

/** The routing entry for plugin `key` of `kind` in `runtimeFile`; undefined when it has none. */
export async function findPluginRouting(
  runtimeFile: string,
  kind: PluginKind,
  key: string,
  env: NodeJS.ProcessEnv,
): Promise<RoutingEntry | undefined> {
  const stamp = getFileStamp(runtimeFile);
  if (stamp === undefined) return undefined;

  // One file per runtime file holds what it routes for every kind, from one parse.
  const hash = hashText(`${runtimeFile}\0${stamp}\0all kinds`);
  const cacheFile = join(getCacheDir(env), 'routing', `${hash}.json`);
  const routing =
    readCachedRouting(cacheFile, key) ?? (await parseRuntimeFile(runtimeFile, cacheFile));
  return normalizeEntry(routing[kind]?.[key]);
}

type Routing = Partial<Record<PluginKind, RawEntries>>;

// A cheap text search first: most names have no routing, and then the JSON need not be parsed.
// Undefined when there is no cache file, or it cannot be read: then the runtime file is read.
function readCachedRouting(cacheFile: string, key: string): Routing | undefined {
  try {
    const text = readFileSync(cacheFile, 'utf8');
    return text.includes(JSON.stringify(key)) ? (JSON.parse(text) as Routing) : {};
  } catch {
    return undefined;
  }
}

async function parseRuntimeFile(runtimeFile: string, cacheFile: string): Promise<Routing> {
  const text = readFileSync(runtimeFile, 'utf8');
  if (!text.includes('plugin_routing')) return {};

  const { parse } = loadYaml();
  let document: unknown;
  try {
    document = parse(text, { uniqueKeys: false });
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new Error(`cannot read ${runtimeFile}: ${reason}; fix its YAML`);
  }

  const plugins = getObject(getObject(document)?.plugin_routing);
  const routing: Routing = {};
  for (const kind of KINDS) routing[kind] = getObject(plugins?.[kind]) ?? {};
  writeCacheFile(cacheFile, routing);
  return routing;
}

function normalizeEntry(raw: unknown): RoutingEntry | undefined {
  const entry = getObject(raw);
  if (entry === undefined) return undefined;

  return {
    redirect: typeof entry.redirect === 'string' ? entry.redirect : undefined,
    deprecation: normalizeNote(entry.deprecation),
    tombstone: normalizeNote(entry.tombstone),
  };
}

function normalizeNote(raw: unknown): RemovalNote | undefined {
  const note = getObject(raw);
  if (note === undefined) return undefined;

  return {
    warningText: getText(note.warning_text) ?? '',
    removalVersion: getText(note.removal_version),
    removalDate: getText(note.removal_date),
  };
}

/** Ansible's deprecation warning for `name`, without its `[DEPRECATION WARNING]` header. */
export function formatDeprecation(name: string, note: RemovalNote, collection: string): string {
  const text = joinSentences(`${name} has been deprecated.`, note.warningText);
  return `${text} This feature will be removed ${describeRemoval(note, collection)}`;
}

/** Ansible's message for a module that was removed (a tombstone). */
export function formatRemoval(name: string, note: RemovalNote, collection: string): string {
  const text = joinSentences(`${name} has been removed.`, note.warningText);
  return `${text} This feature was removed ${describeRemoval(note, collection)}`;
}

function describeRemoval(note: RemovalNote, collection: string): string {
  const from = `from ${collection === 'ansible.builtin' ? 'ansible-core' : collection}`;
  if (note.removalDate !== undefined) return `${from} in a release after ${note.removalDate}.`;
  if (note.removalVersion !== undefined) return `${from} in version ${note.removalVersion}.`;
  return `${from} in a future release.`;
}

function joinSentences(first: string, second: string): string {
  const text = second.trim();
  if (text === '') return first;
  return /[.!?]$/.test(text) ? `${first} ${text}` : `${first} ${text}.`;
}

function getObject(value: unknown): Record<string, unknown> | undefined {
  return isPlainObject(value) ? value : undefined;
}

function getText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}
