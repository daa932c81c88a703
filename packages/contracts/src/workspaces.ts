import { z } from 'zod';
import { Id, page, Timestamp } from './common';
import { Role } from './permissions';
import { TimeZone } from './time-zones';
import { Email, UserSummary } from './users';

export const Slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(48)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single dashes');

export const WorkspaceCreate = z.object({
  name: z.string().trim().min(1).max(80),
  slug: Slug.optional(),
  timeZone: TimeZone.optional(),
});
export type WorkspaceCreate = z.infer<typeof WorkspaceCreate>;

export const WorkspaceUpdate = z
  .object({
    name: z.string().trim().min(1).max(80).optional(),
    slug: Slug.optional(),
    timeZone: TimeZone.optional(),
  })
  .refine((v) => v.name !== undefined || v.slug !== undefined || v.timeZone !== undefined, {
    message: 'Nothing to update',
  });
export type WorkspaceUpdate = z.infer<typeof WorkspaceUpdate>;

export const Workspace = z.object({
  id: Id,
  name: z.string(),
  slug: z.string(),
  role: Role,
  /** The team's zone: digests and check-in reminders follow its days. */
  timeZone: TimeZone,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Workspace = z.infer<typeof Workspace>;

// Workspaces, members and invitations are paged like every list (`PageQuery`).
export const WorkspaceList = page(Workspace);
export type WorkspaceList = z.infer<typeof WorkspaceList>;

export const Member = z.object({ user: UserSummary, role: Role, joinedAt: Timestamp });
export type Member = z.infer<typeof Member>;
export const MemberList = page(Member);
export type MemberList = z.infer<typeof MemberList>;

export const MemberParams = z.object({ workspaceId: Id, userId: Id });
export const MemberUpdate = z.object({ role: Role });
export type MemberUpdate = z.infer<typeof MemberUpdate>;

export const InvitableRole = z.enum(['admin', 'member', 'viewer']);
export const InvitationCreate = z.object({ email: Email, role: InvitableRole.default('member') });
export type InvitationCreate = z.infer<typeof InvitationCreate>;

export const Invitation = z.object({
  id: Id,
  workspaceId: Id,
  email: z.string(),
  role: InvitableRole,
  expiresAt: Timestamp,
  createdAt: Timestamp,
});
export type Invitation = z.infer<typeof Invitation>;

export const InvitationCreated = z.object({ invitation: Invitation, inviteUrl: z.url() });
export type InvitationCreated = z.infer<typeof InvitationCreated>;

export const InvitationList = page(Invitation);
export type InvitationList = z.infer<typeof InvitationList>;
export const InvitationTokenParams = z.object({ token: z.string().min(20).max(100) });
export const InvitationAccepted = z.object({ workspace: Workspace });
export type InvitationAccepted = z.infer<typeof InvitationAccepted>;

export const InvitationParams = z.object({ workspaceId: Id, invitationId: Id });
