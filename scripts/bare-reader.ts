// The baseline for the throughput bench: start a module, split its stderr into lines, parse
// each, wrap it in an envelope and write it out, with no validation and no limits.
import { spawn } from 'node:child_process';

const module = process.argv[2] as string;
const child = spawn(module, [], { stdio: ['pipe', 'pipe', 'pipe'] });
child.stdin.end(JSON.stringify({ ANSIBLE_MODULE_ARGS: {} }));
let seq = 0;
let partial = '';
let stdout = '';
process.stdout.write(
  `${JSON.stringify({ type: 'start', seq: seq++, time: new Date().toISOString() })}\n`,
);
child.stdout.on('data', (chunk: Buffer) => {
  stdout += chunk.toString();
});
child.stderr.setEncoding('utf8');
child.stderr.on('data', (chunk: string) => {
  const lines = (partial + chunk).split('\n');
  partial = lines.pop() ?? '';
  // One time per chunk, as ftl2 does, so the baseline is not slowed by formatting dates.
  const time = new Date().toISOString();
  let out = '';
  for (const line of lines) {
    let record: unknown;
    try {
      record = { type: 'event', seq, time, ...JSON.parse(line) };
    } catch {
      record = { type: 'stderr', seq, time, line };
    }
    seq += 1;
    out += `${JSON.stringify(record)}\n`;
  }
  process.stdout.write(out);
});
child.on('close', () => {
  const result = {
    type: 'result',
    seq,
    time: new Date().toISOString(),
    output: JSON.parse(stdout),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
});
