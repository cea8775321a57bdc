// What kind of module a file is, decided by its content as Ansible decides it (ANSIBLE.md
// §1.1): the file name plays no part, the shebang only picks the interpreter.
import { basename } from 'node:path';

export type ModuleStyle =
  /** Imports `ansible.module_utils` or a collection's module_utils: run by dotted name. */
  | 'ansible'
  /** Has `<<INCLUDE_ANSIBLE_MODULE_JSON_ARGS>>`: the args are pasted into a copy of the text. */
  | 'jsonargs'
  /** Contains `WANT_JSON`: a JSON args file. */
  | 'want_json'
  /** Anything else that is text: a `key=value` args file. */
  | 'old'
  /** Not text: run directly with a JSON args file. */
  | 'binary'
  /** Windows PowerShell: cannot run here. */
  | 'powershell';

export interface ModuleShape {
  style: ModuleStyle;
  /** Python modules (Ansible ones always) run through the bootstrap with the chosen
   * interpreter, whatever their #!. */
  isPython: boolean;
  /** The #! line split into words, when there is one. */
  shebang: string[] | undefined;
}

const REPLACER = '#<<INCLUDE_ANSIBLE_MODULE_COMMON>>';
export const JSONARGS_MARKER = '<<INCLUDE_ANSIBLE_MODULE_JSON_ARGS>>';

const ANSIBLE_IMPORT = new RegExp(
  [
    String.raw`^\s*from\s+ansible\.module_utils[\w.]*\s+import\s`,
    String.raw`^\s*import\s+ansible\.module_utils\.`,
    String.raw`^\s*from\s+ansible_collections\.\w+\.\w+\.plugins\.module_utils[\w.]*\s+import\s`,
    String.raw`^\s*import\s+ansible_collections\.\w+\.\w+\.plugins\.module_utils\.`,
    String.raw`^\s*from\s+\.\.+module_utils[\w.]*\s+import\s`,
  ].join('|'),
  'm',
);

const POWERSHELL_MARKERS =
  /# POWERSHELL_COMMON|^#Requires -(?:Module|Version)|^#AnsibleRequires -/im;

/** Classifies a module from its bytes. */
export function inspectModule(path: string, bytes: Buffer): ModuleShape {
  if (isBinary(bytes)) return { style: 'binary', isPython: false, shebang: undefined };

  const text = bytes.toString('utf8');
  const shebang = readShebang(text);
  const style = getTextStyle(text);
  const isPython =
    style === 'ansible' ||
    (shebang === undefined ? path.endsWith('.py') : isPythonInterpreter(shebang));
  return { style, isPython, shebang };
}

function getTextStyle(text: string): ModuleStyle {
  if (text.includes(REPLACER) || ANSIBLE_IMPORT.test(text)) return 'ansible';
  if (POWERSHELL_MARKERS.test(text)) return 'powershell';
  if (text.includes(JSONARGS_MARKER)) return 'jsonargs';
  if (text.includes('WANT_JSON')) return 'want_json';
  return 'old';
}

/** Bytes outside what text files hold, in the first 1024 (the rule Ansible uses). */
function isBinary(bytes: Buffer): boolean {
  const end = Math.min(bytes.length, 1024);
  for (let index = 0; index < end; index++) {
    const byte = bytes[index] as number;
    const isText =
      byte >= 0x20
        ? byte !== 0x7f
        : byte === 7 ||
          byte === 8 ||
          byte === 9 ||
          byte === 10 ||
          byte === 12 ||
          byte === 13 ||
          byte === 27;
    if (!isText) return true;
  }

  return false;
}

function readShebang(text: string): string[] | undefined {
  if (!text.startsWith('#!')) return undefined;

  const end = text.indexOf('\n');
  const words = text
    .slice(2, end === -1 ? undefined : end)
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '');
  return words.length > 0 ? words : undefined;
}

const PYTHON_NAME = /^python[\d.]*$/;

function isPythonInterpreter(shebang: string[]): boolean {
  const program = basename(shebang[0] as string);
  if (PYTHON_NAME.test(program)) return true;

  const target = shebang.find((word, index) => index > 0 && !word.startsWith('-'));
  return program === 'env' && target !== undefined && PYTHON_NAME.test(basename(target));
}
