import type { IncidentDetail } from '@teamflow/contracts/incidents';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { incidentDetail } from './incident-events';
import { findIncident } from './incidents.repository';

export async function getIncident(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  incidentId: string,
): Promise<IncidentDetail> {
  const row = await findIncident(deps.db, incidentId);
  if (!row || row.workspaceId !== ctx.workspaceId) throw notFound('Incident');
  return incidentDetail(deps.db, row);
}
