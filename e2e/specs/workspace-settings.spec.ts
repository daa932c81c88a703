import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { addMember, createBoard, uniqueEmail, updateWorkspace } from '../support/api';
import { ARTIFACTS, expect, signIn, test } from '../support/fixtures';

test('an owner renames the workspace and sets its time zone; a taken URL is refused on its field; a member only reads them', async ({
  page,
}) => {
  const ownerEmail = uniqueEmail('settings');
  const board = await createBoard(ownerEmail, 'Anything');
  const other = await createBoard(uniqueEmail('settings-other'), 'Anything else');
  const takenSlug = `taken-${randomBytes(3).toString('hex')}`;
  await updateWorkspace(other.ownerToken, other.workspaceId, { slug: takenSlug });

  await signIn(page, ownerEmail, `/w/${board.workspaceId}`);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Workspace settings' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Workspace settings' });
  await form.getByLabel('Name').fill('Renamed workspace');
  // Chromium lists the zone under the city's old name (Asia/Calcutta): the new one finds it too.
  const kolkata = /^Asia\/(Kolkata|Calcutta)$/;
  await form.getByRole('combobox', { name: 'Time zone' }).fill('kolkata');
  await expect(form.getByRole('option').first()).toHaveAccessibleName(/^Asia\/(Kolkata|Calcutta)/);
  await form.getByRole('option').first().click();
  await expect(form.getByText(kolkata)).toBeVisible();

  await form.getByLabel('URL slug').fill(takenSlug);
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByText('Already taken')).toBeVisible();
  await expect(form.getByLabel('URL slug')).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('URL slug').fill(`renamed-${randomBytes(3).toString('hex')}`);
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Workspace settings saved', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /Renamed workspace/ })).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'workspace-settings.png'), fullPage: true });
  await page.reload();
  await expect(form.getByLabel('Name')).toHaveValue('Renamed workspace');
  await expect(form.getByText(kolkata)).toBeVisible();

  // Import and export are per project: settings lists each project with its Import / export page.
  await page
    .getByRole('list', { name: 'Projects to import into or export' })
    .getByRole('link', { name: /E2E project \(KEY\): import \/ export/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`${board.boardPath}/import$`));

  const memberEmail = uniqueEmail('settings-member');
  await addMember(board, memberEmail, 'Max Member', 'member');
  await page.context().clearCookies();
  await signIn(page, memberEmail, `/w/${board.workspaceId}`);
  await expect(page.getByRole('link', { name: 'Members' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Settings', exact: true })).toHaveCount(0);
  await page.goto(`/w/${board.workspaceId}/settings`);
  await expect(page.getByText('Only an owner can change')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Workspace settings' })).toHaveCount(0);
});
