import type { BlockerStatus } from '@teamflow/contracts/blockers';
import { forbidden } from '../platform/errors';
import type { BlockerRow } from './blockers.repository';

/** Acknowledging says "someone else has seen this": the reporter cannot acknowledge their own. */
export function assertMayAcknowledge(row: BlockerRow, userId: string): void {
  if (row.reportedBy === userId) throw forbidden('Someone other than the reporter acknowledges a blocker');
}

/** open → acknowledged → resolved, and open → resolved; nothing leaves resolved. */
export const BLOCKER_NEXT: Record<BlockerStatus, BlockerStatus[]> = {
  open: ['acknowledged', 'resolved'],
  acknowledged: ['resolved'],
  resolved: [],
};
