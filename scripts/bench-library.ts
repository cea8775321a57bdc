// The library bench: executeLocalStreaming against spawning the same module directly.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { executeLocalStreaming } from '../lib/index.js';
import { median } from './median.js';

export interface LibraryFigures {
  ftl2PerCall: number;
  directPerCall: number;
}

function runDirectly(python: string, module: string): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(python, [module], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.resume();
    child.stdin.end(JSON.stringify({ ANSIBLE_MODULE_ARGS: {} }));
    child.on('close', () => {
      JSON.parse(stdout);
      resolve();
    });
  });
}

/** Median per-call time over 50 calls each, alternating ftl2 and a bare spawn. */
export async function measureLibraryCalls(
  scratch: string,
  python: string,
): Promise<LibraryFigures> {
  const module = join(scratch, 'library-trivial.py');
  writeFileSync(
    module,
    'import sys, json\nsys.stdin.read()\nprint(json.dumps({"changed": False}))\n',
  );
  const ftl2: number[] = [];
  const direct: number[] = [];
  for (let call = 0; call < 55; call++) {
    let started = performance.now();
    const result = await executeLocalStreaming(module, {}, { python, keepEvents: false });
    if (result.status !== 'ok') throw new Error(`library bench module failed: ${result.error}`);
    if (call >= 5) ftl2.push(performance.now() - started);

    started = performance.now();
    await runDirectly(python, module);
    if (call >= 5) direct.push(performance.now() - started);
  }

  return { ftl2PerCall: median(ftl2), directPerCall: median(direct) };
}
