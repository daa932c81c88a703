import { createBoard, PASSWORD, uniqueEmail } from '../support/api';
import { expect, signIn, test } from '../support/fixtures';

test('an invitee opens the invite link, signs up with the invited email and lands in the workspace as member', async ({
  page,
  browser,
}) => {
  const ownerEmail = uniqueEmail('owner');
  const board = await createBoard(ownerEmail, 'Shared work');
  const inviteeEmail = uniqueEmail('invitee');
  const membersPath = `/w/${board.workspaceId}/members`;

  await signIn(page, ownerEmail, membersPath);
  await page.getByLabel('Email').fill(inviteeEmail);
  await page.getByLabel('Role', { exact: true }).selectOption('member');
  await page.getByRole('button', { name: 'Invite' }).click();
  const linkField = page.getByLabel('Invite link');
  await expect(linkField).toHaveValue(/\/invite\/.+/);
  const inviteUrl = await linkField.inputValue();

  const inviteeContext = await browser.newContext();
  try {
    const invitee = await inviteeContext.newPage();
    await invitee.goto(inviteUrl);
    await invitee.waitForURL(/\/login\?next=/);
    await invitee.getByRole('link', { name: /Create an account/ }).click();
    await invitee.waitForURL(/\/signup\?next=/);
    await invitee.getByLabel('Name').fill('Ivy Invitee');
    await invitee.getByLabel('Email').fill(inviteeEmail);
    await invitee.getByLabel('Password').fill(PASSWORD);
    await invitee.getByRole('button', { name: 'Create account' }).click();

    await invitee.waitForURL((url) => url.pathname === `/w/${board.workspaceId}`);
    await expect(invitee.getByRole('heading', { name: 'E2E workspace' })).toBeVisible();
    await expect(invitee.getByText('member', { exact: true })).toBeVisible();
    await expect(invitee.getByRole('link', { name: 'E2E project' })).toBeVisible();
  } finally {
    await inviteeContext.close();
  }

  // The owner sees the new member and can change their role.
  await page.reload();
  const row = page.getByRole('listitem', { name: 'Ivy Invitee' });
  await expect(row).toBeVisible();
  await expect(row.getByLabel('Role of Ivy Invitee')).toHaveValue('member');
  // Reload only once the change is saved: a reload while the PATCH is in flight aborts it.
  const saved = page.waitForResponse(
    (res) => res.request().method() === 'PATCH' && res.url().includes('/members/') && res.ok(),
  );
  await row.getByLabel('Role of Ivy Invitee').selectOption('viewer');
  await saved;
  await page.reload();
  await expect(
    page.getByRole('listitem', { name: 'Ivy Invitee' }).getByLabel('Role of Ivy Invitee'),
  ).toHaveValue('viewer');

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Remove Ivy Invitee' }).click();
  await expect(page.getByRole('listitem', { name: 'Ivy Invitee' })).toHaveCount(0);
});
