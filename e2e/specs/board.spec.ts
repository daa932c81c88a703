import { join } from 'node:path';
import { PASSWORD, uniqueEmail } from '../support/api';
import { ARTIFACTS, column, expect, test } from '../support/fixtures';

test('a new user builds a board and a dragged card stays in its new column after reload', async ({
  page,
}) => {
  await page.goto('/signup');
  await page.getByLabel('Name').fill('Nia New');
  await page.getByLabel('Email').fill(uniqueEmail('board'));
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page).toHaveURL(/\/workspaces$/);
  await expect(page.getByText('You are not in any workspace yet')).toBeVisible();
  await page.getByLabel('New workspace name').fill('Launch team');
  await page.getByRole('button', { name: 'Create workspace' }).click();

  await expect(page.getByRole('heading', { name: 'Launch team' })).toBeVisible();
  await expect(page.getByText('No projects yet')).toBeVisible();
  await page.getByLabel('Project name').fill('Website');
  await page.getByLabel('Key (optional)').fill('WEB');
  await page.getByRole('button', { name: 'Create project' }).click();

  const todo = column(page, 'To do');
  const inProgress = column(page, 'In progress');
  await expect(todo).toBeVisible();
  const quickAdd = page.getByRole('textbox', { name: 'Add a task to To do' });
  for (const title of ['Write the copy', 'Design the hero', 'Ship the page']) {
    await quickAdd.fill(title);
    await quickAdd.press('Enter');
    await expect(todo.getByRole('article', { name: new RegExp(title) })).toBeVisible();
  }
  await expect(todo.getByRole('article')).toHaveCount(3);

  // Drag WEB-2 by its handle onto the In progress column with real pointer events.
  const handle = page.getByRole('button', { name: 'Move WEB-2' });
  const from = await handle.boundingBox();
  const to = await inProgress.boundingBox();
  if (!from || !to) throw new Error('board not laid out');
  const moved = page.waitForResponse((r) => r.url().endsWith('/move') && r.request().method() === 'POST');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 15 });
  await page.mouse.up();

  // Optimistic: in the new column before the api has necessarily answered.
  await expect(inProgress.getByRole('article', { name: /WEB-2/ })).toBeVisible();
  expect((await moved).status()).toBe(200);

  await page.reload();
  await expect(inProgress.getByRole('article', { name: /WEB-2/ })).toBeVisible();
  await expect(todo.getByRole('article')).toHaveCount(2);
  await page.screenshot({ path: join(ARTIFACTS, 'board.png'), fullPage: true });

  await page.getByRole('link', { name: 'Design the hero' }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByLabel('Title')).toHaveValue('Design the hero');
  await expect(drawer.getByLabel('Status')).toHaveValue('in_progress');
  await page.screenshot({ path: join(ARTIFACTS, 'detail.png') });
});
