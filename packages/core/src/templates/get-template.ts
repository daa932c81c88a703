import type { TaskTemplate } from '@teamflow/contracts/templates';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { toTemplate } from './template.mapper';
import { findTemplate } from './templates.repository';

export async function getTemplate(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  templateId: string,
): Promise<TaskTemplate> {
  const row = await findTemplate(deps.db, templateId);
  if (!row || row.workspaceId !== ctx.workspaceId) throw notFound('Template');
  return toTemplate(row);
}
