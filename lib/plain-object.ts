// The test every reader of parsed JSON or YAML needs: is this value an object with fields?

/** Whether `value` is an object of fields: not null, not an array. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
