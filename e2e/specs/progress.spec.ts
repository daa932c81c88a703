import { join } from 'node:path';
import { addMember, createBoard, currentUserId, uniqueEmail, updateTask } from '../support/api';
import { ARTIFACTS, expect, signIn, test } from '../support/fixtures';

test('finishing a task shows the XP toast and moves the level ring; the leaderboard lists the person until they opt out', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // The owner's task (3 points) goes to Mia: finishing someone else's task pays 10 + 5 × 3.
  const board = await createBoard(uniqueEmail('owner'), 'Ship the progress page');
  const memberEmail = uniqueEmail('mia');
  const memberToken = await addMember(board, memberEmail, 'Mia Member', 'member');
  const memberId = await currentUserId(memberToken);
  const assigned = await updateTask(board.ownerToken, board.task.id, {
    version: board.task.version,
    assigneeIds: [memberId],
  });

  await signIn(page, memberEmail, `/w/${board.workspaceId}/progress`);
  await expect(page.getByRole('heading', { name: 'Progress', level: 1 })).toBeVisible();
  await expect(page.getByTestId('total-xp')).toHaveText('0 XP');
  const ring = page.getByRole('meter', { name: /^Level 1/ });
  await expect(ring).toHaveAttribute('aria-valuenow', '0');
  await expect(page.getByRole('link', { name: 'Progress', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );

  // Mia finishes it (from another tab, say): api → outbox → relay → progress/xp job → worker → XP_AWARDED.
  await updateTask(memberToken, board.task.id, { version: assigned.version, status: 'done' });
  await expect(page.getByText('+25 XP').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('total-xp')).toHaveText('25 XP');
  await expect(ring).toHaveAttribute('aria-valuenow', '25');
  await expect(page.getByTestId('progress-chip')).toContainText('25 XP');
  await expect(page.getByTestId('recent-xp')).toContainText('KEY-1 Ship the progress page');
  await expect(page.getByText('Achievement unlocked').first()).toBeVisible();
  const achievements = page.getByRole('list', { name: 'Achievements' });
  await expect(achievements.getByRole('listitem').filter({ hasText: 'First task done' })).toHaveAttribute(
    'data-unlocked',
    'true',
  );
  await page.screenshot({ path: join(ARTIFACTS, 'progress-page.png'), fullPage: true });

  const leaderboard = page.getByTestId('leaderboard');
  await expect(leaderboard).toContainText('Mia Member');
  await expect(leaderboard).toContainText('25 XP');

  await page.getByLabel('Show me on the leaderboard').click();
  await expect(page.getByLabel('Show me on the leaderboard')).not.toBeChecked();
  await expect(page.getByText('Nobody has earned XP in this period yet.')).toBeVisible();
  await page.getByRole('tab', { name: 'All time' }).click();
  await expect(page.getByText('Nobody has earned XP in this period yet.')).toBeVisible();
});
