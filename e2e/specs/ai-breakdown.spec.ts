import { join } from 'node:path';
import { createBoard, uniqueEmail } from '../support/api';
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
  // The local rules know what a login page with OAuth takes.
  await expect(suggestions).toContainText(/OAuth/);
  await expect(suggestions).toContainText(/login form/i);
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
