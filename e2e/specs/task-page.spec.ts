import { join } from 'node:path';
import { addDependency, addMember, createBoard, createTask, uniqueEmail } from '../support/api';
import { ARTIFACTS, column, expect, signIn, test } from '../support/fixtures';

test('a task opens at its own URL, where an editor adds dependencies (a cycle is refused clearly) and a new label', async ({
  page,
}) => {
  const ownerEmail = uniqueEmail('taskpage');
  const board = await createBoard(ownerEmail, 'Write the launch plan');
  const venue = await createTask(board, { title: 'Book the venue' });
  const catering = await createTask(board, { title: 'Order catering' });
  // KEY-2 waits for KEY-3, so "KEY-1 blocks KEY-3" after "KEY-1 blocked by KEY-2" would close a loop.
  await addDependency(board, venue.id, catering.id);
  await signIn(page, ownerEmail, board.boardPath);

  await column(page, 'To do')
    .getByRole('article', { name: /KEY-1: Write the launch plan/ })
    .getByRole('link', { name: 'Write the launch plan' })
    .click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('button', { name: 'Copy link to KEY-1' })).toBeVisible();
  await drawer.getByRole('link', { name: 'Open full page for KEY-1' }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${board.workspaceId}/t/${board.task.id}$`));

  // The URL alone is enough.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /Write the launch plan/ })).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue('Write the launch plan');

  const deps = page.getByRole('region', { name: 'Dependencies' });
  await deps.getByLabel('Relation').selectOption('blocked-by');
  await deps.getByLabel('Find a task to link').fill('venue');
  await deps.getByRole('button', { name: /KEY-2 Book the venue/ }).click();
  await expect(deps.getByRole('list', { name: 'Blocked by' })).toContainText('Book the venue');

  await deps.getByLabel('Relation').selectOption('blocks');
  await deps.getByLabel('Find a task to link').fill('KEY-3');
  await deps.getByRole('button', { name: /KEY-3 Order catering/ }).click();
  await expect(deps.getByText(/cannot block KEY-3.*would make a cycle/)).toBeVisible();
  await expect(deps.getByRole('list', { name: 'Blocks' })).toHaveCount(0);

  await page.getByRole('button', { name: '+ New label' }).click();
  await page.getByLabel('Label name').fill('Launch');
  await page.getByRole('button', { name: 'Colour #10b981' }).click();
  await page.getByRole('button', { name: 'Create label' }).click();
  await expect(page.getByRole('checkbox', { name: 'Launch' })).toBeChecked();

  await page.getByLabel('Description', { exact: true }).fill('Ship it **on time**');
  await page.getByRole('tablist', { name: 'Description mode' }).getByRole('tab', { name: 'Preview' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Description preview' }).locator('strong')).toHaveText(
    'on time',
  );
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('KEY-1 saved', { exact: true })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Launch' })).toBeChecked();
  await expect(
    page.getByRole('region', { name: 'Dependencies' }).getByRole('list', { name: 'Blocked by' }),
  ).toContainText('KEY-2');
  await page.screenshot({ path: join(ARTIFACTS, 'task-page.png'), fullPage: true });

  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(ARTIFACTS, 'task-page-phone-dark.png'), fullPage: true });
  await page.setViewportSize({ width: 1600, height: 900 });

  // Removing the dependency takes it off the list.
  await page.getByRole('button', { name: 'Remove blocked by KEY-2' }).click();
  await expect(
    page.getByRole('region', { name: 'Dependencies' }).getByRole('list', { name: 'Blocked by' }),
  ).toHaveCount(0);
});

test('an unknown task id shows a not-found state, not a crash', async ({ page }) => {
  const ownerEmail = uniqueEmail('taskmissing');
  const board = await createBoard(ownerEmail, 'Anything');
  await signIn(page, ownerEmail, board.boardPath);
  await page.goto(`/w/${board.workspaceId}/t/00000000-0000-4000-8000-000000000000`);
  await expect(page.getByText('This task does not exist')).toBeVisible();
});

test('a viewer opens a task by its key and sees it, and the calendar, without edit controls', async ({
  page,
}) => {
  const ownerEmail = uniqueEmail('taskowner');
  const viewerEmail = uniqueEmail('taskviewer');
  const board = await createBoard(ownerEmail, 'Read the brief');
  await addMember(board, viewerEmail, 'Vic Viewer', 'viewer');
  await signIn(page, viewerEmail, board.boardPath);

  await page.goto(`/w/${board.workspaceId}/t/KEY-1`);
  await expect(page.getByRole('heading', { level: 1, name: /Read the brief/ })).toBeVisible();
  await expect(page.getByText('You are a viewer here: this task is read-only.')).toBeVisible();
  await expect(page.getByLabel('Title')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '+ New label' })).toHaveCount(0);
  await expect(page.getByLabel('Find a task to link')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Description' })).toContainText('No description');

  await page.goto(`${board.boardPath}/calendar?month=2030-05`);
  await expect(page.getByText('You are a viewer here: the calendar is read-only.')).toBeVisible();
  const chip = page
    .getByRole('group', { name: 'Friday, May 17, 2030' })
    .getByRole('button', { name: /KEY-1/ });
  await expect(chip).toBeVisible();
  await expect(chip).not.toHaveAttribute('aria-describedby', /.+/);
});
