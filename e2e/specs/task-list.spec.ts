import { join } from 'node:path';
import { createBoard, createTask, uniqueEmail, updateTask } from '../support/api';
import { ARTIFACTS, expect, holdableRealtime, signIn, test } from '../support/fixtures';

test('the list view sorts by column, edits status and priority inline, and bulk-sets status reporting conflicts', async ({
  page,
}) => {
  const ownerEmail = uniqueEmail('owner');
  const board = await createBoard(ownerEmail, 'Alpha high task');
  await createTask(board, { title: 'Bravo low task', priority: 'low' });
  const charlie = await createTask(board, { title: 'Charlie critical task', priority: 'critical' });
  const listPath = `${board.boardPath}/list`;
  const realtime = await holdableRealtime(page);
  await signIn(page, ownerEmail, listPath);

  const rows = page.getByRole('row', { name: /^KEY-\d+:/ });
  await expect(rows).toHaveCount(3);
  await page.getByRole('button', { name: 'Priority' }).click();
  await expect(page).toHaveURL(/sort=priority/);
  await expect(rows.first()).toHaveAccessibleName(/Charlie critical task/);
  await expect(rows.last()).toHaveAccessibleName(/Bravo low task/);

  await page.getByRole('button', { name: 'Key' }).click();
  await expect(page).toHaveURL(/sort=createdAt/);
  await expect(rows.first()).toHaveAccessibleName(/Alpha high task/);

  // Reload only once both edits are saved: a reload while a PATCH is in flight may abort it.
  const savedEdit = () =>
    page.waitForResponse(
      (res) =>
        res.request().method() === 'PATCH' && /\/tasks\/[^/]+$/.test(new URL(res.url()).pathname) && res.ok(),
    );
  let saved = savedEdit();
  await page.getByLabel('Status of KEY-1').selectOption('in_review');
  await saved;
  saved = savedEdit();
  await page.getByLabel('Priority of KEY-2').selectOption('medium');
  await saved;
  await page.reload();
  await expect(page.getByLabel('Status of KEY-1')).toHaveValue('in_review');
  await expect(page.getByLabel('Priority of KEY-2')).toHaveValue('medium');

  // Someone else edits KEY-3 after the list loaded, and the page has not heard yet: its bulk
  // update is reported, not forced.
  await page.getByLabel('Select all tasks').check();
  realtime.hold();
  await updateTask(board.ownerToken, charlie.id, {
    title: 'Charlie renamed elsewhere',
    version: charlie.version,
  });
  await page.getByLabel('New status for selected tasks').selectOption('done');
  await page.screenshot({ path: join(ARTIFACTS, 'list.png'), fullPage: true });
  await page.getByRole('button', { name: 'Set status' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'updated' })).toHaveText(
    /2 updated; 1 changed by someone else and left as they were: KEY-3/,
  );
  await expect(page.getByLabel('Status of KEY-1')).toHaveValue('done');
  await expect(page.getByLabel('Status of KEY-2')).toHaveValue('done');
  await expect(page.getByLabel('Status of KEY-3')).toHaveValue('todo');
});
