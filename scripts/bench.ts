// `npm run bench`: what ftl2 costs, measured side by side in one run. Runs alternate between
// the contenders and medians are reported, because these machines are noisy.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PACKAGE_ROOT } from '../lib/paths.js';
import { measureLatency } from './bench-latency.js';
import { measureLibraryCalls } from './bench-library.js';
import { median } from './median.js';

const FTL2 = join(PACKAGE_ROOT, 'bin', 'ftl2');
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const scratch = mkdtempSync(join(tmpdir(), 'ftl2-bench-'));
const rows: string[][] = [];

interface Timed {
  ms: number;
  stdoutLines: number;
  /** The last line of stdout, to check that a run did what it should. */
  lastLine: string;
  maxRssKb: number | undefined;
}

/** Runs a command to its end, counting stdout lines; with `measureRss`, under /usr/bin/time. */
function timeCommand(
  argv: string[],
  options: { input?: string; measureRss?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<Timed> {
  const wrapped = options.measureRss ? ['/usr/bin/time', '-f', 'FTL2_BENCH_RSS=%M', ...argv] : argv;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(wrapped[0] as string, wrapped.slice(1), {
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let lines = 0;
    let tail = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) {
        lines += 1;
      }
      tail = (tail + chunk.toString()).slice(-65536);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4096);
    });
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
    child.on('error', reject);
    child.on('close', () => {
      const rss = /FTL2_BENCH_RSS=(\d+)/.exec(stderr)?.[1];
      resolve({
        ms: performance.now() - started,
        stdoutLines: lines,
        lastLine: tail.trimEnd().split('\n').at(-1) ?? '',
        maxRssKb: rss === undefined ? undefined : Number(rss),
      });
    });
  });
}

/** Runs each contender `rounds` times, alternating, and returns the median times. */
async function compare(
  contenders: Record<string, () => Promise<Timed>>,
  rounds: number,
): Promise<Record<string, { ms: number; last: Timed }>> {
  const times: Record<string, number[]> = {};
  const last: Record<string, Timed> = {};
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(contenders)) {
      const timed = await run();
      times[name] = [...(times[name] ?? []), timed.ms];
      last[name] = timed;
    }
  }

  return Object.fromEntries(
    Object.entries(times).map(([name, values]) => [
      name,
      { ms: median(values), last: last[name] as Timed },
    ]),
  );
}

function addRow(name: string, figure: string, goal: string, isMet: boolean | undefined): void {
  rows.push([name, figure, goal, isMet === undefined ? '-' : isMet ? 'yes' : 'NO']);
  process.stderr.write(`  ${name}: ${figure}\n`);
}

async function benchStart(): Promise<void> {
  const module = join(scratch, 'trivial.py');
  writeFileSync(
    module,
    'import sys, json\nsys.stdin.read()\nprint(json.dumps({"changed": False}))\n',
  );
  const input = JSON.stringify({ ANSIBLE_MODULE_ARGS: {} });
  const result = await compare(
    {
      node: () => timeCommand(['node', '-e', '0']),
      direct: () => timeCommand([PYTHON, module], { input }),
      ftl2: () => timeCommand([FTL2, 'exec', module, '--json', '--python', PYTHON]),
    },
    15,
  );
  const extra = (result.ftl2?.ms ?? 0) - (result.direct?.ms ?? 0);
  addRow(
    'start: ftl2 exec --json vs python directly',
    `${fmt(result.ftl2?.ms)} vs ${fmt(result.direct?.ms)} (+${fmt(extra)}; node -e 0: ${fmt(result.node?.ms)})`,
    '+50 ms or less',
    extra <= 50,
  );
}

async function benchAnsible(): Promise<void> {
  const hasAnsible = existsSync('/usr/bin/ansible');
  if (!hasAnsible) {
    addRow(
      'ansible.builtin.ping: ftl2 vs ansible',
      'skipped: ansible not installed',
      '5x',
      undefined,
    );
    return;
  }

  const env = {
    ...process.env,
    ANSIBLE_LOCALHOST_WARNING: 'false',
    ANSIBLE_INVENTORY_UNPARSED_WARNING: 'false',
  };
  const result = await compare(
    {
      ansible: () => timeCommand(['ansible', 'localhost', '-m', 'ping', '-o'], { env }),
      ftl2: () => timeCommand([FTL2, 'exec', 'ansible.builtin.ping', '--json']),
    },
    7,
  );
  const ratio = (result.ansible?.ms ?? 0) / (result.ftl2?.ms ?? 1);
  addRow(
    'ansible.builtin.ping: ftl2 vs ansible localhost -m ping',
    `${fmt(result.ftl2?.ms)} vs ${fmt(result.ansible?.ms)} (${ratio.toFixed(1)}x faster)`,
    '5x faster or more',
    ratio >= 5 && isSuccess(result.ftl2?.last),
  );
}

async function benchList(): Promise<void> {
  if (!existsSync('/usr/bin/ansible-doc')) {
    addRow('list: ftl2 list --json vs ansible-doc -l', 'skipped: no ansible-doc', '1 s', undefined);
    return;
  }

  const result = await compare(
    {
      ansibleDoc: () => timeCommand(['ansible-doc', '-l', '-t', 'module', '-j']),
      ftl2: () => timeCommand([FTL2, 'list', '--json']),
    },
    5,
  );
  const ratio = (result.ansibleDoc?.ms ?? 0) / (result.ftl2?.ms ?? 1);
  const modules = (result.ftl2?.last.stdoutLines ?? 2) - 2;
  addRow(
    'list: ftl2 list --json vs ansible-doc -l -t module -j',
    `${fmt(result.ftl2?.ms)} vs ${fmt(result.ansibleDoc?.ms)} (${ratio.toFixed(1)}x); ${modules} modules`,
    '1 s or less',
    (result.ftl2?.ms ?? Number.POSITIVE_INFINITY) <= 1000,
  );
}

/** A module that cats a prepared file of `count` progress events to stderr. */
function writeFlood(count: number): string {
  const lines: string[] = [];
  for (let index = 1; index <= count; index++) {
    lines.push(
      `{"event":"progress","percent":${((index / count) * 100).toFixed(2)},"message":"step ${index}","current":${index},"total":${count}}`,
    );
  }

  const events = join(scratch, `flood-${count}.ndjson`);
  writeFileSync(events, `${lines.join('\n')}\n`);
  const module = join(scratch, `flood-${count}.sh`);
  writeFileSync(module, `#!/bin/sh\ncat '${events}' >&2\necho '{"changed": false}'\n`);
  chmodSync(module, 0o755);
  return module;
}

async function benchThroughput(): Promise<string> {
  const count = 500_000;
  const module = writeFlood(count);
  const bare = join(PACKAGE_ROOT, 'dist', 'scripts', 'bare-reader.js');
  const result = await compare(
    {
      bare: () => timeCommand(['node', bare, module], { measureRss: true }),
      ftl2: () => timeCommand([FTL2, 'exec', module, '--json'], { measureRss: true }),
    },
    5,
  );
  const ratio = (result.ftl2?.ms ?? 0) / (result.bare?.ms ?? 1);
  const counted = (result.ftl2?.last.stdoutLines ?? 0) - 2;
  addRow(
    'events: 500k through --json vs a bare reader',
    `${fmt(result.ftl2?.ms)} vs ${fmt(result.bare?.ms)} (${ratio.toFixed(2)}x); ${counted} events; RSS ${mb(result.ftl2?.last.maxRssKb)} vs ${mb(result.bare?.last.maxRssKb)}`,
    '1.3x or less, all counted',
    ratio <= 1.3 && counted === count && isSuccess(result.ftl2?.last),
  );
  return module;
}

// Peak RSS moves by several MB from run to run with when V8 grows its young generation, so
// each size runs five times, alternating, and the medians count.
async function benchMemory(): Promise<void> {
  const small = writeFlood(250_000);
  const large = writeFlood(1_000_000);
  const smallRss: number[] = [];
  const largeRss: number[] = [];
  let counted = 0;
  for (let round = 0; round < 5; round++) {
    const smallRun = await timeCommand([FTL2, 'exec', small, '--json'], { measureRss: true });
    const largeRun = await timeCommand([FTL2, 'exec', large, '--json'], { measureRss: true });
    smallRss.push(smallRun.maxRssKb ?? 0);
    largeRss.push(largeRun.maxRssKb ?? 0);
    counted = largeRun.stdoutLines - 2;
  }

  const range = `${Math.round(Math.min(...largeRss) / 1024)}-${mb(Math.max(...largeRss))}`;
  addRow(
    'memory: peak RSS, --json, 1M events (250k), median of 5',
    `${mb(median(largeRss))} (${mb(median(smallRss))}); ${range} over the runs; ${counted} events`,
    '100 MB or less, flat',
    median(largeRss) / 1024 <= 100 && counted === 1_000_000,
  );
}

async function benchHuman(module: string): Promise<void> {
  const script = (args: string) => [
    'script',
    '-qfec',
    `${FTL2} exec ${module} ${args}`,
    '/dev/null',
  ];
  const result = await compare(
    {
      json: () => timeCommand([FTL2, 'exec', module, '--json']),
      pipe: () => timeCommand([FTL2, 'exec', module], { env: { ...process.env, CI: '' } }),
      pty: () => timeCommand(script('')),
    },
    3,
  );
  const json = result.json?.ms ?? 1;
  const pipeRatio = (result.pipe?.ms ?? 0) / json;
  const ptyRatio = (result.pty?.ms ?? 0) / json;
  addRow(
    'human view: 500k events to a pipe / a pty vs --json',
    `${fmt(result.pipe?.ms)} (${pipeRatio.toFixed(2)}x) / ${fmt(result.pty?.ms)} (${ptyRatio.toFixed(2)}x) vs ${fmt(json)}`,
    '1.5x or less',
    pipeRatio <= 1.5 && ptyRatio <= 1.5,
  );
}

function isSuccess(timed: Timed | undefined): boolean {
  try {
    return (JSON.parse(timed?.lastLine ?? '') as { success?: unknown }).success === true;
  } catch {
    return false;
  }
}

function fmt(ms: number | undefined): string {
  if (ms === undefined) return '?';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

function mb(kb: number | undefined): string {
  return kb === undefined ? '?' : `${Math.round(kb / 1024)} MB`;
}

function printTable(): void {
  const header = ['measure', 'figures (medians)', 'goal', 'met'];
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => (row[column] ?? '').length)),
  );
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  process.stdout.write(`${line(header)}\n${line(widths.map((width) => '-'.repeat(width)))}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
}

process.stderr.write(`ftl2 bench (node ${process.version}, python ${PYTHON})\n`);
await benchStart();
await benchAnsible();
await benchList();
const flood = await benchThroughput();
await benchMemory();
const library = await measureLibraryCalls(scratch, PYTHON);
addRow(
  'library: 50 executeLocalStreaming calls vs child_process',
  `${library.ftl2PerCall.toFixed(2)} vs ${library.directPerCall.toFixed(2)} ms per call (+${(library.ftl2PerCall - library.directPerCall).toFixed(2)})`,
  '+3 ms per call or less',
  library.ftl2PerCall - library.directPerCall <= 3,
);
await benchHuman(flood);
const latency = await measureLatency(scratch, FTL2);
addRow(
  'latency: module write to ftl2 stdout',
  `median ${latency.ftl2.toFixed(2)} ms (bare reader ${latency.bare.toFixed(2)} ms)`,
  'under 2 ms',
  latency.ftl2 < 2,
);
printTable();
rmSync(scratch, { recursive: true, force: true });
