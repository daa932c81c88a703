import type { WorklogInsights } from '@teamflow/contracts/worklog';
import { InsightsAchievements } from '@/modules/worklog/components/insights-achievements';
import { render, type Rendered } from '../render';

const ENTRY = '7d0c5d8e-2b1a-4c3e-9f4a-1a2b3c4d5e6f';
const wins = (n: number): WorklogInsights['achievements'] =>
  Array.from({ length: n }, (_, i) => ({ entryId: ENTRY, date: '2026-12-06', text: `Win ${i + 1}` }));

describe('InsightsAchievements', () => {
  let view: Rendered;
  afterEach(() => view.unmount());

  const show = async (achievements: WorklogInsights['achievements'], truncated: boolean) => {
    view = await render(<InsightsAchievements achievements={achievements} truncated={truncated} />);
  };
  const notice = () => view.container.querySelector('[role="status"]')?.textContent ?? null;
  const listed = () => view.container.querySelectorAll('li').length;

  it('says the api left out older achievements, instead of showing part as the whole', async () => {
    await show(wins(200), true);

    expect(notice()).toBe(
      'Showing the 20 most recent of more than 200 achievements in this range; an export lists them all.',
    );
    expect(listed()).toBe(20);
  });

  it('says how many there are when it shows only some of those the api listed', async () => {
    await show(wins(30), false);

    expect(notice()).toBe(
      'Showing the 20 most recent of 30 achievements in this range; an export lists them all.',
    );
    expect(listed()).toBe(20);
  });

  it('says nothing of the kind when every achievement is shown', async () => {
    await show(wins(5), false);

    expect(notice()).toBeNull();
    expect(listed()).toBe(5);
  });
});
