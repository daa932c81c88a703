import { join } from 'node:path';
import { createBoard, createLabel, uniqueEmail } from '../support/api';
import { ARTIFACTS, column, expect, signIn, test } from '../support/fixtures';

test('in the task drawer an editor assigns people and labels, adds and checks off sub-tasks, comments safely and sees the activity', async ({
  page,
}) => {
  const ownerEmail = uniqueEmail('owner');
  const board = await createBoard(ownerEmail, 'Write the launch plan');
  await createLabel(board, 'Urgent');
  await signIn(page, ownerEmail, board.boardPath);

  await column(page, 'To do')
    .getByRole('article', { name: /KEY-1: Write the launch plan/ })
    .getByRole('link', { name: 'Write the launch plan' })
    .click();
  const drawer = page.getByRole('dialog');

  const assignee = drawer.getByRole('checkbox', { name: 'Olive Owner' });
  await assignee.click();
  await expect(assignee).toBeChecked();
  const label = drawer.getByRole('checkbox', { name: 'Urgent' });
  await label.click();
  await expect(label).toBeChecked();

  await drawer.getByLabel('New sub-task').fill('Draft the announcement');
  await drawer.getByRole('button', { name: 'Add', exact: true }).click();
  const subtask = drawer.getByRole('checkbox', { name: 'Draft the announcement done' });
  await expect(subtask).not.toBeChecked();
  await subtask.click();
  await expect(subtask).toBeChecked();
  await expect(drawer.getByText('Sub-tasks (1/1 done)')).toBeVisible();

  await drawer
    .getByLabel('New comment', { exact: true })
    .fill('Looks **good**\n<img src=x onerror="alert(1)">');
  await drawer.getByRole('button', { name: 'Comment', exact: true }).click();
  const comment = drawer.getByRole('listitem', { name: 'Comment by Olive Owner' });
  await expect(comment.locator('strong')).toHaveText('good');
  // Markup in a comment never reaches the page as HTML.
  await expect(comment).toContainText('Looks');
  await expect(comment.locator('img')).toHaveCount(0);

  await comment.getByRole('button', { name: 'Edit' }).click();
  await comment.getByLabel('Edit comment', { exact: true }).fill('Ship it on *Monday*');
  await comment.getByRole('button', { name: 'Save comment' }).click();
  await expect(comment.locator('em')).toHaveText('Monday');
  await expect(comment.getByText('edited')).toBeVisible();

  await drawer.getByLabel('New comment', { exact: true }).fill('A second thought');
  await drawer.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(drawer.getByRole('listitem', { name: 'Comment by Olive Owner' })).toHaveCount(2);

  await expect(drawer.getByRole('list', { name: 'Activity' }).getByRole('listitem').first()).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'detail-comments.png'), fullPage: true });

  page.once('dialog', (dialog) => void dialog.accept());
  await drawer
    .getByRole('listitem', { name: 'Comment by Olive Owner' })
    .filter({ hasText: 'A second thought' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(drawer.getByRole('listitem', { name: 'Comment by Olive Owner' })).toHaveCount(1);

  await page.reload();
  await expect(page.getByRole('dialog').getByRole('checkbox', { name: 'Olive Owner' })).toBeChecked();
  await expect(page.getByRole('dialog').getByText('Ship it on')).toBeVisible();
});
