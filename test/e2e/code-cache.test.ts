// bin/ftl2 runs its bundle from V8's code cache: the first run stores it, later runs use it,
// and a damaged, foreign or unwritable cache never changes what a run does.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { type CliRun, fixture, runFtl2 } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/temp.js';

const MODULE = ['exec', fixture('return_warnings.py'), '--json'];

function run(cacheHome: string): Promise<CliRun> {
  return runFtl2(MODULE, { env: { XDG_CACHE_HOME: cacheHome } });
}

/** The records of a run without what differs between runs: time, pid, duration. */
function comparable(output: CliRun): unknown[] {
  return output.stdout
    .trimEnd()
    .split('\n')
    .map((line) => {
      const { time, pid, duration_ms, ...rest } = JSON.parse(line);
      return rest;
    });
}

function listCache(cacheHome: string): string[] {
  const folder = join(cacheHome, 'ftl2', 'code');
  return readdirSync(folder).map((name) => join(folder, name));
}

const reference = await run(makeTempDir('uncached'));

t.test('the first run stores the cache; the next runs use it and leave it', async (t) => {
  const cacheHome = makeTempDir('code-cache');
  const first = await run(cacheHome);
  const [file] = listCache(cacheHome);
  t.equal(listCache(cacheHome).length, 1, 'one file for this bundle and Node');
  const stored = statSync(file as string).mtimeMs;

  const second = await run(cacheHome);
  t.equal(statSync(file as string).mtimeMs, stored, 'accepted, so not written again');
  for (const output of [first, second]) {
    t.equal(output.code, 0);
    t.same(comparable(output), comparable(reference));
  }
});

function flipByte(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  copy.writeUInt8(255 - copy.readUInt8(100_000), 100_000);
  return copy;
}

const damages: Array<[string, (bytes: Buffer) => Buffer]> = [
  ['a flipped byte', flipByte],
  ['a cut-off file', (bytes) => bytes.subarray(0, 1000)],
  ['text that is no cache', () => Buffer.from('not a code cache\n')],
  ['an empty file', () => Buffer.alloc(0)],
];

for (const [name, damage] of damages) {
  t.test(`a cache with ${name} is not used, and is written anew`, async (t) => {
    const cacheHome = makeTempDir('code-cache');
    await run(cacheHome);
    const file = listCache(cacheHome)[0] as string;
    writeFileSync(file, damage(readFileSync(file)));
    const damagedAt = statSync(file).mtimeMs;

    const damaged = await run(cacheHome);
    t.equal(damaged.code, 0);
    t.equal(damaged.stderr, '');
    t.same(comparable(damaged), comparable(reference));
    const rewritten = statSync(file).mtimeMs;
    t.ok(rewritten > damagedAt, 'the damaged file was replaced');
    await run(cacheHome);
    t.equal(statSync(file).mtimeMs, rewritten, 'the new file is accepted');
  });
}

t.test('a cache folder that cannot be made is no error', async (t) => {
  const parent = makeTempDir('code-cache');
  const notAFolder = join(parent, 'file');
  writeFileSync(notAFolder, '');
  const output = await run(notAFolder);
  t.equal(output.code, 0);
  t.equal(output.stderr, '');
  t.same(comparable(output), comparable(reference));
});
