import { createBoard, uniqueEmail } from '../support/api';
import { join } from 'node:path';
import { ARTIFACTS, column, expect, signIn, test } from '../support/fixtures';

test('Ctrl-K palette navigates to a project, finds a task by a fuzzy key, remembers it and searches the workspace; c, /, j, k, e and ? shortcuts work', async ({
  page,
}) => {
  const ownerEmail = uniqueEmail('owner');
  const board = await createBoard(ownerEmail, 'Prepare the launch checklist');
  const workspacePath = `/w/${board.workspaceId}`;
  await signIn(page, ownerEmail, workspacePath);

  await expect(page.getByRole('heading', { name: 'E2E workspace' })).toBeVisible();
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  // The shortcut listener attaches once the signed-in shell has hydrated.
  await expect(async () => {
    await page.keyboard.press('Control+k');
    await expect(palette).toBeVisible({ timeout: 1000 });
  }).toPass();
  await palette.getByRole('combobox', { name: 'Command' }).fill('e2e proj');
  await palette.getByRole('option', { name: /^Go to E2E project/ }).click();
  await page.waitForURL((url) => url.pathname === board.boardPath);
  await expect(column(page, 'To do').getByRole('article')).toHaveCount(1);

  await page.keyboard.press('c');
  await expect(page.getByRole('textbox', { name: 'Add a task to To do' })).toBeFocused();
  await page.keyboard.type('Typed after pressing c');
  await page.keyboard.press('Enter');
  await expect(column(page, 'To do').getByRole('article', { name: /Typed after pressing c/ })).toBeVisible();
  await page.getByRole('textbox', { name: 'Add a task to To do' }).blur();

  await page.keyboard.press('/');
  await expect(page.getByLabel('Filter by text')).toBeFocused();
  await page.getByLabel('Filter by text').blur();

  // j / k walk the cards (To do holds KEY-1 then KEY-2); e opens the selected one with its title ready to edit.
  const todo = column(page, 'To do');
  await page.keyboard.press('j');
  await expect(todo.getByRole('link', { name: 'Prepare the launch checklist' })).toBeFocused();
  await page.keyboard.press('j');
  await expect(todo.getByRole('link', { name: 'Typed after pressing c' })).toBeFocused();
  await page.keyboard.press('k');
  await expect(todo.getByRole('link', { name: 'Prepare the launch checklist' })).toBeFocused();
  await page.screenshot({ path: join(ARTIFACTS, 'keyboard-selection.png') });
  await page.keyboard.press('e');
  const drawer = page.getByRole('dialog', { name: 'KEY-1', exact: true });
  await expect(drawer.getByLabel('Title')).toBeFocused();
  await expect(drawer.getByLabel('Title')).toHaveValue('Prepare the launch checklist');
  await drawer.getByRole('button', { name: 'Close task details' }).click();
  await expect(drawer).toBeHidden();

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByText('Select the next / previous task (board and list)')).toBeVisible();
  await page.keyboard.press('Escape');

  // A fuzzy key finds the task ("key2" is KEY-2) and Enter opens it in the drawer over the board.
  await page.keyboard.press('Control+k');
  const command = palette.getByRole('combobox', { name: 'Command' });
  await command.fill('key2');
  const found = palette.getByRole('option', { name: /^KEY-2 Typed after pressing c/ });
  await expect(found).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: join(ARTIFACTS, 'command-palette-fuzzy.png') });
  await page.keyboard.press('Enter');
  const second = page.getByRole('dialog', { name: 'KEY-2', exact: true });
  await expect(second.getByLabel('Title')).toHaveValue('Typed after pressing c');
  await second.getByRole('button', { name: 'Close task details' }).click();

  // Opened once, it is a recent item: first in the palette before anything is typed.
  await page.keyboard.press('Control+k');
  const recent = palette.getByRole('group', { name: 'Recent' });
  await expect(recent.getByRole('option').first()).toHaveAccessibleName(/^KEY-2 Typed after pressing c/);
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();

  // Text that is no key still finds the task by its title; "Search for …" takes it to the search page.
  await page.keyboard.press('Control+k');
  await command.fill('launch');
  await expect(palette.getByRole('option', { name: /^KEY-1 Prepare the launch checklist/ })).toBeVisible();
  await palette.getByRole('option', { name: 'Search for “launch”' }).click();
  await page.waitForURL(/\/search\?q=launch/);
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('link', { name: /Prepare the launch checklist/ })).toBeVisible();
  await results.getByRole('link', { name: /Prepare the launch checklist/ }).click();
  await expect(page.getByRole('dialog').getByLabel('Title')).toHaveValue('Prepare the launch checklist');
});
