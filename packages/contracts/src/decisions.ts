import { z } from 'zod';
import { Id, page, PageQuery, Timestamp, Version } from './common';
import { LinkedTask, LinkedTaskIds, Person } from './refs';

/**
 * proposed → accepted | rejected; accepted → deprecated; `superseded` only through a new decision
 * that names an accepted one in `supersedesId`.
 */
export const DecisionStatus = z.enum(['proposed', 'accepted', 'rejected', 'deprecated', 'superseded']);
export type DecisionStatus = z.infer<typeof DecisionStatus>;

const Title = z.string().trim().min(1, 'Name the decision').max(200);
const LongText = z.string().trim().max(20_000);

/** An option considered (MADR "Considered Options"), with what speaks for and against it. */
export const DecisionAlternative = z.object({
  title: z.string().trim().min(1).max(200),
  pros: z.string().trim().max(2000).optional(),
  cons: z.string().trim().max(2000).optional(),
});
export type DecisionAlternative = z.infer<typeof DecisionAlternative>;

const People = z
  .array(Id)
  .max(20)
  .refine((ids) => new Set(ids).size === ids.length, 'Each person at most once');

export const DecisionCreate = z.object({
  title: Title,
  context: LongText.min(1, 'Say what the decision is about'),
  decision: LongText.min(1, 'Say what was decided'),
  alternatives: z.array(DecisionAlternative).max(10).default([]),
  consequences: LongText.optional(),
  status: z.enum(['proposed', 'accepted']).default('proposed'),
  deciderIds: People.optional(),
  taskIds: LinkedTaskIds.optional(),
  /** An accepted decision this one replaces: it becomes `superseded` in the same transaction. */
  supersedesId: Id.optional(),
});
export type DecisionCreate = z.input<typeof DecisionCreate>;

export const DecisionUpdate = z.object({
  version: Version,
  title: Title.optional(),
  context: LongText.min(1).optional(),
  decision: LongText.min(1).optional(),
  alternatives: z.array(DecisionAlternative).max(10).optional(),
  consequences: LongText.nullable().optional(),
  // Any status parses: a move the state machine refuses (back to proposed, or to superseded,
  // which only a new decision does) is a 409 from the policy, not a 400.
  status: DecisionStatus.optional(),
  deciderIds: People.optional(),
  taskIds: LinkedTaskIds.optional(),
});
export type DecisionUpdate = z.infer<typeof DecisionUpdate>;

/** Another decision as a link: the supersede chain. */
export const DecisionRef = z.object({ id: Id, key: z.string(), title: z.string(), status: DecisionStatus });
export type DecisionRef = z.infer<typeof DecisionRef>;

export const Decision = z.object({
  id: Id,
  workspaceId: Id,
  /** `DEC-n`, numbered per workspace. */
  key: z.string(),
  number: z.number().int(),
  title: z.string(),
  context: z.string(),
  decision: z.string(),
  alternatives: z.array(DecisionAlternative),
  consequences: z.string().nullable(),
  status: DecisionStatus,
  deciderIds: z.array(Id),
  deciders: z.array(Person),
  taskIds: z.array(Id),
  tasks: z.array(LinkedTask),
  supersedesId: Id.nullable(),
  supersededById: Id.nullable(),
  createdBy: Id,
  author: Person,
  /** When it was accepted (null while proposed, or if it never was). */
  acceptedAt: Timestamp.nullable(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Decision = z.infer<typeof Decision>;

export const DecisionDetail = Decision.extend({
  supersedes: DecisionRef.nullable(),
  supersededBy: DecisionRef.nullable(),
});
export type DecisionDetail = z.infer<typeof DecisionDetail>;

export const DecisionListQuery = z.object({
  status: DecisionStatus.optional(),
  q: z.string().trim().max(200).optional(),
  ...PageQuery.shape,
});
export type DecisionListQuery = z.infer<typeof DecisionListQuery>;

export const DecisionPage = page(Decision);
export type DecisionPage = z.infer<typeof DecisionPage>;

export const DecisionParams = z.object({ decisionId: Id });
