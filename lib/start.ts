// What bin/ftl2 starts: it runs the command line's bundle (dist/cli/ftl2.cjs, beside this
// file once bundled) from V8's code cache, so that a run deserializes the bundle's compiled
// code instead of parsing and compiling it again (7 ms of a 46 ms run, docs/performance.md).
// Node 22 has module.enableCompileCache for this; Node 20 has only vm.Script's cachedData.
//
// The cache is a file per bundle, Node and flags under $XDG_CACHE_HOME/ftl2/code. V8 refuses
// data made by another V8, other flags or a source of another length, but a release build
// does not check the bytes, so each file starts with their CRC-32, checked first. A file that
// is refused, damaged or missing is written anew as the run ends, with what the run compiled.
// A Node without zlib.crc32 (before 20.15) runs the bundle without the cache.
import {
  accessSync,
  constants,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';
import { getCacheDir, getFileStamp, hashText, writeCacheBytes } from './cache.js';

type ModuleWrapper = (
  exports: unknown,
  require: NodeJS.Require,
  module: Module,
  filename: string,
  dirname: string,
) => void;

/** How long a cache file of another bundle or Node is kept after it was written. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/** Runs the bundle at `bundle` as Node would run `node bundle`, from the code cache. */
export function startBundle(bundle: string, env: NodeJS.ProcessEnv = process.env): void {
  const source = readFileSync(bundle, 'utf8');
  const cacheFile = typeof crc32 === 'function' ? getCodeCacheFile(bundle, env) : undefined;
  const cachedData = cacheFile === undefined ? undefined : readCodeCache(cacheFile);
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected)) {
    process.once('exit', () => storeCodeCache(cacheFile, script));
  }

  const wrapper = script.runInThisContext() as ModuleWrapper;
  const module = new Module(bundle);
  module.filename = bundle;
  wrapper.call(
    module.exports,
    module.exports,
    createRequire(bundle),
    module,
    bundle,
    dirname(bundle),
  );
}

// The bundle's file identity is in the name: V8 checks the source's length, not its text.
function getCodeCacheFile(bundle: string, env: NodeJS.ProcessEnv): string | undefined {
  const stamp = getFileStamp(bundle);
  if (stamp === undefined) return undefined;

  const flags = [...process.execArgv, env.NODE_OPTIONS ?? ''];
  const key = JSON.stringify([bundle, stamp, process.version, process.arch, flags]);
  return join(getCacheDir(env), 'code', `${hashText(key)}.bin`);
}

function readCodeCache(file: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }

  const data = bytes.subarray(4);
  return bytes.length > 4 && bytes.readUInt32LE(0) === crc32(data) ? data : undefined;
}

// Made only where it can be kept: with the cache folder read-only, each run would otherwise
// pay for serializing data that is then thrown away. Files of older bundles are removed once
// a day old, so an upgrade leaves none behind for long while two installs used in turn keep
// theirs.
function storeCodeCache(cacheFile: string, script: Script): void {
  const folder = dirname(cacheFile);
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
  } catch {
    return;
  }

  const data = script.createCachedData();
  const header = Buffer.alloc(4);
  header.writeUInt32LE(crc32(data));
  writeCacheBytes(cacheFile, Buffer.concat([header, data]));
  try {
    for (const name of readdirSync(folder)) {
      const file = join(folder, name);
      if (file !== cacheFile && Date.now() - statSync(file).mtimeMs > STALE_AFTER_MS) {
        rmSync(file, { force: true });
      }
    }
  } catch {
    // Only tidying.
  }
}
