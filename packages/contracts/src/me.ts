import { z } from 'zod';

/** `DELETE /me`: the password confirms it is really the account holder. */
export const DeleteAccount = z.object({ password: z.string().min(1).max(128) });
export type DeleteAccount = z.infer<typeof DeleteAccount>;

/**
 * `GET /me/export`: everything the caller owns or wrote, as one JSON document. Each section is
 * the caller's own rows only (GDPR Art. 15/20); other people appear by id and name where a row of
 * the caller's points at them (a task's project), never with their own data.
 */
export const AccountExport = z.object({
  exportedAt: z.string(),
  format: z.literal('teamflow-account-export/v1'),
  profile: z.record(z.string(), z.unknown()),
  memberships: z.array(z.record(z.string(), z.unknown())),
  tasksCreated: z.array(z.record(z.string(), z.unknown())),
  comments: z.array(z.record(z.string(), z.unknown())),
  notifications: z.array(z.record(z.string(), z.unknown())),
  worklog: z.object({
    entries: z.array(z.record(z.string(), z.unknown())),
    exports: z.array(z.record(z.string(), z.unknown())),
  }),
  /** Areas added by other features (status updates, blockers, decisions, XP) appear here by name. */
  more: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type AccountExport = z.infer<typeof AccountExport>;
