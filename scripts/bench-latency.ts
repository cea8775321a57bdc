// The latency bench: time from a module writing an event to the event appearing on the
// reader's stdout. Python's monotonic clock and Node's hrtime read the same CLOCK_MONOTONIC.
import { spawn } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../lib/paths.js';
import { median } from './median.js';

const EVENTS = 200;

function collectLatencies(command: string, args: string[]): Promise<number[]> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    const latencies: number[] = [];
    let partial = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const now = process.hrtime.bigint();
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const sent = /"sent_ns": ?(\d+)/.exec(line)?.[1];
        if (sent !== undefined) latencies.push(Number(now - BigInt(sent)) / 1e6);
      }
    });
    child.stdin.end('{"ANSIBLE_MODULE_ARGS": {}}');
    child.on('close', () => resolve(latencies));
  });
}

/** Median latency in ms through ftl2 --json and through the bare reader. */
export async function measureLatency(scratch: string, ftl2: string) {
  const module = join(scratch, 'latency.py');
  writeFileSync(
    module,
    [
      '#!/usr/bin/env python3',
      'import sys, time',
      `for i in range(${EVENTS}):`,
      '    sys.stderr.write(\'{"event": "progress", "current": %d, "sent_ns": %d}\\n\' % (i, time.monotonic_ns()))',
      '    sys.stderr.flush()',
      '    time.sleep(0.005)',
      'print("{}")',
    ].join('\n'),
  );
  chmodSync(module, 0o755);
  const bare = join(PACKAGE_ROOT, 'dist', 'scripts', 'bare-reader.js');
  const ftl2Latencies = await collectLatencies(ftl2, ['exec', module, '--json']);
  const bareLatencies = await collectLatencies('node', [bare, module]);
  return { ftl2: median(ftl2Latencies), bare: median(bareLatencies) };
}
