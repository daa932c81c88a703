import type { NextTask } from '../src/inputs';
import { localNext, scoreNextTask } from '../src/local/next.rules';

const task = (over: Partial<NextTask>): NextTask => ({
  id: '00000000-0000-4000-8000-000000000001',
  key: 'CORE-1',
  title: 'A task',
  projectId: '00000000-0000-4000-8000-0000000000aa',
  status: 'todo',
  priority: 'medium',
  dueDate: null,
  storyPoints: null,
  updatedOn: '2026-12-06',
  blocks: [],
  waitsOn: [],
  sprint: null,
  inCheckIn: false,
  ...over,
});

describe('the local "what next" rule', () => {
  it("adds 15 for a task named in today's check-in, and says so", () => {
    expect(scoreNextTask(task({ inCheckIn: true }), '2026-12-06')).toEqual({
      score: 25,
      reasons: [{ kind: 'check_in', text: "You named it in today's check-in" }],
    });
  });

  it('adds points for staleness by the week and takes 25 away for waiting on others', () => {
    expect(scoreNextTask(task({ updatedOn: '2026-11-29' }), '2026-12-06')).toEqual({
      score: 15,
      reasons: [{ kind: 'stale', text: 'Untouched for 7 days' }],
    });
    expect(scoreNextTask(task({ updatedOn: '2026-10-01' }), '2026-12-06').score).toBe(30);
    expect(scoreNextTask(task({ waitsOn: ['CORE-9'] }), '2026-12-06')).toEqual({
      score: -15,
      reasons: [{ kind: 'waiting', text: 'Waits on CORE-9' }],
    });
  });

  it('counts at most three blocked tasks and caps lateness at ten days', () => {
    const blocks = ['A-1', 'A-2', 'A-3', 'A-4', 'A-5'];
    expect(scoreNextTask(task({ blocks }), '2026-12-06').reasons[0]!.text).toBe(
      'A-1, A-2, A-3 and 2 more wait on it',
    );
    expect(scoreNextTask(task({ blocks }), '2026-12-06').score).toBe(10 + 45);
    expect(scoreNextTask(task({ dueDate: '2026-10-01', priority: 'low' }), '2026-12-06').score).toBe(70);
  });

  it('answers five at most, ties broken by due date then key', () => {
    const tasks = Array.from({ length: 8 }, (_, i) =>
      task({ id: `00000000-0000-4000-8000-00000000000${i}`, key: `CORE-${10 - i}` }),
    );
    const items = localNext({ today: '2026-12-06', tasks }).items;
    expect(items).toHaveLength(5);
    expect(items.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5]);
    // All score alike: CORE-3 … CORE-7 by key order (numeric).
    expect(items.map((i) => tasks.find((t) => t.id === i.taskId)!.key)).toEqual([
      'CORE-3',
      'CORE-4',
      'CORE-5',
      'CORE-6',
      'CORE-7',
    ]);
  });
});
