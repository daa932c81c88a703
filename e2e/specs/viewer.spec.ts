import { addMember, createBoard, uniqueEmail } from '../support/api';
import { column, expect, signIn, test } from '../support/fixtures';

test('a viewer sees the board but gets no drag handles, no quick-add and a read-only task', async ({
  page,
}) => {
  const board = await createBoard(uniqueEmail('owner'), 'Read me only');
  const viewerEmail = uniqueEmail('viewer');
  await addMember(board, viewerEmail, 'Vic Viewer', 'viewer');

  await signIn(page, viewerEmail, board.boardPath);
  const card = column(page, 'To do').getByRole('article', { name: /KEY-1: Read me only/ });
  await expect(card).toBeVisible();
  await expect(page.getByText('the board is read-only')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Move / })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: /^Add a task to/ })).toHaveCount(0);

  await card.getByRole('link', { name: 'Read me only' }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByLabel('Title')).toBeDisabled();
  await expect(drawer.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
});
