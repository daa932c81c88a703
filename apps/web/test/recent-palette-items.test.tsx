import { act } from 'react';
import {
  useRecentPaletteItems,
  type RecentPaletteItem,
} from '@/modules/shell/hooks/use-recent-palette-items';
import { RECENT_LIMIT } from '@/modules/shell/palette-ranking';
import { render } from './render';

type Recent = ReturnType<typeof useRecentPaletteItems>;

/** Renders the hook for a user and hands back what it returned last. */
async function mountFor(userId: string) {
  const seen: { current?: Recent } = {};
  function Probe() {
    seen.current = useRecentPaletteItems(userId);
    return null;
  }
  const mounted = await render(<Probe />);
  return { recent: () => seen.current!, unmount: mounted.unmount };
}

const page = (n: number): RecentPaletteItem => ({
  id: `page:p${n}`,
  group: 'Pages',
  label: `Page ${n}`,
  target: { kind: 'path', path: `/p/${n}` },
});

beforeEach(() => localStorage.clear());

describe('recent palette items', () => {
  it('keeps the newest first, once each, and no more than the limit', async () => {
    const alice = await mountFor('alice');
    act(() => {
      for (let n = 1; n <= RECENT_LIMIT + 3; n++) alice.recent().remember(page(n));
      alice.recent().remember(page(RECENT_LIMIT + 1));
    });
    const items = alice.recent().items;
    expect(items).toHaveLength(RECENT_LIMIT);
    expect(items[0]!.id).toBe(`page:p${RECENT_LIMIT + 1}`);
    expect(items[1]!.id).toBe(`page:p${RECENT_LIMIT + 3}`);
    expect(new Set(items.map((i) => i.id)).size).toBe(RECENT_LIMIT);
    await alice.unmount();
  });

  it('remembers them across page loads, per user', async () => {
    const alice = await mountFor('alice');
    act(() => alice.recent().remember(page(1)));
    await alice.unmount();

    const again = await mountFor('alice');
    expect(again.recent().items.map((i) => i.id)).toEqual(['page:p1']);
    await again.unmount();
    const bob = await mountFor('bob');
    expect(bob.recent().items).toEqual([]);
    await bob.unmount();
  });

  it('starts empty when what is stored cannot be read', async () => {
    localStorage.setItem('teamflow:palette-recent:alice', '{not json');
    const alice = await mountFor('alice');
    expect(alice.recent().items).toEqual([]);
    await alice.unmount();
  });
});
