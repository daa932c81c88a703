import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { apiUrl, createBoard, uniqueEmail } from '../support/api';
import { seriousViolations } from '../support/axe';
import { expect, signIn, test } from '../support/fixtures';

test('an owner turns GitHub on, a signed push names a task, and the commit shows in its Development section', async ({
  page,
}) => {
  const ownerEmail = uniqueEmail('github');
  const board = await createBoard(ownerEmail, 'Connect the repository');
  await signIn(page, ownerEmail, `/w/${board.workspaceId}/settings`);

  const github = page.getByRole('region', { name: 'GitHub' });
  await github.getByRole('button', { name: 'Turn GitHub on' }).click();
  await expect(github.getByText('On', { exact: true })).toBeVisible();
  await expect(github.getByLabel('Payload URL', { exact: true })).toHaveText(
    new RegExp(`/api/v1/integrations/github/${board.workspaceId}/webhook$`),
  );
  await github.getByRole('button', { name: 'Show' }).click();
  const secret = (await github.getByLabel('Secret', { exact: true }).textContent())?.trim() ?? '';
  expect(secret).toMatch(/^[0-9a-f]{64}$/);
  expect(await seriousViolations(page)).toEqual([]);

  // GitHub's push, signed as GitHub signs it (HMAC-SHA256 of the exact body with the secret).
  const sha = randomBytes(20).toString('hex');
  const body = JSON.stringify({
    ref: 'refs/heads/main',
    repository: { full_name: 'octo-org/teamflow-app', html_url: 'https://github.com/octo-org/teamflow-app' },
    commits: [
      {
        id: sha,
        message: `${board.task.key}: wire the repository\n\nDetails.`,
        url: `https://github.com/octo-org/teamflow-app/commit/${sha}`,
        author: { name: 'Ana Dev', email: 'ana@example.test', username: 'ana-dev' },
      },
    ],
    pusher: { name: 'ana-dev' },
  });
  const res = await fetch(`${apiUrl()}/api/v1/integrations/github/${board.workspaceId}/webhook`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-GitHub-Event': 'push',
      'X-GitHub-Delivery': randomUUID(),
      'X-Hub-Signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
    },
    body,
  });
  expect(res.status).toBe(200);

  await page.goto(`/w/${board.workspaceId}/t/${board.task.id}`);
  const development = page.getByRole('region', { name: 'Development' });
  const commit = development.getByRole('link', { name: sha.slice(0, 7) });
  await expect(commit).toHaveAttribute('href', `https://github.com/octo-org/teamflow-app/commit/${sha}`);
  await expect(development).toContainText(`${board.task.key}: wire the repository`);
  await expect(development).toContainText('octo-org/teamflow-app · ana-dev');
  expect(await seriousViolations(page)).toEqual([]);
});

test('an owner saves Slack settings at phone width in dark mode; the saved webhook URL is shown masked', async ({
  page,
}) => {
  const ownerEmail = uniqueEmail('slack');
  const board = await createBoard(ownerEmail, 'Tell the channel');
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, ownerEmail, `/w/${board.workspaceId}/settings`);
  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);

  const slack = page.getByRole('region', { name: 'Slack' });
  // A public address: the api refuses private targets unless told otherwise.
  await slack
    .getByLabel('Incoming webhook URL')
    .fill('https://203.0.113.10/services/T0001/B0002/verysecret1234');
  await slack.getByRole('checkbox', { name: 'task.deleted' }).check();
  await slack.getByRole('button', { name: 'Save Slack settings' }).click();
  await expect(slack.getByRole('status')).toHaveText('Saved');
  await expect(slack.getByText('Saved: https://203.0.113.10/services/…1234')).toBeVisible();
  await expect(slack).not.toContainText('verysecret');
  const scrollX = await page.evaluate(() => {
    window.scrollTo(500, 0);
    return window.scrollX;
  });
  expect(scrollX).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Switch to light mode' }).click();
});

test('an owner edits a webhook (URL, events, description) and disables it', async ({ page }) => {
  const ownerEmail = uniqueEmail('hookedit');
  const board = await createBoard(ownerEmail, 'Reroute the hooks');
  const created = await fetch(`${apiUrl()}/api/v1/workspaces/${board.workspaceId}/webhooks`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${board.ownerToken}` },
    body: JSON.stringify({ url: 'https://203.0.113.10/old', events: ['task.created'] }),
  });
  expect(created.status).toBe(201);
  await signIn(page, ownerEmail, `/w/${board.workspaceId}/settings`);

  const hooks = page.getByRole('region', { name: 'Webhooks' });
  await hooks.getByRole('button', { name: 'Edit webhook https://203.0.113.10/old' }).click();
  const form = hooks.getByRole('form', { name: 'Edit webhook https://203.0.113.10/old' });
  await form.getByLabel('Payload URL').fill('https://203.0.113.10/new');
  await form.getByLabel('Description').fill('Release notes bot');
  await form.getByRole('checkbox', { name: 'task.moved' }).check();
  await form.getByRole('button', { name: 'Save webhook' }).click();
  await expect(form).toBeHidden();
  await expect(hooks).toContainText('https://203.0.113.10/new');
  await expect(hooks).toContainText('Release notes bot');
  await expect(hooks).toContainText('task.created, task.moved');

  await hooks.getByRole('button', { name: 'Disable webhook https://203.0.113.10/new' }).click();
  await expect(hooks.getByText('disabled', { exact: true })).toBeVisible();
  const list = await fetch(`${apiUrl()}/api/v1/workspaces/${board.workspaceId}/webhooks`, {
    headers: { Authorization: `Bearer ${board.ownerToken}` },
  });
  const body = (await list.json()) as { items: { url: string; enabled: boolean; description: string }[] };
  expect(body.items).toEqual([
    expect.objectContaining({
      url: 'https://203.0.113.10/new',
      enabled: false,
      description: 'Release notes bot',
    }),
  ]);
  expect(await seriousViolations(page)).toEqual([]);
});
