import type { ServerEvent } from '@teamflow/contracts/events';
import { slackMessage } from './slack-message';

const WS = '11111111-1111-4111-8111-111111111111';
const TASK = '22222222-2222-4222-8222-222222222222';
const event = (
  type: string,
  data: unknown,
  actor: { id: string; name: string } | null = { id: TASK, name: 'Ana' },
) =>
  ({
    type,
    workspaceId: WS,
    entityId: TASK,
    data,
    actor,
    at: '2026-12-06T10:00:00.000Z',
    seq: 3,
  }) as ServerEvent;

describe('slackMessage', () => {
  it('says who moved which task to which column, linked to the task', () => {
    const text = slackMessage(
      event('TASK_MOVED', { id: TASK, key: 'CORE-3', title: 'Ship it', status: 'in_review' }),
      'https://tf.example/',
    );
    expect(text).toBe(`Ana moved <https://tf.example/w/${WS}/t/${TASK}|CORE-3 Ship it> to *In review*`);
  });

  it('names TeamFlow for a change no member made (a merged pull request)', () => {
    const text = slackMessage(
      event('TASK_MOVED', { id: TASK, key: 'CORE-3', title: 'Ship it', status: 'done' }, null),
      'https://tf.example',
    );
    expect(text).toMatch(/^TeamFlow moved .* to \*Done\*$/);
  });

  it('lists a status update’s done, doing and blockers, escaping Slack’s control characters', () => {
    const text = slackMessage(
      event('STATUS_UPDATE_POSTED', {
        user: { id: TASK, name: 'Bo <b>' },
        date: '2026-12-06',
        done: 'Fixed A & B',
        doing: 'C',
        blockers: '',
      }),
      'https://tf.example',
    );
    expect(text).toBe(
      [
        `Bo &lt;b&gt; posted <https://tf.example/w/${WS}/updates|an update for 2026-12-06>`,
        '*Done:* Fixed A &amp; B',
        '*Doing:* C',
      ].join('\n'),
    );
  });

  it('has nothing to say about events without a public name', () => {
    expect(slackMessage(event('LABEL_CREATED', { id: TASK, name: 'x' }), 'https://tf.example')).toBeNull();
  });
});
