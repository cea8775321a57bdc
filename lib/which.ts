import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

/** The absolute path of an executable given by name (searched on PATH) or by path. */
export function findExecutable(name: string, pathVariable = process.env.PATH): string | undefined {
  if (name.includes('/')) {
    const path = isAbsolute(name) ? name : resolve(name);
    return isExecutableFile(path) ? path : undefined;
  }

  for (const folder of (pathVariable ?? '').split(delimiter)) {
    if (folder === '') continue;

    const path = join(folder, name);
    if (isExecutableFile(path)) return path;
  }

  return undefined;
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
