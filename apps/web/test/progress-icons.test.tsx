import { ACHIEVEMENTS, type Progress, type Quest } from '@teamflow/contracts/progress';
import { randomUUID } from 'node:crypto';
import { queryKeys } from '@/lib/query-keys';
import { AchievementIcon } from '@/modules/progress/components/achievement-icon';
import { ProgressChip } from '@/modules/progress/components/progress-chip';
import { ProgressPage } from '@/modules/progress/components/progress-page';
import { MedalIcon } from '@/modules/progress/components/progress-icons';
import { QuestBar } from '@/modules/progress/components/quest-bar';
import { aQueryClient, aUser } from './builders';
import { render, type Rendered } from './render';

// Emoji need a colour-emoji font, which many Linux desktops lack: there they showed as empty boxes.
// Any pictograph (U+1F300… and the BMP ones such as ☄ ⚖ ❄) or emoji variation selector counts.
const EMOJI = /\p{Extended_Pictographic}|\uFE0F/u;

const workspaceId = randomUUID();

function aProgress(overrides: Partial<Progress> = {}): Progress {
  return {
    userId: randomUUID(),
    enabled: true,
    showOnLeaderboard: true,
    xp: 135,
    level: 2,
    levelProgress: { into: 35, needed: 200 },
    streak: { current: 1, longest: 4, freezes: 2, lastActiveDate: '2026-12-04' },
    achievements: [
      { id: 'first-task', name: 'First task done', unlockedAt: '2026-12-01T10:00:00.000Z' },
      { id: 'streak-7', name: 'Week on fire', unlockedAt: '2026-12-03T10:00:00.000Z' },
    ],
    recent: [],
    ...overrides,
  };
}

const aQuest: Quest = {
  sprintId: randomUUID(),
  projectId: randomUUID(),
  name: 'Sprint 4',
  goal: 'Ship the progress page',
  committedPoints: 20,
  donePoints: 8,
  percent: 40,
  contributors: [],
};

function withProgress(progress: Progress) {
  const client = aQueryClient();
  client.setQueryData(queryKeys.session, aUser());
  client.setQueryData(queryKeys.progressOf(workspaceId, 'me'), progress);
  client.setQueryData(queryKeys.quest(workspaceId, undefined), aQuest);
  client.setQueryData(queryKeys.leaderboard(workspaceId, 'week'), {
    period: 'week',
    from: '2026-11-30',
    enabled: true,
    items: [],
  });
  return client;
}

let page: Rendered | undefined;
afterEach(async () => {
  await page?.unmount();
  page = undefined;
});

describe('the Progress area draws its icons as SVG, never as emoji', () => {
  it('the achievements grid shows one decorative SVG per achievement, amber when unlocked, grey when locked', async () => {
    page = await render(<ProgressPage workspaceId={workspaceId} />, withProgress(aProgress()));
    const grid = page.container.querySelector('ul[aria-label="Achievements"]');
    const tiles = [...(grid?.querySelectorAll('li') ?? [])];

    expect(tiles).toHaveLength(ACHIEVEMENTS.length);
    for (const tile of tiles) {
      const icons = tile.querySelectorAll('svg');
      expect(icons).toHaveLength(1);
      expect(icons[0]?.getAttribute('aria-hidden')).toBe('true');
      expect(icons[0]?.getAttribute('viewBox')).toBe('0 0 24 24');
    }
    const unlocked = tiles.filter((tile) => tile.dataset.unlocked === 'true');
    expect(unlocked.map((tile) => tile.querySelector('.font-medium')?.textContent)).toEqual([
      'First task done',
      'Week on fire',
    ]);
    for (const tile of tiles) {
      const colour = tile.querySelector('svg')?.getAttribute('class') ?? '';
      expect(colour).toContain(tile.dataset.unlocked === 'true' ? 'text-amber-' : 'text-slate-');
    }
    // Each achievement has its own picture (by id), not one shape repeated.
    const shapes = new Set(tiles.map((tile) => tile.querySelector('svg')?.innerHTML));
    expect(shapes.size).toBe(ACHIEVEMENTS.length);
  });

  it('the page (streak, freezes, quest, achievements) has no emoji in its text, and says the freezes in words', async () => {
    page = await render(<ProgressPage workspaceId={workspaceId} />, withProgress(aProgress()));
    const text = page.container.textContent ?? '';

    expect(text).toContain('Achievements (2/');
    expect(text).not.toMatch(EMOJI);
    const streak = page.container.querySelector('[data-testid="streak"]');
    expect(streak?.querySelectorAll('svg')).toHaveLength(3); // the flame and two freezes
    expect(streak?.textContent).toContain('Longest 4 · 2 freezes');
    expect(page.container.querySelector('[data-testid="quest-bar"] svg')).not.toBeNull();
  });

  it('a streak not started shows the log, and no freezes in words', async () => {
    const cold = aProgress({ streak: { current: 0, longest: 0, freezes: 0, lastActiveDate: null } });
    page = await render(<ProgressPage workspaceId={workspaceId} />, withProgress(cold));
    const streak = page.container.querySelector('[data-testid="streak"]');

    expect(streak?.querySelectorAll('svg')).toHaveLength(1);
    expect(streak?.textContent).toBe('0 workdays in a rowLongest 0 · no freezes');
  });

  it('the quest bar flags its goal with an SVG, not 🏁', async () => {
    page = await render(<QuestBar workspaceId={workspaceId} />, withProgress(aProgress()));
    const goal = page.container.querySelector('[data-testid="quest-bar"] .font-medium');

    expect(goal?.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
    expect(goal?.textContent).toBe('Ship the progress pageSprint 4');
  });

  it('the header chip shows its streak flame as an SVG and keeps its name', async () => {
    page = await render(<ProgressChip workspaceId={workspaceId} />, withProgress(aProgress()));
    const chip = page.container.querySelector('[data-testid="progress-chip"]');

    expect(chip?.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
    expect(chip?.textContent).toBe('Level 2 · 135 XP · 1 day streak');
    expect(chip?.textContent).not.toMatch(EMOJI);
  });

  it('an achievement this build has no picture for (from a newer api) gets the medal, not nothing', async () => {
    page = await render(
      <>
        <AchievementIcon id="not-in-this-build" />
        <MedalIcon />
      </>,
    );
    const svgs = [...page.container.querySelectorAll('svg')];
    const [drawn, medal] = svgs;

    expect(svgs).toHaveLength(2);
    expect(drawn?.outerHTML).toBe(medal?.outerHTML);
  });
});
