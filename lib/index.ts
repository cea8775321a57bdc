// The ftl2 library: run modules, hear their events, show them (DESIGN.md §5).
export { executeLocalFqcnStreaming, executeLocalStreaming } from './api.js';
export type { DisplayOptions, TaskId } from './display-options.js';
export { isDataEvent, isLogEvent, isModuleEvent, isProgressEvent, isWellFormed } from './events.js';
export { EventProgressDisplay, type LiveDisplayOptions } from './live-display.js';
export type { Params } from './params.js';
export type {
  DataEvent,
  LogEvent,
  LogLevel,
  ModuleEvent,
  NdjsonRecord,
  ProgressEvent,
  ResultRecord,
  StartRecord,
  Status,
} from './protocol.js';
export type { ExecuteOptions, ExecutionResult } from './run-types.js';
export { SCHEMA_VERSION } from './schema-version.js';
export { SimpleEventDisplay } from './simple-display.js';
