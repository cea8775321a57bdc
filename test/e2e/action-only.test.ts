// Collection modules that Ansible pairs with an action plugin: a file that is only
// documentation is refused with the reason; a file with code runs, with a warning.
import { join } from 'node:path';
import t from 'tap';
import { type CliRun, parseRecords, runFtl2 } from '../helpers/cli.js';
import { createSandbox } from '../helpers/sandbox.js';

const sandbox = createSandbox();
t.teardown(sandbox.remove);
const ROOT = join(sandbox.dir, 'collections');
const COLLECTION = 'collections/ansible_collections/acme/net/plugins';

// As hundreds of cisco.dnac and cisco.ise modules are: documentation, and nothing to run.
const DOCS_ONLY = `#!/usr/bin/python
# -*- coding: utf-8 -*-
from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r"""
module: device_info
short_description: Reads devices from the controller's API
description:
  - import this and that, from the API; if it fails, say so.
  - Lines that begin with Python's words are still documentation:
    if the API is down,
    import nothing and define nothing,
    class of its own.
"""

EXAMPLES = r"""
- acme.net.device_info:
    name: core
"""

RETURN = r"""
devices:
  description: the devices
  type: list
"""
`;

const WITH_CODE = `#!/usr/bin/python
# WANT_JSON
import json
import sys

with open(sys.argv[1]) as args_file:
    args = json.load(args_file)
print(json.dumps({"changed": False, "name": args.get("name")}))
`;

sandbox.write(`${COLLECTION}/modules/device_info.py`, DOCS_ONLY);
sandbox.write(`${COLLECTION}/action/device_info.py`, '# the action plugin\n');
sandbox.write(`${COLLECTION}/modules/no_plugin.py`, DOCS_ONLY);
sandbox.write(`${COLLECTION}/modules/paired.py`, WITH_CODE);
sandbox.write(`${COLLECTION}/action/paired.py`, '# the action plugin\n');

function ftl2(args: string[]): Promise<CliRun> {
  return runFtl2([...args, '-C', ROOT], { cwd: sandbox.dir, env: sandbox.env });
}

function resultOf(run: CliRun): Record<string, unknown> {
  return parseRecords(run.stdout).at(-1) as Record<string, unknown>;
}

t.test('a module file that is only documentation beside an action plugin is refused', async (t) => {
  const run = await ftl2(['exec', 'acme.net.device_info', '--param', 'name=core', '--json']);
  t.equal(run.code, 3);
  t.match(resultOf(run), {
    status: 'error',
    error:
      'cannot run acme.net.device_info on its own: it has no module code, only an action ' +
      'plugin that Ansible runs itself; run it in an Ansible play',
  });

  const human = await ftl2(['exec', 'acme.net.device_info']);
  t.equal(human.code, 3);
  t.match(human.stderr, /^error: cannot run acme\.net\.device_info on its own: it has no module/);
});

t.test('ftl2 resolve says it would be refused, and why', async (t) => {
  const run = await ftl2(['resolve', 'acme.net.device_info']);
  t.equal(run.code, 0);
  t.match(run.stdout, /^ {2}action {2}refused: it has no module code, only an action plugin/m);
});

t.test('the same file without an action plugin is run, as any module is', async (t) => {
  const run = await ftl2(['exec', 'acme.net.no_plugin', '--json']);
  t.equal(run.code, 1);
  t.match(resultOf(run), { status: 'invalid_output', error: 'module printed nothing on stdout' });
});

t.test('a module with code beside an action plugin runs, with a warning', async (t) => {
  const run = await ftl2(['exec', 'acme.net.paired', '--param', 'name=core', '--json']);
  t.equal(run.code, 0);
  const result = resultOf(run);
  t.match(result, { status: 'ok', output: { changed: false, name: 'core' } });
  t.match(result.warnings, [/^Ansible runs acme\.net\.paired through the action plugin \S+paired/]);
});
