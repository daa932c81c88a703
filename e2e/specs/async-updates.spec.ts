import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { addMember, apiUrl, createBoard, createTask, currentUserId, uniqueEmail } from '../support/api';
import { seriousViolations } from '../support/axe';
import { ARTIFACTS, expect, signIn, test } from '../support/fixtures';

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

test('a day of async work: check in from the draft (seen live), a blocker, an incident, a decision superseded, the digest', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const ownerEmail = uniqueEmail('async-owner');
  const memberEmail = uniqueEmail('async-member');
  const board = await createBoard(ownerEmail, 'Fix the login bug');
  await addMember(board, memberEmail, 'Mia Member', 'member');
  const ownerId = await currentUserId(board.ownerToken);
  await createTask(board, { title: 'Write the importer', status: 'in_progress', assigneeIds: [ownerId] });
  const updatesPath = `/w/${board.workspaceId}/updates`;

  const mia = await openAs(browser, baseURL!, memberEmail, updatesPath);
  await expect(mia.getByRole('heading', { name: 'Updates', level: 1 })).toBeVisible();
  const olive = await openAs(browser, baseURL!, ownerEmail, updatesPath);

  // The draft fills the form from Olive's own activity; she edits and posts it.
  const doing = olive.getByRole('combobox', { name: 'Doing next' });
  await expect(doing).toHaveValue(/KEY-2 Write the importer/);
  await olive
    .getByRole('combobox', { name: 'Done since your last update' })
    .fill('- Reviewed the API contract');
  await olive.getByLabel('4 · Good').check();
  await olive.getByRole('button', { name: 'Post check-in' }).click();
  await expect(olive.getByText('You have checked in today.')).toBeVisible();
  await expect(olive.getByText('Your mood: 4 / 5 (only you see this)')).toBeVisible();
  // Mia sees it without reloading, and never Olive's mood.
  const miaFeed = mia.getByTestId('status-update').filter({ hasText: 'Olive Owner' });
  await expect(miaFeed).toHaveCount(1);
  await expect(miaFeed).toContainText('Reviewed the API contract');
  await expect(mia.getByTestId('who-checked-in')).toContainText('Posted (1)');
  await olive.screenshot({ path: join(ARTIFACTS, 'async-updates-light.png'), fullPage: true });

  // A blocker: Olive raises it, Mia acknowledges it with one click.
  await olive.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Blockers' }).click();
  await olive.getByLabel('What is blocked?').fill('Waiting on the payment sandbox');
  await olive.getByRole('button', { name: 'Raise blocker' }).click();
  const oliveBlocker = olive.getByTestId('blocker').filter({ hasText: 'Waiting on the payment sandbox' });
  await expect(oliveBlocker).toBeVisible();
  // The reporter is not offered "Acknowledge" for their own blocker.
  await expect(oliveBlocker.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
  await mia.goto(`/w/${board.workspaceId}/blockers`);
  const miaBlocker = mia.getByTestId('blocker').filter({ hasText: 'Waiting on the payment sandbox' });
  await miaBlocker.getByRole('button', { name: 'Acknowledge' }).click();
  await mia.getByLabel('Show').selectOption('acknowledged');
  await expect(
    mia.getByTestId('blocker').filter({ hasText: 'Waiting on the payment sandbox' }),
  ).toContainText('acknowledged by Mia Member');

  // An incident: declared, moved to resolved; the timeline shows each step.
  await olive.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Incidents' }).click();
  await olive.getByLabel('What is broken?').fill('Checkout returns 500');
  await olive.getByRole('form', { name: 'Declare an incident' }).getByLabel('Severity').selectOption('sev2');
  await olive.getByRole('button', { name: 'Declare incident' }).click();
  await expect(olive.getByRole('heading', { name: /INC-1 Checkout returns 500/ })).toBeVisible();
  await olive.getByRole('button', { name: 'Move to identified' }).click();
  await expect(olive.getByLabel('Status: identified')).toBeVisible();
  await olive.getByRole('textbox', { name: 'Note', exact: true }).fill('Rolled back the deploy');
  await olive.getByRole('button', { name: 'Add to timeline' }).click();
  await olive.getByRole('button', { name: 'Move to resolved' }).click();
  await expect(olive.getByLabel('Status: resolved')).toBeVisible();
  const timeline = olive.getByTestId('timeline');
  await expect(timeline.getByRole('listitem')).toHaveCount(4);
  await expect(timeline).toContainText('Rolled back the deploy');
  await expect(olive.getByRole('button', { name: 'Reopen' })).toBeVisible();

  // A decision, accepted, then superseded by a new one.
  await olive.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Decisions' }).click();
  await olive.getByText('Record a decision').click();
  await olive.getByRole('textbox', { name: 'Title', exact: true }).fill('Use PostgreSQL full-text search');
  await olive
    .getByRole('combobox', { name: 'Context: what is the problem?' })
    .fill('Users need to find tasks.');
  await olive
    .getByRole('combobox', { name: 'Decision: what did you decide?' })
    .fill('tsvector with a GIN index.');
  await olive.getByRole('button', { name: 'Add an option' }).click();
  await olive.getByRole('textbox', { name: 'Option 1', exact: true }).fill('Elasticsearch');
  await olive.getByRole('form', { name: 'Record a decision' }).getByLabel('Status').selectOption('accepted');
  await olive.getByRole('button', { name: 'Record decision' }).click();
  await expect(olive.getByRole('heading', { name: 'DEC-1 Use PostgreSQL full-text search' })).toBeVisible();
  await olive.getByRole('link', { name: 'Supersede' }).click();
  await olive.getByRole('textbox', { name: 'Title', exact: true }).fill('Use Meilisearch');
  await olive.getByRole('combobox', { name: 'Context: what is the problem?' }).fill('Search got slow.');
  await olive.getByRole('combobox', { name: 'Decision: what did you decide?' }).fill('Run Meilisearch.');
  await olive.getByRole('button', { name: 'Record and supersede' }).click();
  await expect(olive.getByRole('heading', { name: 'DEC-2 Use Meilisearch' })).toBeVisible();
  await olive.getByRole('link', { name: /DEC-1 Use PostgreSQL/ }).click();
  await expect(olive.getByLabel('Status: superseded')).toBeVisible();
  await expect(olive.getByTestId('superseded-by')).toContainText('DEC-2 Use Meilisearch');

  // The digest: the worker writes it on request; the page shows it when it is ready.
  const today = new Date().toISOString().slice(0, 10);
  const res = await fetch(`${apiUrl()}/api/v1/workspaces/${board.workspaceId}/digests/${today}/regenerate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${board.ownerToken}` },
  });
  expect(res.status).toBe(202);
  await olive.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Digest' }).click();
  await expect(olive).toHaveURL(/\/digest$/);
  await expect(async () => {
    await olive.goto(`/w/${board.workspaceId}/digest`);
    await expect(olive.getByTestId('digest')).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  const digest = olive.getByTestId('digest');
  await expect(digest.getByLabel('Summary written by local')).toBeVisible();
  await expect(digest).toContainText('Reviewed the API contract');
  await expect(digest).not.toContainText('mood: 4');
  await olive.screenshot({ path: join(ARTIFACTS, 'async-digest-light.png'), fullPage: true });
  expect(await seriousViolations(olive)).toEqual([]);

  // The same pages in dark mode and at phone width.
  const dark = await openAs(browser, baseURL!, memberEmail, updatesPath, { colorScheme: 'dark' });
  await expect(dark.getByTestId('status-update').first()).toBeVisible();
  await dark.screenshot({ path: join(ARTIFACTS, 'async-updates-dark.png'), fullPage: true });
  expect(await seriousViolations(dark)).toEqual([]);
  const phone = await openAs(browser, baseURL!, memberEmail, `/w/${board.workspaceId}/blockers`, {
    viewport: { width: 390, height: 844 },
  });
  await expect(phone.getByRole('heading', { name: 'Blockers', level: 1 })).toBeVisible();
  await phone.screenshot({ path: join(ARTIFACTS, 'async-blockers-phone.png'), fullPage: true });
  expect(await seriousViolations(phone)).toEqual([]);
});
