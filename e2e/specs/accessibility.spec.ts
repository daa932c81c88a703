import { join } from 'node:path';
import { addMember, createBoard, createLabel, createTask, memberIds, uniqueEmail } from '../support/api';
import { seriousViolations } from '../support/axe';
import { ARTIFACTS, column, expect, signIn, test } from '../support/fixtures';

for (const scheme of ['light', 'dark'] as const) {
  test(`the board, the list and the task drawer have no serious axe violations in ${scheme} mode`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const ownerEmail = uniqueEmail('a11y');
    const board = await createBoard(ownerEmail, 'Audit the board');
    await addMember(board, uniqueEmail('member'), 'Mira Member', 'member');
    const ids = await memberIds(board);
    const labels = [
      await createLabel(board, 'Backend', '#0ea5e9'),
      await createLabel(board, 'Urgent', '#fde047'),
      await createLabel(board, 'Design', '#7c3aed'),
    ];
    await createTask(board, {
      title: 'Labelled and assigned',
      status: 'in_progress',
      priority: 'critical',
      storyPoints: 5,
      dueDate: '2030-02-01',
      assigneeIds: [ids.get('Olive Owner'), ids.get('Mira Member')],
      labelIds: labels.map((l) => l.id),
    });
    await createTask(board, { title: 'Waiting on review', status: 'in_review', priority: 'low' });
    await signIn(page, ownerEmail, board.boardPath);
    await expect(page.locator('html')).toHaveClass(scheme === 'dark' ? /dark/ : /^(?!.*dark)/);

    await expect(column(page, 'In progress').getByRole('article')).toHaveCount(1);
    const found: Record<string, string[]> = {};
    found.board = await seriousViolations(page);
    await page.screenshot({ path: join(ARTIFACTS, `board-${scheme}.png`), fullPage: true });

    await page.getByRole('link', { name: 'Labelled and assigned' }).click();
    await expect(page.getByRole('dialog').getByLabel('Title')).toHaveValue('Labelled and assigned');
    found.drawer = await seriousViolations(page);
    await page.screenshot({ path: join(ARTIFACTS, `detail-${scheme}.png`) });
    await page.keyboard.press('Escape');

    await page.getByRole('combobox', { name: 'Group by' }).selectOption('assignee');
    await expect(page.getByRole('region', { name: 'Swimlane Unassigned' })).toBeVisible();
    found.swimlanes = await seriousViolations(page);

    await page.goto(`${board.boardPath}/list`);
    await expect(page.getByRole('row', { name: /^KEY-\d+:/ })).toHaveCount(3);
    found.list = await seriousViolations(page);
    await page.screenshot({ path: join(ARTIFACTS, `list-${scheme}.png`), fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(board.boardPath);
    await expect(column(page, 'To do').getByRole('article')).toHaveCount(1);
    found.phone = await seriousViolations(page);
    await page.screenshot({ path: join(ARTIFACTS, `phone-board-${scheme}.png`) });

    for (const [where, violations] of Object.entries(found)) {
      if (violations.length > 0) console.log(`axe ${scheme} ${where}:\n  ${violations.join('\n  ')}`);
    }
    expect(found).toEqual({ board: [], drawer: [], swimlanes: [], list: [], phone: [] });
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the workspace's other pages have no serious axe violations in ${scheme} mode`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const ownerEmail = uniqueEmail('a11y-pages');
    const board = await createBoard(ownerEmail, 'Audit the board');
    await addMember(board, uniqueEmail('member'), 'Mira Member', 'member');
    await createTask(board, { title: 'Audit the calendar', dueDate: '2030-05-20', priority: 'critical' });
    await signIn(page, ownerEmail, `/w/${board.workspaceId}`);
    await expect(page.locator('html')).toHaveClass(scheme === 'dark' ? /dark/ : /^(?!.*dark)/);

    // Each page as its reader first sees it: what they came for is on screen before axe reads it.
    const ws = `/w/${board.workspaceId}`;
    const visits: { name: string; path: string; ready: () => Promise<void> }[] = [
      {
        name: 'projects',
        path: ws,
        ready: () => expect(page.getByRole('link', { name: /E2E project/ })).toBeVisible(),
      },
      {
        name: 'members',
        path: `${ws}/members`,
        ready: () => expect(page.getByText('Mira Member')).toBeVisible(),
      },
      {
        name: 'progress',
        path: `${ws}/progress`,
        ready: () => expect(page.getByRole('list', { name: 'Achievements' })).toBeVisible(),
      },
      {
        name: 'search',
        path: `${ws}/search?q=audit`,
        ready: () => expect(page.getByText('Audit the calendar')).toBeVisible(),
      },
      {
        name: 'calendar',
        path: `${board.boardPath}/calendar?month=2030-05`,
        ready: () => expect(page.getByRole('heading', { name: 'May 2030' })).toBeVisible(),
      },
      {
        name: 'updates',
        path: `${ws}/updates`,
        ready: () => expect(page.getByRole('heading', { name: 'Updates', level: 1 })).toBeVisible(),
      },
      {
        name: 'work log',
        path: `${ws}/worklog`,
        ready: () => expect(page.getByRole('heading', { name: 'Work log' })).toBeVisible(),
      },
    ];
    const found: Record<string, string[]> = {};
    for (const visit of visits) {
      await page.goto(visit.path);
      await visit.ready();
      found[visit.name] = await seriousViolations(page);
    }
    for (const [where, violations] of Object.entries(found)) {
      if (violations.length > 0) console.log(`axe ${scheme} ${where}:\n  ${violations.join('\n  ')}`);
    }
    expect(found).toEqual(Object.fromEntries(visits.map((v) => [v.name, []])));
  });
}
