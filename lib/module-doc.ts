// A module's documentation, read without running it (ANSIBLE.md §4): DOCUMENTATION, EXAMPLES
// and RETURN from the string constants of a Python file, or from the keys of the sidecar
// `X.yml` (or `X.yaml`, or `X.py`) beside a module in another language; doc fragments merged.
// A module without an extension or sidecar is read as Python source, as `list` reads it, so a
// Python module named `library/mymod` is documented (ansible-doc would want a sidecar).
import { readFileSync } from 'node:fs';
import { type DocObject, isDocObject, mergeDocFragments } from './doc-fragments.js';
import { parseDocYaml } from './doc-yaml.js';
import { findStringAssignments } from './docstring.js';
import { findDocFile } from './docstub.js';
import type { ModuleSearch } from './module-search.js';

export interface ModuleDoc {
  /** The file the documentation was read from: the module, or its sidecar. */
  docFile: string;
  /** DOCUMENTATION with its fragments merged; null when there is none (or it is unreadable). */
  doc: DocObject | null;
  /** EXAMPLES, as written. */
  examples: string | null;
  /** RETURN: each return value by name. */
  returns: DocObject | null;
  warnings: string[];
}

interface SectionContext {
  /** The file the sections are read from. */
  file: string;
  /** The Python whose PyYAML reads what the yaml package cannot. */
  python: string | undefined;
  warnings: string[];
}

interface RawDoc {
  documentation: unknown;
  examples: unknown;
  returns: unknown;
}

/** The documentation of the module file at `path`, fragments found through `search`. */
export async function readModuleDoc(path: string, search: ModuleSearch): Promise<ModuleDoc> {
  const docFile = findDocFile(path);
  const empty: ModuleDoc = { docFile, doc: null, examples: null, returns: null, warnings: [] };
  const context: SectionContext = {
    file: docFile,
    python: search.python.info?.command,
    warnings: [],
  };
  let raw: RawDoc;
  try {
    raw = /\.ya?ml$/.test(docFile) ? await readSidecar(context) : readPythonDoc(docFile);
  } catch (error) {
    return { ...empty, warnings: [`cannot read ${docFile}: ${(error as Error).message}`] };
  }

  const doc = await parseSection(raw.documentation, 'DOCUMENTATION', context);
  if (doc !== null) context.warnings.push(...(await mergeDocFragments(doc, search)));
  return {
    docFile,
    doc,
    examples: typeof raw.examples === 'string' ? raw.examples : null,
    returns: await parseSection(raw.returns, 'RETURN', context),
    warnings: context.warnings,
  };
}

function readPythonDoc(file: string): RawDoc {
  const values = new Map<string, string>();
  for (const assignment of findStringAssignments(readFileSync(file, 'utf8'))) {
    if (assignment.className === null) values.set(assignment.name, assignment.value);
  }

  return {
    documentation: values.get('DOCUMENTATION'),
    examples: values.get('EXAMPLES'),
    returns: values.get('RETURN'),
  };
}

async function readSidecar({ file, python }: SectionContext): Promise<RawDoc> {
  const value = await parseDocYaml(readFileSync(file, 'utf8'), python);
  const keys = isDocObject(value) ? value : {};
  return { documentation: keys.DOCUMENTATION, examples: keys.EXAMPLES, returns: keys.RETURN };
}

// A section is YAML text in Python files and already parsed in sidecars.
async function parseSection(
  raw: unknown,
  name: string,
  context: SectionContext,
): Promise<DocObject | null> {
  if (raw === undefined || raw === null) return null;

  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = await parseDocYaml(raw, context.python);
    } catch (error) {
      context.warnings.push(`cannot read ${name} in ${context.file}: ${(error as Error).message}`);
      return null;
    }
  }

  if (value === null || isDocObject(value)) return value;

  context.warnings.push(`${name} in ${context.file} is not a YAML mapping`);
  return null;
}
