import type { LaunchPlan } from './launch.js';

/** A one-line reason a module process could not be started, with what to do about it. */
export function describeSpawnError(
  plan: LaunchPlan,
  path: string | null,
  error: NodeJS.ErrnoException,
): string {
  const isModuleItself = plan.command === path;
  const what = isModuleItself ? `module ${path}` : `${plan.command} (the interpreter of ${path})`;
  switch (error.code) {
    case 'ENOENT':
      return isModuleItself
        ? `cannot start ${what}: the file is gone`
        : `cannot start ${what}: not found; install it, or pass --python / fix the #! line`;
    case 'EACCES':
      return `cannot start ${what}: permission denied; make it executable (chmod +x)`;
    case 'ENOEXEC':
      return `cannot start ${what}: not a program this machine can run`;
    default:
      return `cannot start ${what}: ${error.message}`;
  }
}
