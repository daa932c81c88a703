import { act, useEffect } from 'react';
import { useBoardFilters } from '@/modules/board/hooks/use-board-filters';
import { render, type Rendered } from './render';

// A router whose replace lands later, as Next's does (in a transition, a render after the call).
let url = new URLSearchParams();
const replaced: string[] = [];
jest.mock('next/navigation', () => ({
  useSearchParams: () => url,
  usePathname: () => '/w/ws/p/pr',
  useRouter: () => ({ replace: (href: string) => replaced.push(href) }),
}));

type Board = ReturnType<typeof useBoardFilters>;
let board: Board;
const keep = (b: Board) => {
  board = b;
};
// Hands the hook's latest answer to the test after each render.
function Probe({ onRender }: { onRender: (b: Board) => void }) {
  const b = useBoardFilters();
  useEffect(() => {
    onRender(b);
  });
  return null;
}

describe('board filters in the URL', () => {
  let view: Rendered;
  afterEach(() => view.unmount());
  beforeEach(() => {
    url = new URLSearchParams();
    replaced.length = 0;
  });

  it('keep the first of two changes made before the URL showed it', async () => {
    view = await render(<Probe onRender={keep} />);
    act(() => board.setFilter('priority', 'high'));
    act(() => board.setFilter('sprint', 'backlog'));
    expect(replaced.at(-1)).toBe('/w/ws/p/pr?priority=high&sprint=backlog');
  });

  it('build on the URL again once it shows what was sent, and clear what was set', async () => {
    view = await render(<Probe onRender={keep} />);
    act(() => board.setFilter('priority', 'high'));
    url = new URLSearchParams('priority=high');
    await view.rerender(<Probe onRender={keep} />);
    url = new URLSearchParams('priority=high&group=assignee');
    await view.rerender(<Probe onRender={keep} />);
    act(() => board.clear());
    expect(replaced.at(-1)).toBe('/w/ws/p/pr?group=assignee');
  });
});
