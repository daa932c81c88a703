import { join } from 'node:path';
import { createBoard, createTask, uniqueEmail } from '../support/api';
import { ARTIFACTS, column, expect, signIn, test } from '../support/fixtures';

test('plan a sprint by dragging from the backlog, start it, finish a task and read the burndown', async ({
  page,
}) => {
  const ownerEmail = uniqueEmail('sprints');
  const board = await createBoard(ownerEmail, 'Fix the login bug');
  await createTask(board, { title: 'Write the docs', storyPoints: 5 });
  await createTask(board, { title: 'Polish the header', storyPoints: 2 });
  await signIn(page, ownerEmail, board.boardPath);

  await page
    .getByRole('navigation', { name: 'Project views' })
    .getByRole('link', { name: 'Sprints' })
    .click();
  await expect(page).toHaveURL(/\/sprints$/);
  const backlog = page.getByRole('region', { name: 'Backlog', exact: true });
  await expect(backlog.getByRole('listitem')).toHaveCount(3);
  await expect(page.getByText('No sprint planned')).toBeVisible();

  await expect(page.getByLabel('Sprint name')).toHaveValue('Sprint 1');
  // Dates out of order are refused next to the field, and nothing is created.
  await page.getByLabel('Starts').fill('2030-01-10');
  await page.getByLabel('Ends').fill('2030-01-01');
  await page.getByRole('button', { name: 'Create sprint' }).click();
  await expect(page.getByText('The sprint cannot end before it starts')).toBeVisible();
  await page.getByLabel('Starts').fill('');
  await page.getByLabel('Ends').fill('');
  await page.getByRole('button', { name: 'Create sprint' }).click();
  const sprint = page.getByRole('region', { name: 'Sprint 1', exact: true });
  await expect(sprint).toBeVisible();

  // Drag KEY-1 by its handle into the sprint with real pointer events.
  const handle = page.getByRole('button', { name: 'Drag KEY-1' });
  const from = await handle.boundingBox();
  const to = await sprint.boundingBox();
  if (!from || !to) throw new Error('planning page not laid out');
  const added = page.waitForResponse(
    (r) => /\/sprints\/[^/]+\/tasks$/.test(r.url()) && r.request().method() === 'POST',
  );
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
  await page.mouse.up();
  await expect(sprint.getByRole('listitem', { name: /KEY-1/ })).toBeVisible();
  expect((await added).status()).toBe(200);

  // The keyboard way: pick the sprint from the task's own list.
  await page.getByLabel('Sprint for KEY-2').selectOption({ label: 'Sprint 1' });
  await expect(sprint.getByRole('listitem', { name: /KEY-2/ })).toBeVisible();
  await expect(backlog.getByRole('listitem')).toHaveCount(1);
  await expect(sprint.getByText('0/8 points done')).toBeVisible();

  await page.reload();
  await expect(sprint.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Start Sprint 1' }).click();
  await expect(sprint.getByText('Active', { exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: /Burndown of Sprint 1/ })).toBeVisible();

  // On the board, the active sprint is a filter kept in the URL; finish KEY-1 there.
  await page.getByRole('navigation', { name: 'Project views' }).getByRole('link', { name: 'Board' }).click();
  await page.getByLabel('Filter by sprint').selectOption({ label: 'Sprint 1 (active)' });
  await expect(page).toHaveURL(/sprint=/);
  const todo = column(page, 'To do');
  await expect(todo.getByRole('article')).toHaveCount(2);
  const card = page.getByRole('button', { name: 'Move KEY-1' });
  const done = column(page, 'Done');
  const a = await card.boundingBox();
  const b = await done.boundingBox();
  if (!a || !b) throw new Error('board not laid out');
  const moved = page.waitForResponse((r) => r.url().endsWith('/move') && r.request().method() === 'POST');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + 60, { steps: 15 });
  await page.mouse.up();
  expect((await moved).status()).toBe(200);
  await expect(done.getByRole('article', { name: /KEY-1/ })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Project views' })
    .getByRole('link', { name: 'Sprints' })
    .click();
  const chart = page.getByRole('img', { name: /Burndown of Sprint 1/ });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleDescription(/8 points committed; 5 of 8 points remain/);
  await expect(sprint.getByText('3/8 points done')).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'sprints.png'), fullPage: true });

  // Completing sends the unfinished KEY-2 back to the backlog; the report shows what happened.
  await page.getByRole('button', { name: 'Complete Sprint 1' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('1 unfinished task will move to:')).toBeVisible();
  await dialog.getByLabel('The backlog').check();
  await dialog.getByRole('button', { name: 'Complete sprint' }).click();
  await expect(dialog).toBeHidden();
  await expect(backlog.getByRole('listitem', { name: /KEY-2/ })).toBeVisible();
  await page.getByRole('link', { name: 'Sprint 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Sprint 1/ })).toBeVisible();
  await expect(page.getByText('Carried over')).toBeVisible();
  await expect(page.getByRole('img', { name: /Burndown of Sprint 1/ })).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'sprint-report.png'), fullPage: true });

  // The planning page charts the last sprint beside the project's velocity (Recharts, lazily loaded).
  await page.goto(`${board.boardPath}/sprints`);
  const velocity = page.getByRole('img', { name: 'Velocity' });
  await expect(velocity).toHaveAccessibleDescription(
    /Average 3 points completed per sprint over the last 1 sprints/,
  );
  await expect(
    page.getByRole('img', { name: /Burndown of Sprint 1/ }).locator('svg.recharts-surface'),
  ).toBeVisible();
  await expect(velocity.locator('svg.recharts-surface')).toBeVisible();
  const velocityPanel = page.getByRole('region', { name: 'Velocity' });
  await velocityPanel.getByText('Show the numbers').click();
  const numbers = velocityPanel.getByRole('table', { name: 'Velocity per sprint' });
  await expect(numbers.getByRole('row', { name: /Sprint 1/ })).toContainText('8');
  await page.screenshot({ path: join(ARTIFACTS, 'sprint-charts.png'), fullPage: true });
  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.screenshot({ path: join(ARTIFACTS, 'sprint-charts-dark.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(velocity.locator('svg.recharts-surface')).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'sprint-charts-phone.png'), fullPage: true });
});
