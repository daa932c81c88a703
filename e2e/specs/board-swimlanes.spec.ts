import { join } from 'node:path';
import { addMember, createBoard, createTask, memberIds, uniqueEmail } from '../support/api';
import { ARTIFACTS, expect, signIn, test } from '../support/fixtures';

test('swimlanes by assignee stay in the URL and a drop into another lane hands the task over', async ({
  page,
}) => {
  const ownerEmail = uniqueEmail('lanes');
  const board = await createBoard(ownerEmail, 'Nobody owns this yet');
  await addMember(board, uniqueEmail('mira'), 'Mira Member', 'member');
  const mira = (await memberIds(board)).get('Mira Member');
  await createTask(board, { title: 'Mira already has this', assigneeIds: [mira] });
  await signIn(page, ownerEmail, board.boardPath);

  await page.getByRole('combobox', { name: 'Group by' }).selectOption('assignee');
  await expect(page).toHaveURL(/group=assignee/);
  const miraLane = page.getByRole('region', { name: 'Swimlane Mira Member' });
  const unassigned = page.getByRole('region', { name: 'Swimlane Unassigned' });
  await expect(miraLane.getByRole('article', { name: /Mira already has this/ })).toBeVisible();
  await expect(unassigned.getByRole('article', { name: /Nobody owns this yet/ })).toBeVisible();

  // Drag from Unassigned / To do into Mira's In progress column.
  const handle = page.getByRole('button', { name: 'Move KEY-1' });
  const target = page.getByRole('region', { name: 'Mira Member, In progress', exact: true });
  const from = await handle.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('board not laid out');
  const patched = page.waitForResponse(
    (r) => /\/tasks\/[^/]+$/.test(r.url()) && r.request().method() === 'PATCH',
  );
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
  await page.mouse.up();
  await expect(target.getByRole('article', { name: /Nobody owns this yet/ })).toBeVisible();
  expect((await patched).status()).toBe(200);

  await page.reload();
  await expect(page).toHaveURL(/group=assignee/);
  await expect(target.getByRole('article', { name: /Nobody owns this yet/ })).toBeVisible();
  await expect(target.getByRole('img', { name: 'Assigned to Mira Member' })).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'board-swimlanes.png'), fullPage: true });

  await page.getByRole('combobox', { name: 'Group by' }).selectOption('');
  await expect(page).not.toHaveURL(/group=/);
  await expect(page.getByRole('region', { name: 'Swimlane Mira Member' })).toHaveCount(0);
});
