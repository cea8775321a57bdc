// How a module file is started (DESIGN.md §1, ANSIBLE.md §1-2): the command, its arguments,
// its environment, what goes on its stdin, and the private args file some styles need.
// Nothing here starts a shell.
import { writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { JSONARGS_MARKER, type ModuleShape } from './inspect.js';
import { isIdentifier } from './names.js';
import { formatOldStyleArgs } from './old-style-args.js';
import type { Params } from './params.js';
import { HELPERS_DIR } from './paths.js';
import type { PrivateDir } from './private-dir.js';
import { findForeignMachine, hasElfEmulator } from './program-arch.js';
import { DEFAULT_PYTHON, type PythonChoice } from './python.js';
import type { PythonModuleName } from './resolve.js';

export interface LaunchPlan {
  /** How the command was chosen, for messages when it cannot be started. */
  starter: 'python' | 'shebang' | 'direct';
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  stdin: string;
}

export interface LaunchRequest {
  path: string;
  bytes: Buffer;
  shape: ModuleShape;
  params: Params;
  /** Args only Ansible modules get (`_ansible_*`), already complete. */
  ansibleArgs: Params;
  checkMode: boolean;
  /** Set for Ansible Python modules that live in a package (run by dotted name). */
  pythonModule: PythonModuleName | undefined;
  /** Folders for PYTHONPATH ahead of the user's own. */
  pythonPath: string[];
  python: PythonChoice | undefined;
  env: NodeJS.ProcessEnv;
  /** The run's private folder, for args files. */
  privateDir: PrivateDir;
}

// Runs a module as Ansible's wrapper does, without the wrapper's zip: the current folder leaves
// sys.path first (so a module's own folder never shadows the standard library), then argv is
// left holding only argv[0], which new-style modules need to read their args from stdin.
// A package module runs through runpy.run_module, as in Ansible. A file outside any package
// runs as runpy.run_path would run it, in a fresh __main__ module, without the 5 ms runpy
// costs to import.
const BOOTSTRAP = [
  'import sys',
  "if sys.path and sys.path[0] in ('', '.'):",
  '    del sys.path[0]',
  '_how = sys.argv.pop(1)',
  '_target = sys.argv.pop(1)',
  "if _how == 'module':",
  '    import runpy',
  '    _root = sys.argv.pop(1)',
  '    runpy.run_module(_target, init_globals=dict(_module_fqn=_target, _modlib_path=_root),',
  "                     run_name='__main__', alter_sys=True)",
  'else:',
  "    with open(_target, 'rb') as _file:",
  "        _code = compile(_file.read(), _target, 'exec')",
  "    _main = type(sys)('__main__')",
  '    _main.__file__ = sys.argv[0] = _target',
  "    sys.modules['__main__'] = _main",
  '    exec(_code, _main.__dict__)',
].join('\n');

/** The plan for one run, or the one-line reason the module cannot be started. */
export function planLaunch(request: LaunchRequest): LaunchPlan | { error: string } {
  const { shape, path } = request;
  if (shape.style === 'powershell') {
    return { error: `${path} is a PowerShell module for Windows; ftl2 runs POSIX modules only` };
  }

  if (shape.style === 'ansible') return planAnsibleModule(request);

  // The system runs a file that is no program through /bin/sh: ftl2 never lets it.
  if (shape.style === 'binary' && !isProgram(request.bytes)) {
    return { error: `${path} is neither text nor a program this machine can run (no ELF header)` };
  }

  const foreign = shape.style === 'binary' ? findForeignMachine(request.bytes) : undefined;
  if (foreign !== undefined && !hasElfEmulator()) {
    const { machine, host } = foreign;
    return { error: `${path} is a program for ${machine}, not ${host}; build it for ${host}` };
  }

  if (!shape.isPython && shape.style !== 'binary' && shape.shebang === undefined) {
    return { error: `${path} has no #! line; add one such as #!/bin/sh as its first line` };
  }

  // Old-style modules often source the args file in sh, so a name must be a plain word.
  const badName = Object.keys(request.params).find((name) => !isIdentifier(name));
  if (shape.style === 'old' && badName !== undefined) {
    return { error: `param names of old-style modules must be identifiers; fix '${badName}'` };
  }

  const args = request.checkMode
    ? { ...request.params, _ansible_check_mode: true }
    : request.params;
  const privateDir = request.privateDir.path;
  const argsFile = join(privateDir, 'args');
  const argsText = shape.style === 'old' ? formatOldStyleArgs(args) : JSON.stringify(args);
  writeFileSync(argsFile, argsText, { mode: 0o600 });

  let target = path;
  if (shape.style === 'jsonargs') {
    target = join(privateDir, 'module');
    // A function, so that `$&` and the like in a value stay as they are.
    const json = JSON.stringify(args);
    const text = request.bytes.toString('utf8').replaceAll(JSONARGS_MARKER, () => json);
    writeFileSync(target, text, { mode: 0o700 });
  }

  const stdin = JSON.stringify({ ANSIBLE_MODULE_ARGS: args });
  const env = buildEnv(request, [HELPERS_DIR]);
  if (shape.isPython) {
    const python = request.python?.command ?? DEFAULT_PYTHON;
    return {
      starter: 'python',
      command: python,
      args: ['-c', BOOTSTRAP, 'path', target, argsFile],
      env,
      stdin,
    };
  }

  if (shape.style === 'binary') {
    return { starter: 'direct', command: target, args: [argsFile], env, stdin };
  }

  const [interpreter, ...interpreterArgs] = shape.shebang as [string, ...string[]];
  return {
    starter: 'shebang',
    command: interpreter,
    args: [...interpreterArgs, target, argsFile],
    env,
    stdin,
  };
}

function planAnsibleModule(request: LaunchRequest): LaunchPlan {
  const python = request.python?.command ?? DEFAULT_PYTHON;
  const args = { ...request.params, ...request.ansibleArgs };
  const stdin = JSON.stringify({ ANSIBLE_MODULE_ARGS: args });
  const { pythonModule } = request;
  const env = buildEnv(request, [...request.pythonPath, HELPERS_DIR]);
  const bootArgs =
    pythonModule === undefined
      ? ['path', request.path]
      : ['module', pythonModule.name, request.pythonPath[0] ?? pythonModule.root];
  return {
    starter: 'python',
    command: python,
    args: ['-c', BOOTSTRAP, ...bootArgs],
    env,
    stdin,
  };
}

function buildEnv(request: LaunchRequest, pythonPath: string[]): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...request.env,
    PYTHONUNBUFFERED: '1',
    FTL2_HELPERS: HELPERS_DIR,
  };
  if (request.shape.isPython) {
    const existing = request.env.PYTHONPATH;
    env.PYTHONPATH = [...pythonPath, ...(existing ? [existing] : [])].join(delimiter);
  }

  return env;
}

// ELF, and Mach-O in its four byte orders and widths plus fat binaries, for macOS.
const PROGRAM_MAGICS = [
  [0x7f, 0x45, 0x4c, 0x46],
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe],
];

function isProgram(bytes: Buffer): boolean {
  return PROGRAM_MAGICS.some((magic) => magic.every((byte, index) => bytes[index] === byte));
}
