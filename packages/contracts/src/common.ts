import { z } from 'zod';

// PostgreSQL reads a UUID in any letter case, so the api must too: lower-cased here, an id compares
// equal in code (self checks, access stamps, event rooms) to the one the database hands back.
export const Id = z.uuid().toLowerCase();
/**
 * A job the api queued through the job outbox, by its BullMQ job id: `outbox-` and the outbox
 * row's number (`core/jobs/job-outbox.repository.ts#stageJob`).
 */
export const OutboxJobId = z
  .string()
  .regex(/^outbox-\d+$/, 'Use a job id: a UUID or outbox-<number>')
  .describe('outbox-<number>');
export const Timestamp = z.iso.datetime({ offset: true });

export const ErrorCode = z.enum([
  'VALIDATION_ERROR',
  'MALFORMED_REQUEST',
  'INVALID_JSON',
  'INVALID_BODY',
  'INVALID_PATH_PARAM',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'REQUEST_TIMEOUT',
  'CONFLICT',
  'IDEMPOTENCY_IN_PROGRESS',
  'IDEMPOTENCY_KEY_REUSED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNSUPPORTED_CONTENT_ENCODING',
  'ACCOUNT_LOCKED',
  'RATE_LIMIT_EXCEEDED',
  'HEADERS_TOO_LARGE',
  'AI_BUDGET_EXCEEDED',
  'INFECTED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const FieldError = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

export const ErrorResponse = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/**
 * Text PostgreSQL cannot store: U+0000 (refused by `text` and `jsonb`) and half a surrogate pair
 * (refused by `jsonb`, where events and activity keep what a request wrote). Valid JSON and a
 * decoded file may hold either, so every request's strings are checked against it.
 */
export const UNSTORABLE_TEXT =
  // eslint-disable-next-line no-control-regex -- matching U+0000 is the point
  /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const UNSTORABLE_TEXT_MESSAGE =
  'Contains a character that cannot be stored (U+0000 or half a surrogate pair)';

/** PostgreSQL `integer` (int4), the type of our `version` columns. */
export const PG_INT_MAX = 2_147_483_647;

/** The `version` a client last saw (optimistic locking), bounded to what its int4 column stores. */
export const Version = z.number().int().min(1).max(PG_INT_MAX);

/**
 * A calendar day, `YYYY-MM-DD`, in years 1000–9999. PostgreSQL's `date` refuses year 0000 (which
 * the ISO pattern allows), four digits are all the format can say, and a year below 1000 on a due
 * date or a sprint is a typo (`0224` for `2024`), not a plan.
 */
export const CalendarDate = z.iso
  .date()
  .refine((day) => day >= '1000', 'Use a date from 1000-01-01 to 9999-12-31')
  .describe('YYYY-MM-DD, years 1000–9999');

/**
 * The one check of a `from`–`to` range of days (either may be left out): it must not run
 * backwards. For `.refine(...datesInOrder)` on a schema with `from` and `to`.
 */
export const datesInOrder: [
  (range: { from?: string | null; to?: string | null }) => boolean,
  { message: string; path: string[] },
] = [
  (range) => !range.from || !range.to || range.from <= range.to,
  { message: '`from` must not be after `to`', path: ['from'] },
];

/**
 * A whole number sent in a query string: plain decimal digits only, then bounded. (`z.coerce`
 * would take `0x10`, `1e3`, ` 5` and `+5` as numbers.)
 */
export const queryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'Use plain decimal digits')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export const PageQuery = z.object({
  limit: queryInt(1, 100).default(50),
  cursor: z.string().max(500).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Markdown text: trimmed, bounded; HTML inside it is sanitised by the server on write. */
export const Markdown = (max: number) => z.string().max(max);

export const WorkspaceParams = z.object({ workspaceId: Id });
export const ProjectParams = z.object({ projectId: Id });
export const TaskParams = z.object({ taskId: Id });
export const CommentParams = z.object({ commentId: Id });
