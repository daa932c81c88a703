import { z } from 'zod';
import { AiProviderName, AiSource } from './ai';
import { CalendarDate, datesInOrder, Id, page, PageQuery, Timestamp, Version } from './common';

/**
 * The work log: a private journal. Entries belong to a person, not a workspace; nobody else
 * (a workspace owner neither) can read one, its mood or what was made of it (API.md, "Work log").
 */

export const WORKLOG_BODY_MAX = 20_000;
export const WorklogTag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u, 'A tag is letters, digits, "-" and "_"')
  .transform((t) => t.toLowerCase());
const Tags = z.array(WorklogTag).max(20);

// ---- What the analysis makes of an entry (the model's answer, validated strictly) ----

export const SentimentLabel = z.enum(['negative', 'neutral', 'positive']);
export type SentimentLabel = z.infer<typeof SentimentLabel>;

export const Achievement = z.object({
  text: z.string().min(1).max(500),
  impact: z.string().max(300).optional(),
  metric: z.string().max(100).optional(),
});
export type Achievement = z.infer<typeof Achievement>;

/** What a provider answers for one entry: the strict schema the model's output must match. */
export const EntryAnalysisOutput = z
  .object({
    sentiment: z.object({ score: z.number().min(-1).max(1), label: SentimentLabel }).strict(),
    projects: z.array(z.string().min(1).max(100)).max(20),
    skills: z.array(z.string().min(1).max(60)).max(30),
    achievements: z.array(Achievement.strict()).max(20),
    themes: z.array(z.string().min(1).max(60)).max(10),
  })
  .strict();
export type EntryAnalysisOutput = z.infer<typeof EntryAnalysisOutput>;

export const AnalysisStatus = z.enum(['pending', 'done', 'failed']);
export const EntryAnalysis = EntryAnalysisOutput.extend({
  status: AnalysisStatus,
  /** Who made it (`null` while the first analysis is pending). */
  provider: AiProviderName.nullable(),
  analysedAt: Timestamp.nullable(),
});
export type EntryAnalysis = z.infer<typeof EntryAnalysis>;

// ---- Entries ----

export const WorklogEntry = z.object({
  id: Id,
  /** The author's own local day. */
  date: CalendarDate,
  body: z.string(),
  tags: z.array(z.string()),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  analysis: EntryAnalysis,
});
export type WorklogEntry = z.infer<typeof WorklogEntry>;

export const WorklogEntryCreate = z.object({
  /** Defaults to today in the author's time zone. */
  date: CalendarDate.optional(),
  body: z.string().max(WORKLOG_BODY_MAX),
  tags: Tags.optional(),
});
export type WorklogEntryCreate = z.infer<typeof WorklogEntryCreate>;

/** The autosave: the body (and optionally tags/date) with the version last seen. */
export const WorklogEntryUpdate = z.object({
  body: z.string().max(WORKLOG_BODY_MAX),
  tags: Tags.optional(),
  date: CalendarDate.optional(),
  version: Version,
});
export type WorklogEntryUpdate = z.infer<typeof WorklogEntryUpdate>;

export const WorklogEntryParams = z.object({ entryId: Id });
export type WorklogEntryParams = z.infer<typeof WorklogEntryParams>;

const DateRange = {
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
};

export const WorklogEntryListQuery = PageQuery.extend({
  ...DateRange,
  q: z.string().trim().min(1).max(200).optional(),
  tag: WorklogTag.optional(),
}).refine(...datesInOrder);
export type WorklogEntryListQuery = z.infer<typeof WorklogEntryListQuery>;

export const WorklogEntryPage = page(WorklogEntry);
export type WorklogEntryPage = z.infer<typeof WorklogEntryPage>;

// ---- Timeline ----

export const WorklogRangeQuery = z.object(DateRange).refine(...datesInOrder);
export type WorklogRangeQuery = z.infer<typeof WorklogRangeQuery>;

export const CompletedTask = z.object({
  id: Id,
  key: z.string(),
  title: z.string(),
  project: z.object({ id: Id, name: z.string() }),
  workspaceId: Id,
  doneAt: Timestamp,
});
export type CompletedTask = z.infer<typeof CompletedTask>;

export const TimelineItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('entry'), date: CalendarDate, entry: WorklogEntry }),
  z.object({ kind: z.literal('task'), date: CalendarDate, task: CompletedTask }),
]);
export type TimelineItem = z.infer<typeof TimelineItem>;

/** The most completed tasks a timeline carries: the most recently done ones. */
export const TIMELINE_TASK_LIMIT = 1000;

export const WorklogTimeline = z.object({
  from: CalendarDate,
  to: CalendarDate,
  /** Newest day first; within a day, entries before tasks. */
  items: z.array(TimelineItem),
  /** More tasks were completed in the range than the timeline carries: the older ones are left out. */
  tasksTruncated: z
    .boolean()
    .describe(
      `true when tasks done in the range exceed ${TIMELINE_TASK_LIMIT}; only the most recent are listed`,
    ),
});
export type WorklogTimeline = z.infer<typeof WorklogTimeline>;

// ---- Insights ----

/** The most achievements insights carry: the newest days' first. */
export const INSIGHTS_ACHIEVEMENT_LIMIT = 200;

const Count = z.object({ name: z.string(), count: z.number().int() });
export const WorklogInsights = z.object({
  from: CalendarDate,
  to: CalendarDate,
  moodTrend: z.array(z.object({ date: CalendarDate, score: z.number(), entries: z.number().int() })),
  activity: z.array(z.object({ date: CalendarDate, entries: z.number().int(), tasksDone: z.number().int() })),
  skills: z.array(Count),
  projects: z.array(Count),
  /** Newest day first. */
  achievements: z.array(Achievement.extend({ entryId: Id, date: CalendarDate })),
  /** The range held more achievements than insights carry: the earlier days' are left out. */
  achievementsTruncated: z
    .boolean()
    .describe(
      `true when the range holds more than ${INSIGHTS_ACHIEVEMENT_LIMIT} achievements; only the newest are listed`,
    ),
  themes: z.array(z.object({ term: z.string(), count: z.number().int() })),
});
export type WorklogInsights = z.infer<typeof WorklogInsights>;

// ---- Search ----

export const WorklogSearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: PageQuery.shape.limit.optional(),
});
export type WorklogSearchQuery = z.infer<typeof WorklogSearchQuery>;

export const MatchedBy = z.enum(['meaning', 'words']);
export const WorklogSearchHit = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('entry'),
    id: Id,
    date: CalendarDate,
    snippet: z.string(),
    score: z.number(),
    matchedBy: MatchedBy,
    /** For a match by meaning: whose vectors found it (OpenAI's embedding model, or the local word vectors). */
    source: AiSource.optional(),
  }),
  z.object({
    type: z.literal('task'),
    id: Id,
    key: z.string(),
    title: z.string(),
    workspaceId: Id,
    score: z.number(),
    matchedBy: MatchedBy,
  }),
]);
export type WorklogSearchHit = z.infer<typeof WorklogSearchHit>;
export const WorklogSearchResult = z.object({ items: z.array(WorklogSearchHit) });
export type WorklogSearchResult = z.infer<typeof WorklogSearchResult>;

// ---- Exports ----

export const ExportKind = z.enum(['review', 'cv']);
export const ExportFormat = z.enum(['md', 'pdf']);
export type ExportFormat = z.infer<typeof ExportFormat>;
export const ExportStatus = z.enum(['queued', 'running', 'done', 'failed']);

export const WorklogExportCreate = z
  .object({ from: CalendarDate, to: CalendarDate, kind: ExportKind, format: ExportFormat })
  .refine(...datesInOrder);
export type WorklogExportCreate = z.infer<typeof WorklogExportCreate>;

export const WorklogExportAccepted = z.object({ id: Id, jobId: z.string() });
export type WorklogExportAccepted = z.infer<typeof WorklogExportAccepted>;

export const WorklogExport = z.object({
  id: Id,
  kind: ExportKind,
  format: ExportFormat,
  from: CalendarDate,
  to: CalendarDate,
  status: ExportStatus,
  error: z.string().nullable(),
  createdAt: Timestamp,
  /** Until then the file is kept; the cleanup schedule removes it after. */
  expiresAt: Timestamp,
  downloadUrl: z.string().optional(),
});
export type WorklogExport = z.infer<typeof WorklogExport>;

export const WorklogExportListQuery = PageQuery;
export type WorklogExportListQuery = z.infer<typeof WorklogExportListQuery>;

export const WorklogExportPage = page(WorklogExport);
export type WorklogExportPage = z.infer<typeof WorklogExportPage>;

export const WorklogExportParams = z.object({ exportId: Id });
export type WorklogExportParams = z.infer<typeof WorklogExportParams>;

// ---- Events ----

/** Personal: only the author hears it (their other tabs refresh; Progress may award XP for it). */
export const WorklogEntryWritten = z.object({
  userId: Id,
  entryId: Id,
  date: CalendarDate,
  /** True for the first save of a new entry, false for an autosave of an existing one. */
  created: z.boolean(),
  words: z.number().int(),
});
export type WorklogEntryWritten = z.infer<typeof WorklogEntryWritten>;

export const WorklogEntryAnalysed = z.object({ userId: Id, entryId: Id, analysis: EntryAnalysis });
export type WorklogEntryAnalysed = z.infer<typeof WorklogEntryAnalysed>;

export const WorklogExportUpdated = z.object({ userId: Id, export: WorklogExport });
