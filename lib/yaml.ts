// The yaml package, loaded the first time a YAML file is read. It is required, not imported:
// the command line's bundle runs from V8's code cache (lib/start.ts), where Node 20 loses the
// callback a dynamic import() needs.
import { createRequire } from 'node:module';

type YamlPackage = typeof import('yaml');

let yaml: YamlPackage | undefined;

/** The yaml package. */
export function loadYaml(): YamlPackage {
  yaml ??= createRequire(import.meta.url)('yaml') as YamlPackage;
  return yaml;
}
