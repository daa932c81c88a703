import { z } from 'zod';

export const Role = z.enum(['owner', 'admin', 'member', 'viewer']);
export type Role = z.infer<typeof Role>;

/** `any`: the role may act on any such resource; `own`: only on what the user created or authored. */
export type Grant = 'any' | 'own';

const ALL: Record<Role, Grant> = { owner: 'any', admin: 'any', member: 'any', viewer: 'any' };
const EDITORS: Partial<Record<Role, Grant>> = { owner: 'any', admin: 'any', member: 'any' };
const MANAGERS: Partial<Record<Role, Grant>> = { owner: 'any', admin: 'any' };
const OWNER: Partial<Record<Role, Grant>> = { owner: 'any' };

/**
 * The one permission table: the api guard enforces it and the web reads it to hide what a role
 * cannot do. Resource-level rules ("own") are finished by the core policy of that feature.
 */
export const PERMISSIONS = {
  'workspace.read': ALL,
  'workspace.update': OWNER,
  'workspace.delete': OWNER,
  'member.read': ALL,
  'member.invite': MANAGERS,
  'member.update': MANAGERS,
  // Anyone may leave (remove themselves); managers may remove others.
  'member.remove': { owner: 'any', admin: 'any', member: 'own', viewer: 'own' },
  'project.read': ALL,
  'project.create': EDITORS,
  'project.update': MANAGERS,
  'project.delete': MANAGERS,
  // Import writes tasks: those who create tasks may. (Export is `project.read`: what the role already sees.)
  'project.import': EDITORS,
  'task.read': ALL,
  'task.create': EDITORS,
  'task.update': EDITORS,
  'task.delete': { owner: 'any', admin: 'any', member: 'own' },
  'comment.read': ALL,
  'comment.create': EDITORS,
  'comment.update': { owner: 'own', admin: 'own', member: 'own' },
  'comment.delete': { owner: 'any', admin: 'any', member: 'own' },
  'label.read': ALL,
  'label.create': EDITORS,
  'label.delete': MANAGERS,
  'activity.read': ALL,
  'search.read': ALL,
  'sprint.read': ALL,
  'sprint.create': EDITORS,
  'sprint.update': EDITORS,
  // AI: editors ask for suggestions; everyone reads results and usage vs budget (so they know why
  // paid AI paused); the owner sets the budget.
  'ai.use': EDITORS,
  // A queued job's state and result (`GET /jobs/:id`: AI runs, digest regenerates): every member.
  'job.read': ALL,
  'ai.usage.read': ALL,
  'ai.budget.update': OWNER,
  // Templates: editors make and change them, everyone may use what they can read.
  'template.read': ALL,
  'template.create': EDITORS,
  'template.update': EDITORS,
  'template.delete': EDITORS,
  // Watching changes only the caller's own subscription, so every role that can read may watch.
  'task.watch': ALL,
  // Async updates. Check-ins: everyone sees who posted; owners and admins set the schedule.
  'checkIn.read': ALL,
  'checkIn.settings.update': MANAGERS,
  'statusUpdate.read': ALL,
  'statusUpdate.create': EDITORS,
  // An update is its author's word: nobody else edits or deletes it, not even the owner.
  'statusUpdate.update': { owner: 'own', admin: 'own', member: 'own' },
  'statusUpdate.delete': { owner: 'own', admin: 'own', member: 'own' },
  'blocker.read': ALL,
  'blocker.create': EDITORS,
  // Acknowledge and resolve (the reporter may not acknowledge their own: the blockers policy).
  'blocker.update': EDITORS,
  'incident.read': ALL,
  'incident.create': EDITORS,
  'incident.update': EDITORS,
  'decision.read': ALL,
  'decision.create': EDITORS,
  'decision.update': EDITORS,
  'digest.read': ALL,
  'digest.regenerate': MANAGERS,
  // Progress: everyone sees the team's progress and sets their own leaderboard choice; only the
  // owner switches gamification for the workspace (finished in core/progress/update-progress-settings.ts).
  'progress.read': ALL,
  'progress.settings': ALL,
  'progress.manage': OWNER,
  // Attachments: editors upload; the uploader, owners and admins delete.
  'attachment.read': ALL,
  'attachment.create': EDITORS,
  'attachment.delete': { owner: 'any', admin: 'any', member: 'own' },
  // Outgoing webhooks carry the workspace's data elsewhere and hold a signing secret: managers only.
  'webhook.read': MANAGERS,
  'webhook.manage': MANAGERS,
  // GitHub and Slack: their settings hold secrets (the GitHub signing secret, a Slack token): managers only.
  'integration.manage': MANAGERS,
} as const satisfies Record<string, Partial<Record<Role, Grant>>>;

export type Permission = keyof typeof PERMISSIONS;

export function grantFor(role: Role, permission: Permission): Grant | undefined {
  return (PERMISSIONS[permission] as Partial<Record<Role, Grant>>)[role];
}

/** True when the role may do this to some resource (for `own`, the caller must also be its author). */
export function can(role: Role, permission: Permission, isOwn = false): boolean {
  const grant = grantFor(role, permission);
  return grant === 'any' || (grant === 'own' && isOwn);
}
