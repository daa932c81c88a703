import type { LabelList } from '@teamflow/contracts/labels';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { toLabel } from './label.mapper';
import { listLabelRows } from './labels.repository';

export async function listLabels(deps: CoreDeps, ctx: WorkspaceCtx): Promise<LabelList> {
  return { items: (await listLabelRows(deps.db, ctx.workspaceId)).map(toLabel), nextCursor: null };
}
