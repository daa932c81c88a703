import type { IncidentStatus } from '@teamflow/contracts/incidents';

const ORDER: IncidentStatus[] = ['investigating', 'identified', 'monitoring', 'resolved'];

/**
 * Status moves forward only (skipping ahead is allowed: investigating → resolved); a resolved
 * incident may reopen to investigating. Staying put is not a change.
 */
export function isAllowedIncidentTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  if (from === 'resolved') return to === 'investigating';
  return ORDER.indexOf(to) > ORDER.indexOf(from);
}
