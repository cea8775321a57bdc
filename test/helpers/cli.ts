// Running the real bin/ftl2 the way a user or a CI step would, and reading what it printed.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FTL2 = join(ROOT, 'bin', 'ftl2');
/** The bundled command line that bin/ftl2 starts, for running it under node's own flags. */
export const CLI_BUNDLE = join(ROOT, 'dist', 'cli', 'ftl2.cjs');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'modules');
export const EXAMPLES = join(
  ROOT,
  'modules',
  'ansible_collections',
  'ftl2',
  'examples',
  'plugins',
  'modules',
);

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  input?: string;
  /** Stop waiting (and kill ftl2) after this many ms; a safety net, not an assertion. */
  killAfterMs?: number;
  /** A command to run the program under, such as /usr/bin/time. */
  wrapWith?: string[];
}

/** Runs `ftl2 ARGS...` to the end. */
export function runFtl2(args: string[], options: CliOptions = {}): Promise<CliRun> {
  return runProgram(FTL2, args, options);
}

/** Runs `node ARGS...` to the end, in the same environment as ftl2. */
export function runNode(args: string[], options: CliOptions = {}): Promise<CliRun> {
  return runProgram(process.execPath, args, options);
}

/** Runs any program to its end, in the test environment. */
export function runProgram(program: string, args: string[], options: CliOptions): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const [command, ...prefix] = [...(options.wrapWith ?? []), program];
    const child = spawn(command as string, [...prefix, ...args], {
      cwd: options.cwd ?? ROOT,
      env: testEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
    const timer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

/** The environment tests run ftl2 in: the caller's without tap's loaders, and no colors. */
export function testEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  delete env.NODE_OPTIONS;
  for (const [name, value] of Object.entries(extra)) if (value === undefined) delete env[name];
  return env;
}

export type JsonRecord = Record<string, unknown> & { type: string; seq: number };

/** Each stdout line parsed as JSON; throws on a line that is not, so a test fails loudly. */
export function parseRecords(stdout: string): JsonRecord[] {
  const lines = stdout.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line, index) => {
    try {
      return JSON.parse(line) as JsonRecord;
    } catch {
      throw new Error(`stdout line ${index + 1} is not JSON: ${line.slice(0, 200)}`);
    }
  });
}

/** A file in test/fixtures, beside the fixture modules. */
export function fixturePath(name: string): string {
  return join(ROOT, 'test', 'fixtures', name);
}

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

export function example(name: string): string {
  return join(EXAMPLES, `${name}.py`);
}
