// YAML read by PyYAML in the chosen Python, for the documentation the `yaml` package rejects:
// PyYAML, which Ansible reads documentation with, accepts a quoted or flow value whose lines go
// on to the left of where it began, and about 1% of Debian's modules are written so. Only the
// YAML text goes to Python; the module is never imported.
import { execFileSync } from 'node:child_process';

// The current folder leaves sys.path first, so that no `yaml.py` there can pass for PyYAML.
const SCRIPT = [
  'import sys',
  "sys.path[:] = [p for p in sys.path if p not in ('', '.')]",
  'import json, yaml',
  "loader = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)",
  'json.dump(yaml.load(sys.stdin.read(), Loader=loader), sys.stdout, default=str)',
].join('\n');

/** The value of the YAML document `text` as PyYAML reads it; undefined when it cannot. */
export function parseYamlWithPython(text: string, python: string): { value: unknown } | undefined {
  try {
    const output = execFileSync(python, ['-c', SCRIPT], {
      input: text,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'ignore'],
      timeout: 15_000,
    });
    return { value: JSON.parse(output) as unknown };
  } catch {
    return undefined;
  }
}
