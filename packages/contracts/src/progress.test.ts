import { levelFor, levelProgressOf, levelStart, taskXp, ACHIEVEMENTS, AchievementId } from './progress';

describe('progress rules', () => {
  it('level n starts at 50 × n × (n − 1) XP', () => {
    expect([1, 2, 3, 4].map(levelStart)).toEqual([0, 100, 300, 600]);
    expect(levelFor(0)).toBe(1);
    expect(levelFor(99)).toBe(1);
    expect(levelFor(100)).toBe(2);
    expect(levelFor(299)).toBe(2);
    expect(levelFor(600)).toBe(4);
    expect(levelProgressOf(350)).toEqual({ into: 50, needed: 300 });
  });

  it('a task pays 10 + 5 × points, 10 without points', () => {
    expect(taskXp(null)).toBe(10);
    expect(taskXp(3)).toBe(25);
  });

  it('the achievement catalogue names every id once', () => {
    expect(ACHIEVEMENTS.map((a) => a.id).sort()).toEqual([...AchievementId.options].sort());
    expect(ACHIEVEMENTS.length).toBeGreaterThanOrEqual(12);
  });
});
