import type { CoreDeps } from '../platform/context';
import { currentSeq } from './outbox.repository';

/** The newest seq published in a workspace (0 before its first event): a joining client's catch-up baseline. */
export async function latestSeq(deps: Pick<CoreDeps, 'db'>, workspaceId: string): Promise<number> {
  return currentSeq(deps.db, workspaceId);
}
