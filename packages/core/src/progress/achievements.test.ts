import { earnedAchievements, type AchievementFacts } from './achievements';

const none: AchievementFacts = {
  tasksDone: 0,
  tasksHelped: 0,
  statusUpdates: 0,
  checkInDaysInBestWeek: 0,
  decisionsAccepted: 0,
  incidentsCommanded: 0,
  sprintBonuses: 0,
  longestStreak: 0,
  level: 1,
};

describe('achievement checks', () => {
  it('a newcomer has none', () => expect(earnedAchievements(none)).toEqual([]));
  it('first task and helping hand', () =>
    expect(earnedAchievements({ ...none, tasksDone: 1, tasksHelped: 1 })).toEqual([
      'first-task',
      'helping-hand',
    ]));
  it('ten and a hundred tasks', () =>
    expect(earnedAchievements({ ...none, tasksDone: 100 })).toEqual([
      'first-task',
      'ten-tasks',
      'hundred-tasks',
    ]));
  it('streaks of 7 and 30', () =>
    expect(earnedAchievements({ ...none, longestStreak: 30 })).toEqual(['streak-7', 'streak-30']));
  it('a week of check-ins needs five days in one week', () => {
    expect(earnedAchievements({ ...none, statusUpdates: 4, checkInDaysInBestWeek: 4 })).toEqual([
      'first-update',
    ]);
    expect(earnedAchievements({ ...none, statusUpdates: 5, checkInDaysInBestWeek: 5 })).toContain(
      'week-of-check-ins',
    );
  });
  it('decisions, incidents, sprints and levels', () =>
    expect(
      earnedAchievements({
        ...none,
        decisionsAccepted: 1,
        incidentsCommanded: 1,
        sprintBonuses: 1,
        level: 10,
      }),
    ).toEqual(['first-decision', 'incident-commander', 'sprint-finisher', 'level-5', 'level-10']));
});
