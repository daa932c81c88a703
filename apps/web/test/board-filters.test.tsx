import { act } from 'react';
import { BoardFilters } from '@/modules/board/components/board-filters';
import type { BoardFilters as Filters } from '@/modules/board/hooks/use-board-filters';
import { render, type Rendered } from './render';

const directory = { people: new Map(), labels: new Map() };

describe('the board filters on a phone', () => {
  let view: Rendered;
  afterEach(() => view.unmount());

  const show = async (filters: Filters) => {
    view = await render(
      <BoardFilters
        filters={filters}
        directory={directory}
        sprints={[]}
        setFilter={() => {}}
        clear={() => {}}
      />,
    );
    const toggle = [...view.container.querySelectorAll('button')].find((b) =>
      b.textContent?.startsWith('Filters'),
    )!;
    const panel = view.container.querySelector(`[id="${toggle.getAttribute('aria-controls')}"]`)!;
    return { toggle, panel };
  };

  it('fold the selects behind a Filters button that opens and closes them', async () => {
    const { toggle, panel } = await show({});
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(panel.className.split(' ')).toContain('hidden');
    expect(panel.querySelectorAll('select')).toHaveLength(5);

    act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(panel.className.split(' ')).not.toContain('hidden');
    act(() => toggle.click());
    expect(panel.className.split(' ')).toContain('hidden');
  });

  it('start open, counting them, when the board is already filtered by a select', async () => {
    const { toggle, panel } = await show({ priority: 'high', sprint: 'backlog' });
    expect(toggle.textContent).toBe('Filters · 2');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(panel.className.split(' ')).not.toContain('hidden');
  });

  it('keep the text filter outside the fold', async () => {
    const { panel } = await show({});
    expect(view.container.querySelector('input[type="search"]')).not.toBeNull();
    expect(panel.querySelector('input[type="search"]')).toBeNull();
  });
});
