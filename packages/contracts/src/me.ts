import { z } from 'zod';
import { Id, Timestamp } from './common';
import { Role } from './permissions';
import { TaskPriority, TaskStatus } from './tasks';

/** `DELETE /me`: the password confirms it is really the account holder. */
export const DeleteAccount = z.object({ password: z.string().min(1).max(128) });
export type DeleteAccount = z.infer<typeof DeleteAccount>;

/**
 * `GET /me/export`: everything the caller owns or wrote, as one JSON document. Each section is
 * the caller's own rows only (GDPR Art. 15/20); other people appear by id and name where a row of
 * the caller's points at them (a task's project), never with their own data.
 */
const ExportedProfile = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  avatarUrl: z.string().nullable(),
  timeZone: z.string(),
  emailVerifiedAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type ExportedProfile = z.infer<typeof ExportedProfile>;
const ExportedMembership = z.object({
  workspaceId: Id,
  workspaceName: z.string(),
  role: Role,
  joinedAt: Timestamp,
});
export type ExportedMembership = z.infer<typeof ExportedMembership>;
const ExportedTask = z.object({
  id: Id,
  key: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  status: TaskStatus,
  priority: TaskPriority,
  dueDate: z.string().nullable(),
  createdAt: Timestamp,
  completedAt: Timestamp.nullable(),
  project: z.string(),
});
export type ExportedTask = z.infer<typeof ExportedTask>;
const ExportedComment = z.object({
  id: Id,
  taskId: Id,
  body: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Timestamp.nullable(),
});
export type ExportedComment = z.infer<typeof ExportedComment>;
const ExportedWorklogExport = z.object({
  id: Id,
  kind: z.string(),
  format: z.string(),
  from: z.string(),
  to: z.string(),
  status: z.string(),
  createdAt: Timestamp,
});
export type ExportedWorklogExport = z.infer<typeof ExportedWorklogExport>;

export const AccountExport = z.object({
  exportedAt: z.string(),
  format: z.literal('teamflow-account-export/v1'),
  profile: ExportedProfile,
  memberships: z.array(ExportedMembership),
  tasksCreated: z.array(ExportedTask),
  comments: z.array(ExportedComment),
  // Each notification's `data` is its kind's (contracts/notifications); rows as stored here.
  notifications: z.array(z.record(z.string(), z.unknown())),
  worklog: z.object({
    // An entry with its analysis columns flattened beside it.
    entries: z.array(z.record(z.string(), z.unknown())),
    exports: z.array(ExportedWorklogExport),
  }),
  /** Areas added by other features (status updates, blockers, decisions, XP) appear here by name. */
  more: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type AccountExport = z.infer<typeof AccountExport>;
