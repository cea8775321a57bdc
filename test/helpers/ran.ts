// Which parts of the bundled command line ran during a command: V8's coverage of the bundle,
// mapped to the `// path` comments esbuild puts before each module it bundles. A part the
// bundle holds but never started (its module code never ran) does not show.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI_BUNDLE, type CliRun, runNode } from './cli.js';
import { makeTempDir } from './temp.js';

interface CoveredFunction {
  ranges: { startOffset: number; count: number }[];
}

interface ScriptCoverage {
  url: string;
  functions: CoveredFunction[];
}

/** Runs the bundle with ARGS and returns the run and the bundled files whose code ran. */
export async function runAndListModules(
  args: string[],
  input?: string,
): Promise<{ run: CliRun; modules: string[] }> {
  const folder = makeTempDir('coverage');
  const run = await runNode([CLI_BUNDLE, ...args], { env: { NODE_V8_COVERAGE: folder }, input });
  const url = pathToFileURL(CLI_BUNDLE).href;
  const scripts = readdirSync(folder).flatMap(
    (file) =>
      (JSON.parse(readFileSync(join(folder, file), 'utf8')) as { result: ScriptCoverage[] }).result,
  );
  const bundle = scripts.find((script) => script.url === url);
  if (bundle === undefined) throw new Error(`no coverage of ${CLI_BUNDLE}`);

  const regions = listRegions(readFileSync(CLI_BUNDLE, 'utf8'));
  const modules = new Set<string>();
  for (const covered of bundle.functions) {
    const range = covered.ranges[0];
    if (range === undefined || range.count === 0) continue;

    const region = regions.findLast((item) => item.start <= range.startOffset);
    if (region !== undefined) modules.add(region.name);
  }

  return { run, modules: [...modules] };
}

function listRegions(bundle: string): { start: number; name: string }[] {
  return [...bundle.matchAll(/^\/\/ (\S+\.(?:js|cjs|mjs|json))$/gm)].map((match) => ({
    start: match.index,
    name: match[1] as string,
  }));
}
