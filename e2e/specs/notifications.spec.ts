import { join } from 'node:path';
import { addMember, apiUrl, createBoard, currentUserId, uniqueEmail, updateTask } from '../support/api';
import { ARTIFACTS, expect, signIn, test } from '../support/fixtures';

async function notificationsOf(token: string): Promise<{ type: string }[]> {
  const res = await fetch(`${apiUrl()}/api/v1/notifications`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return ((await res.json()) as { items: { type: string }[] }).items;
}

test('an assignee sees the bell count without reloading, opens the inbox and clicks through to the task', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const board = await createBoard(uniqueEmail('owner'), 'Wire up the bell');
  const assigneeEmail = uniqueEmail('bea');
  const assigneeToken = await addMember(board, assigneeEmail, 'Bea Assignee', 'member');
  const assigneeId = await currentUserId(assigneeToken);

  await signIn(page, assigneeEmail, '/workspaces');
  const bell = page.getByRole('button', { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName('Notifications, none unread');

  // The owner assigns Bea behind the page's back: api → job outbox → worker → notification row.
  await updateTask(board.ownerToken, board.task.id, {
    version: board.task.version,
    assigneeIds: [assigneeId],
  });
  // The bell polls every 30 s (and refreshes at once on a realtime NOTIFICATION event).
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread', { timeout: 45_000 });
  await expect(page.getByTestId('unread-badge')).toHaveText('1');
  await page.screenshot({ path: join(ARTIFACTS, 'notifications-bell.png') });

  await bell.click();
  const item = page.getByRole('menuitem', { name: /Olive Owner assigned you to KEY-1 Wire up the bell/ });
  await expect(item).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'notifications-menu.png') });
  await item.click();

  await page.waitForURL(
    (url) => url.pathname === board.boardPath && url.searchParams.get('task') === board.task.id,
  );
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByRole('dialog').getByLabel('Title')).toHaveValue('Wire up the bell');
  await page.screenshot({ path: join(ARTIFACTS, 'notifications-task.png') });

  // Bea mentions the owner through the member autocomplete; the owner gets a "mentioned" notification.
  const drawer = page.getByRole('dialog');
  const box = drawer.getByRole('combobox', { name: 'New comment' });
  await box.fill('Thanks @Oli');
  await expect(drawer.getByRole('option', { name: /Olive Owner/ })).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'notifications-mention.png') });
  await box.press('Enter');
  await expect(box).toHaveValue(/^Thanks @\[Olive Owner\]\([0-9a-f-]{36}\) $/);
  await box.pressSequentially('on it');
  await drawer.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(drawer.getByText('@Olive Owner')).toBeVisible();
  await expect(drawer.getByRole('button', { name: 'Watching' })).toBeVisible();
  await expect
    .poll(async () => (await notificationsOf(board.ownerToken)).map((n) => n.type), { timeout: 30_000 })
    .toContain('mentioned');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(bell).toHaveAccessibleName('Notifications, none unread');

  // The inbox page lists it as read.
  await page.goto('/notifications');
  const list = page.getByRole('list', { name: 'Notifications' });
  await expect(list.getByRole('link', { name: /assigned you to KEY-1/ })).toBeVisible();
  await expect(list.getByLabel('unread')).toHaveCount(0);
  await page.screenshot({ path: join(ARTIFACTS, 'notifications-inbox.png'), fullPage: true });

  await page.goto('/profile/notifications');
  const commentsByEmail = page.getByLabel('Comments by email');
  await expect(commentsByEmail).toBeChecked();
  await commentsByEmail.click();
  await expect(commentsByEmail).not.toBeChecked();
  // Saved on the server, not only on the page.
  await expect(page.getByRole('status')).toHaveCount(0);
  await page.waitForLoadState('networkidle');
  await page.reload();
  await expect(page.getByLabel('Comments by email')).not.toBeChecked();
  await expect(page.getByLabel('Comments in the app')).toBeChecked();
  // The daily digest is an email to opt into: off until chosen, and nothing to switch in the app.
  const digestByEmail = page.getByLabel('Daily digest by email');
  await expect(digestByEmail).not.toBeChecked();
  await expect(page.getByLabel('Daily digest in the app')).toHaveCount(0);
  await digestByEmail.click();
  await expect(digestByEmail).toBeChecked();
  await page.waitForLoadState('networkidle');
  await page.reload();
  await expect(page.getByLabel('Daily digest by email')).toBeChecked();
  await page.screenshot({ path: join(ARTIFACTS, 'notifications-preferences.png'), fullPage: true });

  // Phone width, dark mode: the header still fits the bell, the inbox and its menu are usable.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.evaluate(() => localStorage.removeItem('tf-theme'));
  await page.goto('/notifications');
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expect(bell).toBeVisible();
  await expect(page.getByRole('list', { name: 'Notifications' }).getByRole('listitem')).not.toHaveCount(0);
  await page.screenshot({ path: join(ARTIFACTS, 'notifications-phone-dark.png') });
  await bell.click();
  await expect(page.getByRole('menu')).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'notifications-phone-dark-menu.png') });
});
