import { z } from 'zod';
import { Blocker } from './blockers';
import { CalendarDate, Id, Timestamp } from './common';
import { Decision } from './decisions';
import { Notification } from './notifications';
import { Role } from './permissions';
import { AchievementId, XpDetail, XpEvent } from './progress';
import { Mood, StatusUpdate } from './status-updates';
import { TaskPriority, TaskStatus } from './tasks';
import { EntryAnalysis, WorklogEntry, WorklogExport } from './worklog';

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
/** A notification of the caller's as stored, without `actorId`. */
const ExportedNotification = Notification.omit({ actorId: true });
export type ExportedNotification = z.infer<typeof ExportedNotification>;
const analysis = EntryAnalysis.shape;
/**
 * A work-log entry with its analysis columns flattened beside it; they are null for an entry with
 * no analysis row (the analysis is left-joined).
 */
const ExportedWorklogEntry = WorklogEntry.omit({ analysis: true }).extend({
  analysisStatus: analysis.status.nullable(),
  provider: analysis.provider,
  sentimentScore: analysis.sentiment.shape.score.nullable(),
  sentimentLabel: analysis.sentiment.shape.label.nullable(),
  projects: analysis.projects.nullable(),
  skills: analysis.skills.nullable(),
  achievements: analysis.achievements.nullable(),
  themes: analysis.themes.nullable(),
});
export type ExportedWorklogEntry = z.infer<typeof ExportedWorklogEntry>;
const ExportedWorklogExport = WorklogExport.pick({
  id: true,
  kind: true,
  format: true,
  from: true,
  to: true,
  status: true,
  createdAt: true,
});
export type ExportedWorklogExport = z.infer<typeof ExportedWorklogExport>;

// `more`: the other areas' rows as their tables hold them, people by id rather than by name.
const ExportedStatusUpdate = StatusUpdate.omit({ user: true, tasks: true }).extend({ mood: Mood.nullable() });
const ExportedBlocker = Blocker.omit({ task: true }).extend({
  reportedBy: Id,
  acknowledgedBy: Id.nullable(),
  resolvedBy: Id.nullable(),
});
const ExportedDecision = Decision.omit({ key: true, deciders: true, tasks: true, author: true });
/**
 * An XP row: `earnedAt` is when the work was done and `createdAt` when the row was written (the
 * progress api's XpEvent shows `earnedAt` as its `createdAt`).
 */
const ExportedXpEvent = XpEvent.extend({
  workspaceId: Id,
  detail: XpDetail,
  earnedAt: Timestamp,
  updatedAt: Timestamp,
});
const ExportedUserStats = z.object({
  workspaceId: Id,
  userId: Id,
  xp: z.number().int(),
  level: z.number().int(),
  streakCurrent: z.number().int(),
  streakLongest: z.number().int(),
  streakFreezes: z.number().int(),
  /** Workdays counted since the last freeze was earned. */
  streakRun: z.number().int(),
  lastActiveDate: CalendarDate.nullable(),
  /** The last local date whose streak outcome is settled. */
  streakThrough: CalendarDate.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
const ExportedUserAchievement = z.object({
  workspaceId: Id,
  userId: Id,
  achievementId: AchievementId,
  unlockedAt: Timestamp,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
/** One AI call made for the caller; `workspaceId` is null for their own work log's. */
const ExportedAiUsage = z.object({
  id: Id,
  workspaceId: Id.nullable(),
  feature: z.string(),
  provider: z.string(),
  model: z.string(),
  promptTokens: z.number().int(),
  completionTokens: z.number().int(),
  /** Millionths of a US dollar. */
  costMicros: z.number().int(),
  cached: z.boolean(),
  createdAt: Timestamp,
});
/** An outside sign-in (e.g. Google) linked to the account. */
const ExportedSignInIdentity = z.object({
  issuer: z.string(),
  subject: z.string(),
  email: z.string(),
  createdAt: Timestamp,
});
const ExportedMore = z.object({
  statusUpdates: z.array(ExportedStatusUpdate),
  blockers: z.array(ExportedBlocker),
  decisions: z.array(ExportedDecision),
  xpEvents: z.array(ExportedXpEvent),
  userStats: z.array(ExportedUserStats),
  userAchievements: z.array(ExportedUserAchievement),
  aiUsage: z.array(ExportedAiUsage),
  signInIdentities: z.array(ExportedSignInIdentity),
});
export type ExportedMore = z.infer<typeof ExportedMore>;

export const AccountExport = z.object({
  exportedAt: z.string(),
  format: z.literal('teamflow-account-export/v1'),
  profile: ExportedProfile,
  memberships: z.array(ExportedMembership),
  tasksCreated: z.array(ExportedTask),
  comments: z.array(ExportedComment),
  notifications: z.array(ExportedNotification),
  worklog: z.object({
    entries: z.array(ExportedWorklogEntry),
    exports: z.array(ExportedWorklogExport),
  }),
  /** The caller's rows of other areas: status updates, blockers, decisions, progress, AI use, sign-ins. */
  more: ExportedMore,
});
export type AccountExport = z.infer<typeof AccountExport>;
