import { join } from 'node:path';
import { createBoard, uniqueEmail, updateTask } from '../support/api';
import { ARTIFACTS, column, expect, signIn, test } from '../support/fixtures';

test('saving a stale edit opens the conflict dialog, and "apply mine again" wins', async ({ page }) => {
  const ownerEmail = uniqueEmail('conflict');
  const board = await createBoard(ownerEmail, 'Original title');
  await signIn(page, ownerEmail, `${board.boardPath}?task=${board.task.id}`);

  const drawer = page.getByRole('dialog', { name: 'KEY-1', exact: true });
  await expect(drawer.getByLabel('Title')).toHaveValue('Original title');
  await drawer.getByLabel('Title').fill('My title');

  // Someone else saves first, behind the page's back.
  await updateTask(board.ownerToken, board.task.id, { version: board.task.version, title: 'Their title' });
  await drawer.getByRole('button', { name: 'Save changes' }).click();

  const conflict = page.getByRole('dialog', { name: /Someone else changed/ });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('cell', { name: 'Their title' })).toBeVisible();
  await expect(conflict.getByRole('cell', { name: 'My title' })).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'conflict.png') });

  await conflict.getByRole('button', { name: 'Apply mine again' }).click();
  await expect(conflict).toBeHidden();
  // Radix also copies a toast's text into a live region for screen readers, hence first().
  await expect(page.getByText('KEY-1 saved', { exact: true }).first()).toBeVisible();
  await expect(drawer.getByLabel('Title')).toHaveValue('My title');
  await drawer.getByRole('button', { name: 'Close task details' }).click();
  await expect(column(page, 'To do').getByRole('article', { name: 'KEY-1: My title' })).toBeVisible();
});
