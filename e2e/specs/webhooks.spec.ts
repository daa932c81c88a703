import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBoard, createTask, uniqueEmail } from '../support/api';
import { expect, signIn, test } from '../support/fixtures';

test('an owner adds a webhook in workspace settings and sees a delivery succeed', async ({ page }) => {
  const bodies: string[] = [];
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    const ownerEmail = uniqueEmail('hooks');
    const board = await createBoard(ownerEmail, 'Wire the integration');
    await signIn(page, ownerEmail, `/w/${board.workspaceId}/settings`);

    const hooks = page.getByRole('region', { name: 'Webhooks' });
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/in`;
    await hooks.getByLabel('Payload URL').fill(url);
    await hooks.getByRole('button', { name: 'Add webhook' }).click();
    await expect(hooks.getByRole('status')).toContainText('whsec_');

    await createTask(board, { title: 'Announce the release' });
    const deliveries = hooks.getByRole('table', { name: `Deliveries of ${url}` });
    await expect(deliveries.getByRole('row').filter({ hasText: 'task.created' })).toContainText('succeeded', {
      timeout: 20_000,
    });
    expect(bodies.some((b) => b.includes('Announce the release'))).toBe(true);
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
