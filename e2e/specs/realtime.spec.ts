import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { addMember, createBoard, uniqueEmail, updateTask } from '../support/api';
import { ARTIFACTS, column, expect, signIn, test } from '../support/fixtures';

// A change made in one browser shows in the other without a reload, within this.
const LIVE_MS = 1_000;

async function openAs(
  browser: Browser,
  baseURL: string,
  email: string,
  path: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<Page> {
  const context = await browser.newContext({ baseURL, ...options });
  const page = await context.newPage();
  await signIn(page, email, path);
  return page;
}

test('two people on one board see each other, and each other’s changes, live', async ({
  browser,
  baseURL,
}) => {
  const ownerEmail = uniqueEmail('rt-owner');
  const memberEmail = uniqueEmail('rt-member');
  const board = await createBoard(ownerEmail, 'Original title');
  await addMember(board, memberEmail, 'Mia Member', 'member');
  const olive = await openAs(browser, baseURL!, ownerEmail, board.boardPath);
  const mia = await openAs(browser, baseURL!, memberEmail, board.boardPath);

  // Presence: each sees the other viewing the board.
  await expect(mia.getByRole('list', { name: 'Viewing this board: Olive Owner' })).toBeVisible();
  await expect(olive.getByRole('list', { name: 'Viewing this board: Mia Member' })).toBeVisible();

  // Olive renames the task and moves it to In progress in her drawer.
  await olive.getByRole('link', { name: 'Original title' }).click();
  const oliveDrawer = olive.getByRole('dialog', { name: 'KEY-1', exact: true });
  await oliveDrawer.getByLabel('Title').fill('Renamed live');
  await oliveDrawer.getByLabel('Status').selectOption('in_progress');
  await oliveDrawer.getByRole('button', { name: 'Save changes' }).click();
  await expect(olive.getByText('KEY-1 saved', { exact: true }).first()).toBeVisible();

  // Mia's board follows without a reload: the card moved, highlighted, and a toast names who did it.
  const card = column(mia, 'In progress').getByRole('article', { name: 'KEY-1: Renamed live' });
  await expect(card).toBeVisible({ timeout: LIVE_MS });
  await expect(card).toHaveAttribute('data-live-updated', 'true');
  await expect(
    mia.getByText('Olive Owner moved KEY-1 to In progress', { exact: true }).first(),
  ).toBeVisible();
  await mia.screenshot({ path: join(ARTIFACTS, 'realtime-board-live.png') });

  // Mia opens the task too: the drawer shows who else is looking, and Olive's comment arrives live.
  await mia.getByRole('link', { name: 'Renamed live' }).click();
  const miaDrawer = mia.getByRole('dialog', { name: 'KEY-1', exact: true });
  await expect(miaDrawer.getByRole('list', { name: 'Also viewing: Olive Owner' })).toBeVisible();
  await oliveDrawer.getByLabel('New comment', { exact: true }).fill('Picked this up from the **live** board');
  await oliveDrawer.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(oliveDrawer.getByRole('listitem', { name: 'Comment by Olive Owner' })).toBeVisible();
  await expect(miaDrawer.getByRole('listitem', { name: 'Comment by Olive Owner' })).toContainText(
    'Picked this up from the live board',
    { timeout: LIVE_MS },
  );
  await mia.screenshot({ path: join(ARTIFACTS, 'realtime-drawer-live.png') });
  await olive.context().close();
  await mia.context().close();
});

test('while the connection is down a banner says so, and the board catches up once it is back', async ({
  browser,
  baseURL,
}) => {
  const ownerEmail = uniqueEmail('rt-offline');
  const board = await createBoard(ownerEmail, 'Before the outage');
  // At phone width in dark mode: the banner must read well there too.
  const page = await openAs(browser, baseURL!, ownerEmail, board.boardPath, {
    viewport: { width: 390, height: 844 },
    colorScheme: 'dark',
  });
  const banner = page.getByRole('status').filter({ hasText: 'Reconnecting…' });
  await expect(
    column(page, 'To do').getByRole('article', { name: 'KEY-1: Before the outage' }),
  ).toBeVisible();
  // Give the socket time to connect and join before cutting it.
  await expect(banner).toBeHidden();
  await page.waitForTimeout(500);

  await page.context().setOffline(true);
  // With the browser offline the offline banner says so (and counts what waits); "Reconnecting…"
  // is for a socket that dropped while the network is up.
  const offlineBanner = page.locator('[data-offline-banner]');
  await expect(offlineBanner).toContainText('You are offline.');
  await expect(banner).toBeHidden();
  // Changed elsewhere while this page cannot hear about it.
  await updateTask(board.ownerToken, board.task.id, {
    version: board.task.version,
    title: 'Changed during the outage',
    status: 'in_review',
  });
  await page.waitForTimeout(500);
  await expect(
    column(page, 'To do').getByRole('article', { name: 'KEY-1: Before the outage' }),
  ).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'realtime-reconnecting.png') });

  await page.context().setOffline(false);
  await expect(offlineBanner).toBeHidden();
  await expect(banner).toBeHidden();
  await expect(
    column(page, 'In review').getByRole('article', { name: 'KEY-1: Changed during the outage' }),
  ).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'realtime-caught-up.png') });
  await page.context().close();
});
