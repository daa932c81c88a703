import { join } from 'node:path';
import { createBoard, uniqueEmail } from '../support/api';
import { ARTIFACTS, column, expect, signIn, test } from '../support/fixtures';

test('dark mode is remembered across reloads and the board is usable at phone width', async ({ page }) => {
  const ownerEmail = uniqueEmail('owner');
  const board = await createBoard(ownerEmail, 'Check on the phone');
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, ownerEmail, board.boardPath);

  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expect(page.getByRole('button', { name: 'Switch to light mode' })).toBeVisible();

  const card = column(page, 'To do').getByRole('article', { name: /Check on the phone/ });
  await expect(card).toBeVisible();
  // Wide content scrolls inside the board; the page itself must not pan sideways.
  const scrollX = await page.evaluate(() => {
    window.scrollTo(500, 0);
    return window.scrollX;
  });
  expect(scrollX).toBe(0);
  await page.screenshot({ path: join(ARTIFACTS, 'phone-dark.png') });
  await card.getByRole('link', { name: 'Check on the phone' }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByLabel('Title')).toBeInViewport();
  await page.screenshot({ path: join(ARTIFACTS, 'phone-drawer.png') });

  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Switch to light mode' }).click();
  await expect(page.locator('html')).not.toHaveClass(/dark/);
});
