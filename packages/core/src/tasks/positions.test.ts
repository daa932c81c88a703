import { between, hasRoomBetween, MIN_GAP, POSITION_GAP } from './positions';

describe('board positions', () => {
  it('places a card strictly between its neighbours', () => {
    expect(between(1024, 2048)).toBe(1536);
    expect(between(undefined, 1024)).toBe(1024 - POSITION_GAP);
    expect(between(2048, undefined)).toBe(2048 + POSITION_GAP);
    expect(between(undefined, undefined)).toBe(POSITION_GAP);
  });

  it('reports when repeated splits have used up the room between two cards', () => {
    let below = 2;
    const above = 1;
    let splits = 0;
    while (hasRoomBetween(above, below)) {
      below = between(above, below);
      splits++;
    }
    expect(splits).toBeGreaterThan(15);
    expect(below - above).toBeLessThanOrEqual(MIN_GAP);
  });
});
