import { grantFor, type Permission } from '@teamflow/contracts/permissions';
import type { CoreDeps, Ctx, WorkspaceCtx } from '../platform/context';
import { forbidden, notFound } from '../platform/errors';
import { findMembership, type CachedAccess } from './find-membership';
import type { ScopeKind } from './scope';

const LABEL: Record<ScopeKind, string> = {
  workspace: 'Workspace',
  project: 'Project',
  task: 'Task',
  comment: 'Comment',
  label: 'Label',
  sprint: 'Sprint',
  job: 'Job',
  statusUpdate: 'Status update',
  blocker: 'Blocker',
  incident: 'Incident',
  decision: 'Decision',
  template: 'Template',
  series: 'Series',
  attachment: 'Attachment',
  webhook: 'Webhook',
};

/**
 * The guard's core: finds the workspace behind a resource and the caller's role in it.
 * Not a member (or no such resource) → 404, so strangers learn nothing; a role without the
 * permission → 403. `own` grants pass here and are finished by the feature's policy.
 */
export async function resolveAccess(
  deps: CoreDeps,
  caller: Omit<Ctx, 'actor'> & { userId: string },
  permission: Permission,
  scope: { kind: ScopeKind; id: string },
  cached?: CachedAccess,
): Promise<WorkspaceCtx> {
  const membership = await findMembership(deps, scope, caller.userId, cached);
  if (!membership) throw notFound(LABEL[scope.kind]);
  if (!grantFor(membership.role, permission)) throw forbidden();
  return {
    actor: { id: caller.userId, name: membership.userName },
    requestId: caller.requestId,
    logger: caller.logger,
    workspaceId: membership.workspaceId,
    role: membership.role,
    timeZone: membership.timeZone,
  };
}
