import { join } from 'node:path';
import { createBoard, createTask, uniqueEmail } from '../support/api';
import { ARTIFACTS, column, expect, signIn, test } from '../support/fixtures';

test('with no AI key the local model breaks a task down; two picked suggestions become sub-tasks', async ({
  page,
}) => {
  const ownerEmail = uniqueEmail('owner');
  const board = await createBoard(ownerEmail, 'Build login page with OAuth');
  await signIn(page, ownerEmail, board.boardPath);

  await column(page, 'To do')
    .getByRole('article', { name: /KEY-1: Build login page with OAuth/ })
    .getByRole('link', { name: 'Build login page with OAuth' })
    .click();
  const drawer = page.getByRole('dialog');
  await drawer.getByRole('button', { name: /Break down with AI/ }).click();

  const suggestions = drawer.getByRole('list', { name: 'Suggested sub-tasks' });
  await expect(suggestions).toBeVisible();
  await expect(drawer.getByText('Local model')).toBeVisible();
  // The local rules know what a login page with OAuth takes, and say the steps come from a playbook.
  await expect(suggestions).toContainText(/OAuth/);
  await expect(suggestions).toContainText(/callback/i);
  await expect(suggestions.getByText('Usual step for sign-in work (playbook)').first()).toBeVisible();
  const boxes = suggestions.getByRole('checkbox');
  expect(await boxes.count()).toBeGreaterThanOrEqual(3);
  const firstTitle = (await suggestions
    .getByRole('listitem')
    .nth(0)
    .locator('label span')
    .first()
    .textContent())!;
  const secondTitle = (await suggestions
    .getByRole('listitem')
    .nth(1)
    .locator('label span')
    .first()
    .textContent())!;
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.screenshot({ path: join(ARTIFACTS, 'ai-breakdown-suggestions.png'), fullPage: true });
  await drawer.getByRole('button', { name: 'Create 2 sub-tasks' }).click();

  await expect(drawer.getByText('Sub-tasks (0/2 done)')).toBeVisible();
  await expect(drawer.getByRole('checkbox', { name: `${firstTitle} done` })).toBeVisible();
  await expect(drawer.getByRole('checkbox', { name: `${secondTitle} done` })).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'ai-breakdown-created.png'), fullPage: true });

  // They are real tasks: still there after a reload.
  await page.reload();
  await expect(page.getByRole('dialog').getByText('Sub-tasks (0/2 done)')).toBeVisible();
});

test('the board ranks the backlog with reasons, summarises the project, hints at duplicates, and the owner sets the AI budget (dark, phone width)', async ({
  page,
}) => {
  const ownerEmail = uniqueEmail('owner');
  const board = await createBoard(ownerEmail, 'Polish the footer');
  await createTask(board, { title: 'Fix the checkout outage', priority: 'critical', dueDate: '2020-01-02' });
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, ownerEmail, board.boardPath);
  await page.getByRole('button', { name: 'Switch to dark mode' }).click();

  await page.getByRole('button', { name: /Prioritise backlog/ }).click();
  const ranked = page.getByRole('list', { name: 'Prioritised backlog' });
  await expect(ranked.getByRole('listitem').first()).toContainText('Fix the checkout outage');
  await expect(ranked.getByRole('listitem').first()).toContainText(/Overdue by \d+ days/);
  await expect(page.getByText('Local model').first()).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'ai-prioritise-phone-dark.png'), fullPage: true });

  await page.getByRole('button', { name: /Summarise project/ }).click();
  await expect(page.getByRole('heading', { name: 'Project summary' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Risks' })).toContainText('Overdue: KEY-2');

  // Typing a title like an open task shows it before saving.
  await column(page, 'To do')
    .getByRole('textbox', { name: 'Add a task to To do' })
    .fill('Checkout outage fix');
  await expect(column(page, 'To do').getByText('Similar open tasks:')).toBeVisible();
  await expect(
    column(page, 'To do').getByRole('link', { name: /KEY-2 Fix the checkout outage/ }),
  ).toBeVisible();
  // Without a provider key the hint comes from the local model, by shared words, and says so.
  await expect(column(page, 'To do').getByText(/% alike in wording/)).toBeVisible();
  await expect(column(page, 'To do').getByText('Local model')).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'ai-duplicates-phone-dark.png'), fullPage: true });

  await page.goto(`/w/${board.workspaceId}/ai`);
  await expect(page.getByRole('heading', { name: 'AI usage' })).toBeVisible();
  await expect(page.getByText(/\$0\.00 of \$10\.00 spent/)).toBeVisible();
  await page.getByLabel('Monthly budget (USD)').fill('-3');
  await page.getByRole('button', { name: 'Save budget' }).click();
  await expect(page.getByText('Enter a budget between $0 and $100,000', { exact: true })).toBeVisible();
  await page.getByLabel('Monthly budget (USD)').fill('25');
  await page.getByRole('button', { name: 'Save budget' }).click();
  await expect(page.getByText(/of \$25\.00 spent/)).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'ai-usage-phone-dark.png'), fullPage: true });
});
