import { z } from 'zod';
import { Id, page, PageQuery, Timestamp } from './common';
import { LinkedTask, Person } from './refs';

export const BlockerSeverity = z.enum(['low', 'medium', 'high']);
export type BlockerSeverity = z.infer<typeof BlockerSeverity>;
export const BlockerStatus = z.enum(['open', 'acknowledged', 'resolved']);
export type BlockerStatus = z.infer<typeof BlockerStatus>;

export const BlockerTitle = z.string().trim().min(1, 'Say what is blocked').max(200);

export const BlockerCreate = z.object({
  title: BlockerTitle,
  description: z.string().trim().max(5000).optional(),
  taskId: Id.optional(),
  severity: BlockerSeverity.default('medium'),
});
export type BlockerCreate = z.input<typeof BlockerCreate>;

export const BlockerAcknowledge = z.object({ note: z.string().trim().max(2000).optional() });
export type BlockerAcknowledge = z.infer<typeof BlockerAcknowledge>;

export const BlockerResolve = z.object({
  resolution: z.string().trim().min(1, 'Say how it was unblocked').max(2000),
});
export type BlockerResolve = z.infer<typeof BlockerResolve>;

export const Blocker = z.object({
  id: Id,
  workspaceId: Id,
  title: z.string(),
  description: z.string().nullable(),
  taskId: Id.nullable(),
  task: LinkedTask.nullable(),
  severity: BlockerSeverity,
  status: BlockerStatus,
  /** 0: not escalated; 1: owners and admins notified; 2: emailed too. */
  escalationLevel: z.number().int().min(0).max(2),
  reportedBy: Person,
  /** The status update whose `blockers` line opened it, if any. */
  statusUpdateId: Id.nullable(),
  acknowledgedBy: Person.nullable(),
  acknowledgedAt: Timestamp.nullable(),
  acknowledgeNote: z.string().nullable(),
  resolvedBy: Person.nullable(),
  resolvedAt: Timestamp.nullable(),
  resolution: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Blocker = z.infer<typeof Blocker>;

export const BlockerListQuery = z.object({
  status: BlockerStatus.optional(),
  ...PageQuery.shape,
});
export type BlockerListQuery = z.infer<typeof BlockerListQuery>;

export const BlockerPage = page(Blocker);
export type BlockerPage = z.infer<typeof BlockerPage>;

export const BlockerParams = z.object({ blockerId: Id });
