import { z } from 'zod';
import { Id, page, PageQuery, Timestamp, Version } from './common';
import { LinkedTask, LinkedTaskIds, Person } from './refs';

export const IncidentSeverity = z.enum(['sev1', 'sev2', 'sev3', 'sev4']);
export type IncidentSeverity = z.infer<typeof IncidentSeverity>;
/** Forward only (skipping ahead is allowed); a resolved incident may reopen to investigating. */
export const IncidentStatus = z.enum(['investigating', 'identified', 'monitoring', 'resolved']);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

const Title = z.string().trim().min(1, 'Name the incident').max(200);
const LongText = z.string().max(20_000);

export const IncidentCreate = z.object({
  title: Title,
  severity: IncidentSeverity,
  summary: LongText.optional(),
  commanderId: Id.optional(),
  taskIds: LinkedTaskIds.optional(),
});
export type IncidentCreate = z.infer<typeof IncidentCreate>;

export const IncidentUpdate = z.object({
  version: Version,
  title: Title.optional(),
  status: IncidentStatus.optional(),
  severity: IncidentSeverity.optional(),
  commanderId: Id.nullable().optional(),
  summary: LongText.nullable().optional(),
  postmortem: LongText.nullable().optional(),
  taskIds: LinkedTaskIds.optional(),
});
export type IncidentUpdate = z.infer<typeof IncidentUpdate>;

export const IncidentEventKind = z.enum([
  'declared',
  'status',
  'severity',
  'commander',
  'summary',
  'postmortem',
  'title',
  'tasks',
  'note',
]);
export type IncidentEventKind = z.infer<typeof IncidentEventKind>;

/** One line of the timeline: a change (from → to) or a note. */
export const IncidentTimelineEntry = z.object({
  id: Id,
  incidentId: Id,
  kind: IncidentEventKind,
  message: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  actor: Person.nullable(),
  createdAt: Timestamp,
});
export type IncidentTimelineEntry = z.infer<typeof IncidentTimelineEntry>;

export const Incident = z.object({
  id: Id,
  workspaceId: Id,
  /** `INC-n`, numbered per workspace. */
  key: z.string(),
  number: z.number().int(),
  title: z.string(),
  severity: IncidentSeverity,
  status: IncidentStatus,
  summary: z.string().nullable(),
  postmortem: z.string().nullable(),
  commanderId: Id.nullable(),
  commander: Person.nullable(),
  declaredBy: Person,
  taskIds: z.array(Id),
  tasks: z.array(LinkedTask),
  resolvedAt: Timestamp.nullable(),
  timeToResolveMinutes: z.number().int().nullable(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Incident = z.infer<typeof Incident>;

/** `GET /incidents/:id`: the incident with its timeline, oldest first. */
export const IncidentDetail = Incident.extend({ timeline: z.array(IncidentTimelineEntry) });
export type IncidentDetail = z.infer<typeof IncidentDetail>;

export const IncidentNoteCreate = z.object({ message: z.string().trim().min(1).max(2000) });
export type IncidentNoteCreate = z.infer<typeof IncidentNoteCreate>;

/** Turn the postmortem's open action items (`- [ ] …`) into tasks of this project. */
export const IncidentActionItems = z.object({ projectId: Id });
export type IncidentActionItems = z.infer<typeof IncidentActionItems>;

export const IncidentListQuery = z.object({
  status: IncidentStatus.optional(),
  severity: IncidentSeverity.optional(),
  ...PageQuery.shape,
});
export type IncidentListQuery = z.infer<typeof IncidentListQuery>;

export const IncidentPage = page(Incident);
export type IncidentPage = z.infer<typeof IncidentPage>;

export const IncidentParams = z.object({ incidentId: Id });
