import { delimiter, join, resolve } from 'node:path';
import { isExecutableFile } from './files.js';

/** The absolute path of an executable given by name (searched on PATH) or by path. */
export function findExecutable(name: string, pathVariable = process.env.PATH): string | undefined {
  if (name.includes('/')) {
    const path = resolve(name);
    return isExecutableFile(path) ? path : undefined;
  }

  for (const folder of (pathVariable ?? '').split(delimiter)) {
    if (folder === '') continue;

    const path = join(folder, name);
    if (isExecutableFile(path)) return path;
  }

  return undefined;
}
