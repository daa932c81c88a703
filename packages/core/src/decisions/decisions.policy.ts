import type { DecisionStatus } from '@teamflow/contracts/decisions';

/**
 * proposed → accepted | rejected; accepted → deprecated. `superseded` is reached only through a
 * new decision naming an accepted one (create-decision), never by PATCH.
 */
export const DECISION_NEXT: Record<DecisionStatus, DecisionStatus[]> = {
  proposed: ['accepted', 'rejected'],
  accepted: ['deprecated'],
  rejected: [],
  deprecated: [],
  superseded: [],
};
