// YAML as Ansible reads documentation: PyYAML's YAML 1.1. The yaml package's 1.1 schema is
// close, and is brought closer: `yes`, `no`, `on`, `off` are booleans but `y` and `n` text;
// `08`, `E1000`, `1e3` and `.` are text (the package reads numbers, or NaN, in them); dates stay
// text, as ansible-doc's JSON shows them; a repeated key is the last one. The parser is loaded
// on first use only; what it rejects is given to PyYAML in the chosen Python.
import type { ScalarTag, Tags } from 'yaml';
import { parseYamlWithPython } from './python-yaml.js';
import { loadYaml } from './yaml.js';

const TAG = 'tag:yaml.org,2002:';

// PyYAML's resolvers, for the tags whose tests are wider in the yaml package.
const TRUE_WORDS = /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/;
const FALSE_WORDS = /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/;
const DECIMAL = /^[-+]?(?:0|[1-9][0-9_]*)$/;
const FLOAT = /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?)$/;

/**
 * The value of the YAML document `text`, read with PyYAML in `python` when the yaml package
 * rejects it; throws with the yaml package's first line when neither can read it.
 */
export async function parseDocYaml(text: string, python: string | undefined): Promise<unknown> {
  const { parse } = loadYaml();
  try {
    return parse(text, { version: '1.1', uniqueKeys: false, customTags: adjustTags });
  } catch (error) {
    const read = python === undefined ? undefined : parseYamlWithPython(text, python);
    if (read !== undefined) return read.value;

    throw new Error((error as Error).message.split('\n')[0]);
  }
}

function adjustTags(tags: Tags): Tags {
  return tags.flatMap((tag): Tags => {
    if (typeof tag === 'string' || tag.collection !== undefined) return [tag];

    const scalar = tag as ScalarTag;
    const test = findPyYamlTest(scalar);
    if (test === null) return [];
    return test === undefined ? [scalar] : [{ ...scalar, test }];
  });
}

// The test PyYAML has for what `tag` matches; null when PyYAML has no such form at all.
function findPyYamlTest(tag: ScalarTag): RegExp | null | undefined {
  if (tag.tag === `${TAG}timestamp` || tag.format === 'EXP') return null;
  if (tag.tag === `${TAG}bool`) return tag.test?.test('yes') ? TRUE_WORDS : FALSE_WORDS;
  if (tag.format !== undefined) return undefined;
  if (tag.tag === `${TAG}int`) return DECIMAL;
  if (tag.tag === `${TAG}float` && tag.test?.test('.inf') === false) return FLOAT;
  return undefined;
}
