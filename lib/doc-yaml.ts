// YAML as Ansible reads documentation: PyYAML's YAML 1.1, so `yes`, `no`, `on` and `off` are
// booleans but `y` and `n` stay text, dates stay text (as ansible-doc's JSON shows them), and
// a repeated key is the last one. The parser is loaded on first use only.
import type { ScalarTag, Tags } from 'yaml';

const BOOLEAN_TAG = 'tag:yaml.org,2002:bool';
const TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp';
const TRUE_WORDS = /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/;
const FALSE_WORDS = /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/;

/** The value of the YAML document `text`; throws with the parser's first line when it is bad. */
export async function parseDocYaml(text: string): Promise<unknown> {
  const { parse } = await import('yaml');
  try {
    return parse(text, { version: '1.1', uniqueKeys: false, customTags: adjustTags });
  } catch (error) {
    throw new Error((error as Error).message.split('\n')[0]);
  }
}

function adjustTags(tags: Tags): Tags {
  return tags
    .filter((tag) => typeof tag === 'string' || tag.tag !== TIMESTAMP_TAG)
    .map((tag) => {
      if (typeof tag === 'string' || tag.tag !== BOOLEAN_TAG) return tag;

      // The boolean tags are scalar tags, one for true and one for false.
      const scalar = tag as ScalarTag;
      return { ...scalar, test: scalar.test?.test('yes') ? TRUE_WORDS : FALSE_WORDS };
    });
}
