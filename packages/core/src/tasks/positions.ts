export const POSITION_GAP = 1024;
// Below this gap two neighbours can no longer be split reliably in a double.
export const MIN_GAP = 1e-6;

/** A position strictly between two neighbours (either may be missing: top or bottom of a column). */
export function between(above: number | undefined, below: number | undefined): number {
  if (above === undefined && below === undefined) return POSITION_GAP;
  if (above === undefined) return below! - POSITION_GAP;
  if (below === undefined) return above + POSITION_GAP;
  return above + (below - above) / 2;
}

export function hasRoomBetween(above: number | undefined, below: number | undefined): boolean {
  return above === undefined || below === undefined || below - above > MIN_GAP;
}
