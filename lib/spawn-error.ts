import type { LaunchPlan } from './launch.js';

/** A one-line reason a module process could not be started, with what to do about it. */
export function describeSpawnError(
  plan: LaunchPlan,
  path: string | null,
  error: NodeJS.ErrnoException,
): string {
  if (plan.starter === 'direct') return describeModuleError(path, error);

  const what = `cannot start ${plan.command}, the interpreter of ${path}`;
  if (error.code !== 'ENOENT') return `${what}: ${error.code ?? error.message}`;
  if (plan.starter === 'python') return `${what}: not found; install Python 3 or pass --python`;
  return `${what}: not found; install it or change the module's #! line`;
}

function describeModuleError(path: string | null, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EACCES':
      return `cannot start ${path}: permission denied; make it executable with chmod +x`;
    default:
      return `cannot start ${path}: ${error.code ?? error.message}`;
  }
}
