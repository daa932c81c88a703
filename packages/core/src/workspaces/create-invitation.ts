import type { InvitationCreate, InvitationCreated } from '@teamflow/contracts/workspaces';
import { sendEmailJob } from '@teamflow/queue/jobs';
import { hashToken, newOpaqueToken } from '../auth/tokens';
import { emitEvent } from '../events/emit-event';
import { stageJob } from '../jobs/job-outbox.repository';
import { invitationMail } from '../mail/templates';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { forbidden, notFound } from '../platform/errors';
import { findWorkspace, insertInvitation } from './workspaces.repository';
import { toInvitation } from './workspace.mapper';

const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Creates a one-time invitation. Only its hash is stored; the link (with the clear token) is
 * returned once to the inviter and goes into the invitation email, staged in the same transaction
 * (the job outbox enqueues it once this commits).
 */
export async function createInvitation(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  input: InvitationCreate,
): Promise<InvitationCreated> {
  if (input.role === 'admin' && ctx.role !== 'owner' && ctx.role !== 'admin') throw forbidden();
  const token = newOpaqueToken();
  const inviteUrl = `${deps.env.WEB_ORIGIN.replace(/\/$/, '')}/invite/${token}`;
  const row = await deps.db.transaction(async (tx) => {
    const workspace = await findWorkspace(tx, ctx.workspaceId);
    if (!workspace) throw notFound('Workspace');
    const created = await insertInvitation(tx, {
      workspaceId: ctx.workspaceId,
      email: input.email,
      role: input.role,
      tokenHash: hashToken(token),
      invitedBy: ctx.actor.id,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    await emitEvent(
      tx,
      'MEMBER_INVITED',
      { invitationId: created.id, email: created.email, role: created.role },
      {
        workspaceId: ctx.workspaceId,
        entityId: created.id,
        actor: ctx.actor,
        activity: {
          entityType: 'invitation',
          action: 'created',
          changes: { email: created.email, role: created.role },
        },
      },
    );
    const mail = invitationMail({
      workspaceName: workspace.name,
      inviterName: ctx.actor.name,
      role: created.role,
      inviteUrl,
    });
    await stageJob(tx, sendEmailJob, { to: created.email, ...mail });
    return created;
  });
  return { invitation: toInvitation(row), inviteUrl };
}
