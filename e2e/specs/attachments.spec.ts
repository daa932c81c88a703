import { createBoard, uniqueEmail } from '../support/api';
import { expect, signIn, test } from '../support/fixtures';

/** A 1×1 PNG. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

test('an image attached on the task page shows its thumbnail and the scanner’s "clean" badge, and can be deleted', async ({
  page,
}) => {
  const ownerEmail = uniqueEmail('attach');
  const board = await createBoard(ownerEmail, 'Design the logo');
  await signIn(page, ownerEmail, `/w/${board.workspaceId}/t/${board.task.id}`);

  const files = page.getByRole('region', { name: 'Attachments' });
  await expect(files.getByText('No files yet.')).toBeVisible();
  await files
    .getByLabel('Attach a file')
    .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PIXEL });

  const row = files.getByTestId('attachment').filter({ hasText: 'logo.png' });
  await expect(row.getByText('clean', { exact: true })).toBeVisible();
  await expect(row.getByRole('img', { name: 'Thumbnail of logo.png' })).toBeVisible();

  // Disguised: bytes that are no image under an image name are refused clearly.
  await files.getByLabel('Attach a file').setInputFiles({
    name: 'cat.png',
    mimeType: 'image/png',
    buffer: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0]),
  });
  await expect(files.getByText(/This kind of file cannot be attached/)).toBeVisible();

  await row.getByRole('button', { name: 'Delete logo.png' }).click();
  await expect(files.getByText('No files yet.')).toBeVisible();
});
