// The shapes of a run, as the library and the renderers see it: options in, what a renderer
// hears while the module works, and the result out.
import type { ModuleEvent, Status } from './protocol.js';

export interface ExecuteOptions {
  /** Called with each event as soon as the module writes it. */
  eventCallback?: (event: ModuleEvent) => void;
  /** Seconds before the module and everything it started are stopped (status `timeout`). */
  timeout?: number;
  /** Run in check mode: `_ansible_check_mode: true` in the args. */
  checkMode?: boolean;
  /** Ask Ansible modules for a diff (`_ansible_diff`). */
  diff?: boolean;
  /** `_ansible_verbosity` for Ansible modules. */
  verbosity?: number;
  /** Aborting stops the module (status `interrupted`); a signal name as reason is sent first. */
  signal?: AbortSignal;
  /** Variables set over the current environment; `undefined` removes one. */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** The Python interpreter for Python modules. */
  python?: string;
  /** Keep every event in `result.events` (default true; the CLI turns it off). */
  keepEvents?: boolean;
  /** Collection folders searched first, as `-C` does (names only). */
  collectionsPaths?: string[];
  /** Module folders short names are looked up in first, as `-M` does (names only). */
  modulePaths?: string[];
  /** The playbook folder whose `collections/` and `library/` are searched (names only). */
  playbookDir?: string;
}

export interface ExecutionResult {
  /** REF as given. */
  module: string;
  fqcn: string | null;
  path: string | null;
  status: Status;
  success: boolean;
  changed: boolean;
  /** The module's JSON result, or null when it printed none. */
  output: Record<string, unknown> | null;
  /** What went wrong, first line standing alone; null on success. */
  error: string | null;
  returnCode: number | null;
  /** The signal that ended the module, when one did. */
  signal: NodeJS.Signals | null;
  stdout: string;
  /** The stderr lines that were not events (the last MiB of them). */
  stderr: string;
  /** Every event, in order, unless `keepEvents` was false. */
  events: ModuleEvent[];
  eventCount: number;
  warnings: string[];
  durationMs: number;
}

export interface StartInfo {
  module: string;
  fqcn: string | null;
  path: string | null;
  pid: number | null;
  params: string[];
}

/** What a renderer hears during a run, beyond the public callback. */
export interface RunObserver {
  onStart?(start: StartInfo): void;
  /** `line` is the text the event was parsed from, when there is one (render has records). */
  onEvent?(event: ModuleEvent, line?: string): void;
  onStderr?(line: string, truncated: boolean): void;
  /** Asked after each chunk of output; a promise makes the module wait until it settles. */
  waitForRoom?(): Promise<void> | undefined;
}
