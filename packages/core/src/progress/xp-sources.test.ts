import { Id } from '@teamflow/contracts/common';
import { stableSourceId } from './xp-sources';

describe('stableSourceId', () => {
  it('is a UUID, the same for the same parts and different for others', () => {
    const a = stableSourceId('status_update', 'ws', 'user', '2026-12-07');
    expect(Id.safeParse(a).success).toBe(true);
    expect(stableSourceId('status_update', 'ws', 'user', '2026-12-07')).toBe(a);
    expect(stableSourceId('status_update', 'ws', 'user', '2026-12-08')).not.toBe(a);
    expect(stableSourceId('status_update', 'wsu', 'ser', '2026-12-07')).not.toBe(a);
  });
});
