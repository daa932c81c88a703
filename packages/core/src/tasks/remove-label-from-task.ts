import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { changeTaskLabel } from './change-task-label';

export const removeLabelFromTask = (deps: CoreDeps, ctx: WorkspaceCtx, taskId: string, labelId: string) =>
  changeTaskLabel(deps, ctx, taskId, labelId, 'label_removed');
