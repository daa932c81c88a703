import { forbidden } from '../platform/errors';
import type { StatusUpdateRow } from './status-updates.repository';

/** An update is its author's word: only they edit or delete it (the `own` grant, finished here). */
export function assertAuthor(row: StatusUpdateRow, userId: string): void {
  if (row.userId !== userId) throw forbidden('Only its author may change a status update');
}

/** The non-empty lines of a text, without list bullets: each `blockers` line opens a blocker. */
export function meaningfulLines(text: string | undefined): string[] {
  return (text ?? '')
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '').trim())
    .filter((line) => line !== '');
}
