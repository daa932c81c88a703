import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBoard, uniqueEmail } from '../support/api';
import { seriousViolations } from '../support/axe';
import { ARTIFACTS, column, expect, signIn, test } from '../support/fixtures';

const JIRA_CSV = join(__dirname, '..', '..', 'packages', 'core', 'testing', 'import-fixtures', 'jira.csv');

test('an owner imports a Jira CSV: dry run, edits the status table, commits, and sees the tasks on the board', async ({
  page,
}) => {
  const ownerEmail = uniqueEmail('import');
  const board = await createBoard(ownerEmail, 'Already here');
  const csv = readFileSync(JIRA_CSV, 'utf8').replaceAll('ana.lopez@example.com', ownerEmail);
  await page.emulateMedia({ colorScheme: 'dark' });
  await signIn(page, ownerEmail, `${board.boardPath}/import`);
  await expect(page.locator('html')).toHaveClass(/dark/);

  await page.getByLabel('File to import').setInputFiles({
    name: 'jira-export.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  const summary = page.getByRole('status').filter({ hasText: 'ready to import' });
  await expect(summary).toContainText('5 rows, 5 ready to import');
  await expect(page.getByLabel('Source')).toHaveValue('jira');
  await expect(page.getByRole('combobox', { name: 'Columns: Summary' })).toHaveValue('title');
  await expect(page.getByRole('combobox', { name: 'Statuses: Code Review' })).toHaveValue('in_review');
  await expect(page.getByText('left unassigned: ben.okafor@example.com')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Switch to light mode' }).click();
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  // Polled: right after the switch the buttons are still fading between the two themes' colours.
  await expect.poll(() => seriousViolations(page)).toEqual([]);

  // The team treats "Selected for Development" as started work: the table is the user's to edit.
  await page
    .getByRole('combobox', { name: 'Statuses: Selected for Development' })
    .selectOption('in_progress');
  await expect(page.getByRole('button', { name: 'Import 5 tasks' })).toBeDisabled();
  await page.getByRole('button', { name: 'Check again' }).click();
  await expect(summary).toContainText('5 rows, 5 ready to import.');

  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: join(ARTIFACTS, 'import-preview-dark-phone.png'), fullPage: true });

  await page.getByRole('button', { name: 'Import 5 tasks' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 5 tasks.' })).toBeVisible();
  await page.getByRole('link', { name: 'Open the board' }).click();

  await expect(column(page, 'In progress').getByRole('article')).toHaveCount(2);
  await expect(column(page, 'In progress')).toContainText('Write the release checklist');
  await expect(column(page, 'In progress')).toContainText('Set up CI pipeline for the mobile app');
  await expect(column(page, 'In review')).toContainText('Spike: offline sync options');
  await expect(column(page, 'Done')).toContainText('Crash when rotating the login screen');
  await expect(column(page, 'To do')).toContainText('Add Android build job');
  await expect(column(page, 'To do')).toContainText('Already here');
});
