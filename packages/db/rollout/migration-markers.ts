// The comments that let a statement through the expand-only rules: written between the same
// breakpoints as the statement they vouch for (docs/ARCHITECTURE.md).
import type { Statement } from './sql-statements';

// `-- contract: <what and why>, safe because <release> no longer reads it` (writes, inserts, …).
const CONTRACT = /^contract:\s*(.*\S)\s*$/i;
const CONTRACT_READINESS = /\bsafe because (\S+) no longer \w+/i;
const LOCK_OK = /^lock-ok:\s*(.*\S)?\s*$/i;
// `-- widens: <why every row the previous release writes still passes>`: replacing a constraint
// with a looser one (PostgreSQL cannot alter a CHECK in place: drop and add it in one transaction).
const WIDENS = /^widens:\s*(.*\S)?\s*$/i;

export interface Markers {
  contract?: { text: string; release?: string };
  lockOk?: string | null;
  widens?: string | null;
}

export function markersOf(statement: Statement): Markers {
  const markers: Markers = {};
  for (const comment of statement.comments) {
    const contract = CONTRACT.exec(comment);
    if (contract?.[1])
      markers.contract = { text: contract[1], release: CONTRACT_READINESS.exec(contract[1])?.[1] };
    const lock = LOCK_OK.exec(comment);
    if (lock) markers.lockOk = lock[1] ?? null;
    const widens = WIDENS.exec(comment);
    if (widens) markers.widens = widens[1] ?? null;
  }
  return markers;
}
