import { join } from 'node:path';
import { createBoard, createTask, setTimeZone, uniqueEmail, updateTask } from '../support/api';
import { ARTIFACTS, column, expect, holdableRealtime, signIn, test } from '../support/fixtures';

test('a task shows on its due date, and dragging it to another day persists after reload', async ({
  page,
}) => {
  const ownerEmail = uniqueEmail('calendar');
  // createBoard's task KEY-1 is due on Friday 17 May 2030, high priority.
  const board = await createBoard(ownerEmail, 'Launch the site');
  await createTask(board, { title: 'Write the newsletter', priority: 'low', dueDate: '2030-05-17' });
  await createTask(board, { title: 'Plan the party' });
  await signIn(page, ownerEmail, board.boardPath);

  await page
    .getByRole('navigation', { name: 'Project views' })
    .getByRole('link', { name: 'Calendar' })
    .click();
  await expect(page).toHaveURL(/\/calendar/);
  await page.getByRole('button', { name: 'Next month' }).click();
  await expect(page).toHaveURL(/month=/);
  await page.goto(`${board.boardPath}/calendar?month=2030-05`);
  await expect(page.getByRole('heading', { name: 'May 2030' })).toBeVisible();

  const may17 = page.getByRole('group', { name: 'Friday, May 17, 2030' });
  const may21 = page.getByRole('group', { name: 'Tuesday, May 21, 2030' });
  const chip = may17.getByRole('button', { name: /^KEY-1: Launch the site/ });
  await expect(chip).toBeVisible();
  await expect(may17.getByRole('button', { name: /^KEY-2: Write the newsletter/ })).toBeVisible();
  const undated = page.getByRole('list', { name: 'Tasks without a due date' });
  await expect(undated.getByRole('button', { name: /^KEY-3: Plan the party/ })).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'calendar.png'), fullPage: true });

  // Drag KEY-1 from the 17th to the 21st with real pointer events.
  const from = await chip.boundingBox();
  const to = await may21.boundingBox();
  if (!from || !to) throw new Error('calendar not laid out');
  const saved = page.waitForResponse((r) => r.url().includes('/tasks/') && r.request().method() === 'PATCH');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
  await page.mouse.up();
  // Optimistic: on the new day before the api has necessarily answered.
  await expect(may21.getByRole('button', { name: /^KEY-1:/ })).toBeVisible();
  expect((await saved).status()).toBe(200);

  await page.reload();
  await expect(may21.getByRole('button', { name: /^KEY-1:/ })).toBeVisible();
  await expect(may17.getByRole('button', { name: /^KEY-1:/ })).toHaveCount(0);

  // The keyboard way: Alt + → moves the focused task a day later, and focus follows it.
  await may21.getByRole('button', { name: /^KEY-1:/ }).focus();
  const keyed = page.waitForResponse((r) => r.url().includes('/tasks/') && r.request().method() === 'PATCH');
  await page.keyboard.press('Alt+ArrowRight');
  const may22 = page.getByRole('group', { name: 'Wednesday, May 22, 2030' });
  await expect(may22.getByRole('button', { name: /^KEY-1:/ })).toBeFocused();
  expect((await keyed).status()).toBe(200);

  // A click opens the task drawer; closing it keeps the month.
  await may22.getByRole('button', { name: /^KEY-1:/ }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByLabel('Due date')).toHaveValue('2030-05-22');
  await drawer.getByRole('button', { name: 'Close task details' }).click();
  await expect(page).toHaveURL(/month=2030-05/);

  // Phone width: an agenda list instead of the grid.
  await page.setViewportSize({ width: 390, height: 844 });
  const agenda = page.getByRole('list', { name: 'Agenda' });
  await expect(agenda.getByRole('heading', { name: 'Wednesday, May 22, 2030' })).toBeVisible();
  await expect(agenda.getByRole('button', { name: /KEY-1/ })).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'calendar-phone.png'), fullPage: true });

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.screenshot({ path: join(ARTIFACTS, 'calendar-dark.png'), fullPage: true });
});

test('rescheduling a task someone else changed meanwhile rolls back and opens the conflict dialog; "apply mine again" wins', async ({
  page,
}) => {
  const ownerEmail = uniqueEmail('calconflict');
  const board = await createBoard(ownerEmail, 'Print the flyers');
  const realtime = await holdableRealtime(page);
  await signIn(page, ownerEmail, `${board.boardPath}/calendar`);
  await page.goto(`${board.boardPath}/calendar?month=2030-05`);
  const may17 = page.getByRole('group', { name: 'Friday, May 17, 2030' });
  const may18 = page.getByRole('group', { name: 'Saturday, May 18, 2030' });
  await expect(may17.getByRole('button', { name: /^KEY-1:/ })).toBeVisible();

  // Someone else renames the task behind the page's back, and the page has not heard yet: it
  // still holds version 1.
  realtime.hold();
  await updateTask(board.ownerToken, board.task.id, {
    version: board.task.version,
    title: 'Print the posters',
  });
  await may17.getByRole('button', { name: /^KEY-1:/ }).focus();
  await page.keyboard.press('Alt+ArrowRight');

  const conflict = page.getByRole('dialog', { name: /Someone else changed/ });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('cell', { name: '2030-05-18' })).toBeVisible();
  // Rolled back to the server's day while the user decides (the modal hides the page from roles).
  await expect(
    page
      .getByRole('group', { name: 'Friday, May 17, 2030', includeHidden: true })
      .getByRole('button', { name: /^KEY-1:/, includeHidden: true }),
  ).toBeVisible();

  await conflict.getByRole('button', { name: 'Apply mine again' }).click();
  await expect(conflict).toBeHidden();
  await expect(may18.getByRole('button', { name: /^KEY-1: Print the posters/ })).toBeVisible();
  await page.reload();
  await expect(may18.getByRole('button', { name: /^KEY-1: Print the posters/ })).toBeVisible();
});

// Kiritimati (UTC+14) and Pago Pago (UTC-11) are 25 hours apart: their dates always differ.
// (page.clock cannot stand in for them: its fake Date breaks Date subclasses such as TZDate.)
const DEVICE_ZONE = 'Pacific/Kiritimati';
const USER_ZONE = 'Pacific/Pago_Pago';
const isoDateIn = (zone: string, at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(at);
const dayLabelIn = (zone: string, at: Date) =>
  new Intl.DateTimeFormat('en', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: zone,
  }).format(at);

test.describe('with the device in another time zone than the user', () => {
  test.use({ timezoneId: DEVICE_ZONE });

  test("today and overdue follow the user's own time zone, not the device's", async ({ page }) => {
    const ownerEmail = uniqueEmail('calendar-zone');
    const board = await createBoard(ownerEmail, 'Launch the site');
    const now = new Date();
    const userToday = isoDateIn(USER_ZONE, now);
    const userYesterday = isoDateIn(USER_ZONE, new Date(now.getTime() - 24 * 3600 * 1000));
    expect(isoDateIn(DEVICE_ZONE, now)).not.toBe(userToday);
    await createTask(board, { title: 'Due today where she is', dueDate: userToday });
    await createTask(board, { title: 'Due yesterday where she is', dueDate: userYesterday });
    await setTimeZone(board.ownerToken, USER_ZONE);
    await signIn(page, ownerEmail, `${board.boardPath}/calendar`);

    const today = page.getByRole('group', { name: dayLabelIn(USER_ZONE, now) });
    await expect(today).toHaveAttribute('aria-current', 'date');
    await expect(today.getByRole('button', { name: /Due today where she is/ })).toBeVisible();
    // One today only: the device's own date (a day or two later) is not marked.
    await expect(page.locator('[aria-current="date"]')).toHaveCount(1);

    // On the board, only the task due before her today is overdue.
    await page.goto(board.boardPath);
    const todo = column(page, 'To do');
    await expect(todo.getByRole('article', { name: /Due yesterday where she is/ })).toContainText('overdue');
    await expect(todo.getByRole('article', { name: /Due today where she is/ })).toBeVisible();
    await expect(todo.getByRole('article', { name: /Due today where she is/ })).not.toContainText('overdue');
  });
});
