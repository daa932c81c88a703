import { join } from 'node:path';
import { createBoard, createTask, uniqueEmail, updateTask } from '../support/api';
import { ARTIFACTS, expect, holdableRealtime, signIn, test } from '../support/fixtures';

const DESCRIPTION = `## Launch checklist

- [x] Write the plan
- [ ] Book the caterer
  - [ ] Ask about allergies
- [ ] Send the invitations

Blocked by KEY-2; NOPE-9 is not ours.

\`\`\`ts
export function greet(name: string): string {
  return \`Hello, \${name}\`; // a comment
}
\`\`\`

| Item | Owner | Cost |
| :--- | :---: | ---: |
| Venue | Olive | 1,200 |
| Catering | Bea | 800 |

> Remember: **no** surprises.
`;

test('a description with a checklist, highlighted code and a table renders in light and dark, and a ticked item persists', async ({
  page,
}) => {
  const ownerEmail = uniqueEmail('markdown');
  const board = await createBoard(ownerEmail, 'Plan the launch party');
  const venue = await createTask(board, { title: 'Book the venue' });
  const task = await updateTask(board.ownerToken, board.task.id, {
    version: board.task.version,
    description: DESCRIPTION,
  });
  const realtime = await holdableRealtime(page);
  await signIn(page, ownerEmail, `/w/${board.workspaceId}/t/${board.task.id}`);

  // A saved description opens rendered (Preview), with the Write tab beside it.
  const preview = page.getByRole('tabpanel', { name: 'Description preview' });
  await expect(
    page.getByRole('tablist', { name: 'Description mode' }).getByRole('tab', { name: 'Preview' }),
  ).toHaveAttribute('aria-selected', 'true');
  await expect(preview.getByRole('heading', { level: 2, name: 'Launch checklist' })).toBeVisible();
  await expect(preview.getByRole('checkbox', { name: 'Write the plan' })).toBeChecked();
  await expect(preview.getByRole('checkbox', { name: 'Book the caterer' })).not.toBeChecked();
  await expect(preview.getByRole('checkbox', { name: 'Ask about allergies' })).toBeVisible();
  await expect(preview.getByRole('columnheader', { name: 'Owner' })).toBeVisible();
  await expect(preview.getByRole('cell', { name: '1,200' })).toHaveCSS('text-align', 'right');
  // The highlighter arrives as its own chunk, then colours the code.
  await expect(preview.locator('pre code.language-ts .hljs-keyword').first()).toHaveText('export');
  await expect(preview.locator('pre code .hljs-comment')).toHaveText('// a comment');
  // A key the reader may see links to its task; another stays text.
  await expect(preview.getByRole('link', { name: 'KEY-2' })).toHaveAttribute(
    'href',
    `/w/${board.workspaceId}/t/${venue.id}`,
  );
  await expect(preview.getByRole('link', { name: 'NOPE-9' })).toHaveCount(0);

  const description = page.locator('[role=tabpanel][aria-label="Description preview"]');
  await description.screenshot({ path: join(ARTIFACTS, 'markdown-description-light.png') });
  await page.screenshot({ path: join(ARTIFACTS, 'markdown-task-page-light.png'), fullPage: true });
  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await description.screenshot({ path: join(ARTIFACTS, 'markdown-description-dark.png') });
  await page.screenshot({ path: join(ARTIFACTS, 'markdown-task-page-dark.png'), fullPage: true });
  await page.getByRole('button', { name: 'Switch to light mode' }).click();

  // Ticking an item saves the description with its version, and survives a reload.
  const saved = page.waitForResponse(
    (r) => r.url().endsWith(`/tasks/${board.task.id}`) && r.request().method() === 'PATCH',
  );
  await preview.getByRole('checkbox', { name: 'Book the caterer' }).click();
  expect((await saved).status()).toBe(200);
  await expect(preview.getByRole('checkbox', { name: 'Book the caterer' })).toBeChecked();
  await page.reload();
  await expect(preview.getByRole('checkbox', { name: 'Book the caterer' })).toBeChecked();
  await expect(preview.getByRole('checkbox', { name: 'Ask about allergies' })).not.toBeChecked();

  // Someone else edits while this page hears nothing: the next tick is stale, and says so.
  realtime.hold();
  await updateTask(board.ownerToken, board.task.id, {
    version: task.version + 1,
    description: DESCRIPTION.replace('- [ ] Send the invitations', '- [ ] Send the invitations by Friday'),
  });
  await preview.getByRole('checkbox', { name: 'Ask about allergies' }).click();
  const conflict = page.getByRole('dialog', { name: /Someone else changed KEY-1/ });
  await expect(conflict).toBeVisible();
  await conflict.getByRole('button', { name: 'Keep theirs' }).click();
  await expect(conflict).toBeHidden();
  await expect(preview.getByRole('checkbox', { name: 'Send the invitations by Friday' })).toBeVisible();
  await expect(preview.getByRole('checkbox', { name: 'Ask about allergies' })).not.toBeChecked();
});

test('the editor continues a checklist on Enter, bolds with the keyboard, and previews', async ({ page }) => {
  const ownerEmail = uniqueEmail('mdeditor');
  const board = await createBoard(ownerEmail, 'Write it down');
  await signIn(page, ownerEmail, `/w/${board.workspaceId}/t/${board.task.id}`);

  const box = page.getByLabel('Description', { exact: true });
  await box.click();
  await box.pressSequentially('[] first');
  await box.press('Enter');
  await box.pressSequentially('second');
  await expect(box).toHaveValue('- [ ] first\n- [ ] second');
  await box.press('Enter');
  await box.press('Enter');
  await box.pressSequentially('done');
  await box.press('Shift+Home');
  await box.press('ControlOrMeta+b');
  await expect(box).toHaveValue('- [ ] first\n- [ ] second\n**done**');
  // The browser's own editing: one Undo takes the bold back off.
  await box.press('ControlOrMeta+z');
  await expect(box).toHaveValue('- [ ] first\n- [ ] second\ndone');

  await page.getByRole('tablist', { name: 'Description mode' }).getByRole('tab', { name: 'Preview' }).click();
  const preview = page.getByRole('tabpanel', { name: 'Description preview' });
  await expect(preview).toHaveAttribute('aria-live', 'polite');
  await expect(preview.getByRole('checkbox')).toHaveCount(2);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('KEY-1 saved', { exact: true }).first()).toBeVisible();
});
