/** The schema version carried by every `start` record. */
export const SCHEMA_VERSION = 'ftl2/1';
