// Everything a module name is looked up in, worked out once per run and only when asked:
// a name that fails to parse reads no config file and starts no Python.
import { type AnsibleSettings, readAnsibleSettings } from './ansible-config.js';
import { choosePython, type PythonChoice } from './python.js';
import {
  buildCollectionSearchPath,
  buildModuleFolders,
  type SearchFolder,
  type SearchPathInput,
} from './search-path.js';

export interface ModuleSearchOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** `-C` folders, searched first. */
  collectionsPaths?: string[] | undefined;
  /** `-M` folders for short names. */
  modulePaths?: string[] | undefined;
  playbookDir?: string | undefined;
  /** `--python`: its `sys.path` and ansible-core are the ones searched. */
  python?: string | undefined;
}

export class ModuleSearch {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly #options: ModuleSearchOptions;
  #settings: AnsibleSettings | undefined;
  #python: PythonChoice | undefined;
  #collectionRoots: SearchFolder[] | undefined;
  #moduleFolders: SearchFolder[] | undefined;

  constructor(options: ModuleSearchOptions) {
    this.cwd = options.cwd;
    this.env = options.env;
    this.#options = options;
  }

  /** The Ansible settings (ansible.cfg and environment) in effect. */
  get settings(): AnsibleSettings {
    this.#settings ??= readAnsibleSettings(this.env, this.cwd);
    return this.#settings;
  }

  /** The Python that Ansible modules would run with (probed once, then cached on disk). */
  get python(): PythonChoice {
    this.#python ??= choosePython({
      python: this.#options.python,
      env: this.env,
      cwd: this.cwd,
      needsAnsible: true,
    });
    return this.#python;
  }

  /** The folder of the `ansible` package that ansible.builtin comes from, or null. */
  get ansibleDir(): string | null {
    return this.python.info?.ansibleDir ?? null;
  }

  /** The collection roots in search order, searched ones and skipped ones alike. */
  get collectionRoots(): SearchFolder[] {
    this.#collectionRoots ??= buildCollectionSearchPath(this.#getInput());
    return this.#collectionRoots;
  }

  /** The folders short names are looked up in, before ansible.builtin. */
  get moduleFolders(): SearchFolder[] {
    this.#moduleFolders ??= buildModuleFolders(this.#getInput());
    return this.#moduleFolders;
  }

  #getInput(): SearchPathInput {
    const { info } = this.python;
    return {
      cwd: this.cwd,
      env: this.env,
      settings: this.settings,
      collectionsPaths: this.#options.collectionsPaths ?? [],
      modulePaths: this.#options.modulePaths ?? [],
      playbookDir: this.#options.playbookDir,
      python: info === undefined ? undefined : { command: info.command, sysPath: info.sysPath },
    };
  }
}
