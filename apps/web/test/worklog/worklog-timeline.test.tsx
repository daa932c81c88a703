import type { WorklogTimeline as Timeline } from '@teamflow/contracts/worklog';
import { WorklogTimeline } from '@/modules/worklog/components/worklog-timeline';
import { anAnswer, WORKSPACE } from '../builders';
import { render, settleUntil, type Rendered } from '../render';

const FROM = '2026-11-23';
const TO = '2026-12-06';
const done = (i: number): Timeline['items'][number] => ({
  kind: 'task',
  date: TO,
  task: {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    key: `TF-${i}`,
    title: `Task ${i}`,
    project: { id: '7d0c5d8e-2b1a-4c3e-9f4a-1a2b3c4d5e6f', name: 'Core' },
    workspaceId: WORKSPACE,
    doneAt: '2026-12-06T10:00:00.000Z',
  },
});

describe('WorklogTimeline', () => {
  const realFetch = globalThis.fetch;
  let view: Rendered;
  afterEach(async () => {
    await view.unmount();
    globalThis.fetch = realFetch;
  });

  async function show(timeline: Timeline) {
    globalThis.fetch = jest.fn(() => Promise.resolve(anAnswer(200, timeline)));
    view = await render(<WorklogTimeline from={FROM} to={TO} workspaceId={WORKSPACE} />);
    await settleUntil(() => view.container.querySelector('ol[aria-label="Timeline"]') !== null);
  }
  const notice = () => view.container.querySelector('[role="status"]')?.textContent ?? null;

  it('says when the api left out older completed tasks, instead of showing part as the whole', async () => {
    await show({ from: FROM, to: TO, items: [done(1), done(2)], tasksTruncated: true });

    expect(notice()).toBe(
      'Showing your 1,000 most recently completed tasks; earlier ones in this range are not listed.',
    );
  });

  it('says nothing of the kind when every completed task is listed', async () => {
    await show({ from: FROM, to: TO, items: [done(1)], tasksTruncated: false });

    expect(view.container.querySelectorAll('ol[aria-label="Timeline"] li')).toHaveLength(1);
    expect(notice()).toBeNull();
  });
});
