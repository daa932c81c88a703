import { createBoard, createTask, uniqueEmail } from '../support/api';
import { column, expect, signIn, test } from '../support/fixtures';

test('board filters by priority and text are kept in the URL and survive a reload', async ({ page }) => {
  const ownerEmail = uniqueEmail('owner');
  const board = await createBoard(ownerEmail, 'Fix the login bug');
  await createTask(board, { title: 'Write release notes', priority: 'low' });
  await createTask(board, { title: 'Fix the flaky test', priority: 'low' });
  await signIn(page, ownerEmail, board.boardPath);

  const todo = column(page, 'To do');
  await expect(todo.getByRole('article')).toHaveCount(3);
  await page.getByLabel('Filter by priority').selectOption('low');
  await expect(page).toHaveURL(/priority=low/);
  await expect(todo.getByRole('article')).toHaveCount(2);

  await page.getByLabel('Filter by text').fill('fix');
  await expect(page).toHaveURL(/q=fix/);
  await expect(todo.getByRole('article')).toHaveCount(1);
  await expect(todo.getByRole('article', { name: /Fix the flaky test/ })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Filter by priority')).toHaveValue('low');
  await expect(page.getByLabel('Filter by text')).toHaveValue('fix');
  await expect(todo.getByRole('article')).toHaveCount(1);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(todo.getByRole('article')).toHaveCount(3);
  await expect(page).not.toHaveURL(/priority=/);
});
