import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBoard, uniqueEmail } from '../support/api';
import { ARTIFACTS, expect, signIn, test } from '../support/fixtures';

test('a person writes two entries, sees the analysis appear, opens insights and downloads a review PDF', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const email = uniqueEmail('writer');
  const board = await createBoard(email, 'Ship the export');
  const path = `/w/${board.workspaceId}/worklog`;
  await signIn(page, email, path);
  await expect(page.getByRole('heading', { name: 'Work log' })).toBeVisible();

  // Yesterday first, then today: one editor per day, each autosaved.
  await page.getByRole('button', { name: 'Previous day' }).click();
  const box = () => page.getByRole('combobox', { name: /^Entry for / });
  await box().fill('Frustrating day: the build broke twice and I was blocked waiting for access.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Next day' }).click();
  await box().fill(
    'Shipped the export button for E2E project. Reduced p99 latency from 800 to 120 ms. Great day!',
  );
  await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 15_000 });

  // The worker analyses it shortly after the last save (local provider, no key).
  const chips = page.getByRole('list', { name: 'What the analysis found' }).first();
  await expect(chips).toContainText('Mood: positive', { timeout: 30_000 });
  await expect(chips).toContainText('Performance');
  await expect(chips).toContainText('by local model (offline)');
  await page.screenshot({ path: join(ARTIFACTS, 'worklog-journal.png') });

  await page.getByRole('tab', { name: 'Insights' }).click();
  await expect(page.getByRole('img', { name: 'Mood' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('img', { name: 'Activity per day' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Skills' })).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'worklog-insights.png'), fullPage: true });

  await page.getByRole('tab', { name: 'Exports' }).click();
  await page.getByRole('button', { name: 'Export' }).click();
  const download = page.getByRole('button', { name: 'Download' });
  await expect(download).toBeVisible({ timeout: 30_000 });
  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  expect(file.suggestedFilename()).toMatch(/^teamflow-review-.*\.pdf$/);
  const saved = join(ARTIFACTS, 'worklog-review.pdf');
  await file.saveAs(saved);
  expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
});
