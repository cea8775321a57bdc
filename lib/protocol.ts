// The one event model: what modules send on stderr and what `--json` prints, as zod schemas.
// Runtime code on the hot path imports only the types from here (see events.ts), so the
// `--json` path does not pay for loading zod unless a malformed event needs explaining.
import { z } from 'zod';
import { SCHEMA_VERSION } from './schema-version.js';

export { SCHEMA_VERSION };

const timestamp = z.union([z.number(), z.string()]);

export const ProgressEventSchema = z.looseObject({
  event: z.literal('progress'),
  percent: z.number().min(0).max(100).optional(),
  message: z.string().optional(),
  current: z.number().min(0).optional(),
  total: z.number().min(0).optional(),
  task_id: z.union([z.string(), z.number()]).optional(),
  timestamp: timestamp.optional(),
});

export const LOG_LEVELS = ['debug', 'info', 'warning', 'error'] as const;

export const LogEventSchema = z.looseObject({
  event: z.literal('log'),
  level: z.enum(LOG_LEVELS).optional(),
  message: z.string().optional(),
  timestamp: timestamp.optional(),
});

export const DataEventSchema = z.looseObject({
  event: z.literal('data'),
  stream: z.string().optional(),
  data: z.string().optional(),
  timestamp: timestamp.optional(),
});

export type ProgressEvent = z.infer<typeof ProgressEventSchema>;
export type LogEvent = z.infer<typeof LogEventSchema>;
export type DataEvent = z.infer<typeof DataEventSchema>;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** An event as the module sent it. Use the guards in events.ts before trusting its fields. */
export interface ModuleEvent {
  event: string;
  [field: string]: unknown;
}

export const STATUSES = [
  'ok',
  'failed',
  'timeout',
  'interrupted',
  'invalid_output',
  'not_found',
  'error',
] as const;

export type Status = (typeof STATUSES)[number];

const envelope = {
  seq: z.number().int().min(0),
  time: z.iso.datetime(),
};

export const StartRecordSchema = z.object({
  type: z.literal('start'),
  ...envelope,
  schema: z.literal(SCHEMA_VERSION),
  module: z.string(),
  fqcn: z.string().nullable(),
  path: z.string().nullable(),
  pid: z.number().int().nullable(),
  params: z.array(z.string()),
});

export const EventRecordSchema = z.looseObject({
  type: z.literal('event'),
  ...envelope,
  event: z.string(),
});

export const StderrRecordSchema = z.object({
  type: z.literal('stderr'),
  ...envelope,
  line: z.string(),
  truncated: z.boolean().optional(),
});

export const ResultRecordSchema = z.object({
  type: z.literal('result'),
  ...envelope,
  status: z.enum(STATUSES),
  success: z.boolean(),
  changed: z.boolean(),
  rc: z.number().int().nullable(),
  signal: z.string().nullable(),
  output: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  warnings: z.array(z.string()),
  duration_ms: z.number().min(0),
  events: z.number().int().min(0),
  /** The exit code of the `ftl2 exec` that wrote the stream; older streams lack it. */
  exit_code: z.number().int().min(0).max(255).optional(),
});

export const RecordSchema = z.discriminatedUnion('type', [
  StartRecordSchema,
  EventRecordSchema,
  StderrRecordSchema,
  ResultRecordSchema,
]);

export type StartRecord = z.infer<typeof StartRecordSchema>;
export type EventRecord = z.infer<typeof EventRecordSchema>;
export type StderrRecord = z.infer<typeof StderrRecordSchema>;
export type ResultRecord = z.infer<typeof ResultRecordSchema>;
export type NdjsonRecord = z.infer<typeof RecordSchema>;

/** The JSON Schema of the NDJSON records, as committed in docs/schema/records.json. */
export function buildRecordsJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(RecordSchema, { target: 'draft-2020-12' });
  return { title: `ftl2 NDJSON record (${SCHEMA_VERSION})`, ...schema };
}

/** The zod issues of an event that failed the cheap check, as one line of text. */
export function describeEventProblem(event: ModuleEvent): string | undefined {
  const schema = KNOWN_EVENT_SCHEMAS[event.event];
  if (schema === undefined) return undefined;

  const parsed = schema.safeParse(event);
  return parsed.success ? undefined : formatIssues(parsed.error.issues, 'event');
}

/** The first zod issues of an NDJSON record that failed the cheap check, as one line. */
export function describeRecordProblem(record: unknown): string | undefined {
  const parsed = RecordSchema.safeParse(record);
  if (parsed.success) return undefined;

  const { issues } = parsed.error;
  const more = issues.length > 3 ? `; and ${issues.length - 3} more` : '';
  return formatIssues(issues.slice(0, 3), 'record') + more;
}

function formatIssues(issues: z.core.$ZodIssue[], subject: string): string {
  return issues.map((issue) => `${issue.path.join('.') || subject}: ${issue.message}`).join('; ');
}

const KNOWN_EVENT_SCHEMAS: Partial<Record<string, z.ZodType>> = {
  progress: ProgressEventSchema,
  log: LogEventSchema,
  data: DataEventSchema,
};
