import { act } from 'react';
import { JournalDayEditor } from '@/modules/worklog/components/journal-day-editor';
import { anAnswer, WORKSPACE } from '../builders';
import { render, settleUntil, typeInto, type Rendered } from '../render';

const DATE = '2026-12-04';
const entry = (version: number, body: string) => ({
  id: '7d0c5d8e-2b1a-4c3e-9f4a-1a2b3c4d5e6f',
  date: DATE,
  body,
  tags: [],
  version,
  createdAt: '2026-12-04T09:00:00.000Z',
  updatedAt: '2026-12-04T09:00:00.000Z',
  analysis: {
    status: 'done',
    provider: 'local',
    analysedAt: '2026-12-04T09:00:02.000Z',
    sentiment: { score: 0.4, label: 'positive' },
    projects: [],
    skills: [],
    achievements: [],
    themes: [],
  },
});
const json = (status: number, body: unknown) => Promise.resolve(anAnswer(status, body));

/** The api's side, stubbed at fetch: the day's entry, then whatever each PATCH is scripted to answer. */
function api(patches: (() => Promise<Response>)[]) {
  const sent: { method: string; body: unknown }[] = [];
  const fetch = jest.fn((input: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    if (method === 'GET' && input.includes('/worklog/entries?'))
      return json(200, { items: [entry(1, 'Old text')], nextCursor: null });
    if (method === 'PATCH') {
      sent.push({ method, body: JSON.parse(init.body as string) });
      return patches.shift()!();
    }
    return json(200, { items: [] });
  });
  globalThis.fetch = fetch as unknown as typeof globalThis.fetch;
  return sent;
}

describe('JournalDayEditor autosave', () => {
  let view: Rendered;
  const realFetch = globalThis.fetch;
  afterEach(async () => {
    await view.unmount();
    globalThis.fetch = realFetch;
    window.localStorage.clear();
  });

  const textarea = () => view.container.querySelector('textarea')!;
  const state = () => view.container.querySelector('[data-testid=save-state]')!.textContent;
  const type = (text: string) => typeInto(textarea(), text);

  it('saves with the version it loaded, and on a 409 shows both versions until the author picks one', async () => {
    const sent = api([
      () =>
        json(409, {
          error: {
            code: 'CONFLICT',
            message: 'changed',
            details: { current: entry(2, 'Theirs') },
            requestId: 'r',
          },
        }),
      () => json(200, entry(3, 'Mine')),
    ]);
    view = await render(<JournalDayEditor date={DATE} workspaceId={WORKSPACE} />);
    await settleUntil(() => textarea()?.value === 'Old text');
    expect(textarea().value).toBe('Old text');
    await type('Mine');
    expect(state()).toBe('Unsaved changes');
    await settleUntil(() => view.container.querySelector('[role=alertdialog]') !== null);
    expect(sent[0]).toEqual({ method: 'PATCH', body: { body: 'Mine', version: 1 } });
    const dialog = view.container.querySelector('[role=alertdialog]')!;
    expect(dialog.textContent).toContain('Your version');
    expect(dialog.textContent).toContain('Saved elsewhere (version 2)');
    expect(dialog.textContent).toContain('Theirs');
    expect(textarea().value).toBe('Mine');
    await act(async () => {
      [...dialog.querySelectorAll('button')].find((b) => b.textContent === 'Keep mine')!.click();
      await Promise.resolve();
    });
    await settleUntil(() => state() === 'Saved');
    expect(sent[1]).toEqual({ method: 'PATCH', body: { body: 'Mine', version: 2 } });
    expect(state()).toBe('Saved');
    expect(view.container.querySelector('[role=alertdialog]')).toBeNull();
  });

  it('keeps the draft when the network fails and saves it on the retry', async () => {
    const sent = api([
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => json(200, entry(2, 'Offline words')),
    ]);
    view = await render(<JournalDayEditor date={DATE} workspaceId={WORKSPACE} />);
    await settleUntil(() => textarea()?.value === 'Old text');
    await type('Offline words');
    await settleUntil(() => /^Offline/.test(state() ?? ''));
    expect(state()).toMatch(/^Offline/);
    expect(window.localStorage.getItem(`teamflow:worklog-draft:${DATE}`)).toBe('Offline words');
    await settleUntil(() => state() === 'Saved');
    expect(sent).toHaveLength(2);
    expect(state()).toBe('Saved');
    expect(window.localStorage.getItem(`teamflow:worklog-draft:${DATE}`)).toBeNull();
  });
});
