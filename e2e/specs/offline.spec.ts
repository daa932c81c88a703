import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import {
  addMember,
  apiUrl,
  createBoard,
  currentUserId,
  getTask,
  listTasks,
  uniqueEmail,
  updateTask,
} from '../support/api';
import { ARTIFACTS, column, expect, signIn, test } from '../support/fixtures';

// Offline-first web (issue 17): the board opens and takes edits without a network, and replays
// them once it is back — in order, once, and through the conflict dialog when someone else won.

async function openAs(browser: Browser, baseURL: string, email: string, path: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, email, path);
  return page;
}

/** The service worker controls the page (it claims the pages open when it first activates). */
async function serviceWorkerControls(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

type SavedCacheRow = { savedAt: number; state: { queries: { queryHash: string }[] } };

/** The rows of the saved query cache in this browser's IndexedDB (none when it cannot be read). */
function savedCacheRows(page: Page): Promise<SavedCacheRow[]> {
  return page.evaluate(
    () =>
      new Promise<SavedCacheRow[]>((resolve) => {
        const open = indexedDB.open('teamflow-offline');
        open.onsuccess = () => {
          const db = open.result;
          const read = db.transaction('cache').objectStore('cache').getAll();
          read.onsuccess = () => {
            resolve(read.result as SavedCacheRow[]);
            db.close();
          };
          read.onerror = () => resolve([]);
        };
        open.onerror = () => resolve([]);
      }),
  );
}

/** The person's saved query cache holds this text (it is saved a second after the cache changes). */
async function savedForOffline(page: Page, text: string): Promise<void> {
  await expect.poll(async () => JSON.stringify(await savedCacheRows(page))).toContain(text);
}

/** Drags a card by its handle onto a column with real pointer events. */
async function drag(page: Page, key: string, to: string): Promise<void> {
  const handle = page.getByRole('button', { name: `Move ${key}` });
  const from = await handle.boundingBox();
  const target = await column(page, to).boundingBox();
  if (!from || !target) throw new Error('board not laid out');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 });
  await page.mouse.move(target.x + target.width / 2, target.y + 60, { steps: 15 });
  await page.mouse.up();
}

/**
 * The person's saved query cache holds this query (its key as the app writes it). Waiting on the
 * page's own query, not on a save time: the save made when persisting starts may already hold it.
 */
async function savedQuery(page: Page, queryKey: readonly string[]): Promise<void> {
  const hash = JSON.stringify(queryKey);
  await expect
    .poll(async () =>
      (await savedCacheRows(page)).flatMap((row) => row.state.queries.map((query) => query.queryHash)),
    )
    .toContain(hash);
}

/** The caller's notifications, straight from the api. */
async function notificationsOf(token: string): Promise<unknown[]> {
  const res = await fetch(`${apiUrl()}/api/v1/notifications`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return ((await res.json()) as { items: unknown[] }).items;
}

const banner = (page: Page) => page.locator('[data-offline-banner]');

// A message only the offline queue's runner (offline-sync.tsx) carries: it finds the runner's chunk.
const RUNNER_MARKER = 'You no longer have permission to make this change.';

/**
 * Holds back the offline queue's runner, which loads after the page (on a slow phone, seconds
 * after the board shows), until `release`: the page's JS chunks pass through the test, and the one
 * holding the runner waits. Once `offline()` says so, chunks go to the browser's own (offline)
 * network instead of the test's, so nothing loads that the page had not loaded before.
 */
async function holdOfflineRunner(
  page: Page,
  offline: () => boolean,
): Promise<{ held: () => boolean; release: () => void }> {
  let held = false;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/chunks\/.+\.js$/, async (route) => {
    if (offline()) return route.continue();
    const response = await route.fetch();
    const body = await response.body();
    if (body.includes(RUNNER_MARKER)) {
      held = true;
      await released;
    }
    await route.fulfill({ response, body });
  });
  return { held: () => held, release };
}

async function goOffline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(true);
  await expect(banner(page)).toContainText('You are offline');
}

test('the board last seen opens after a reload without a network', async ({ page, context }) => {
  const ownerEmail = uniqueEmail('offline-reload');
  const board = await createBoard(ownerEmail, 'Seen before the tunnel');
  await signIn(page, ownerEmail, board.boardPath);
  const card = column(page, 'To do').getByRole('article', { name: 'KEY-1: Seen before the tunnel' });
  await expect(card).toBeVisible();
  await serviceWorkerControls(page);
  // Loaded once under the worker, so it keeps this page for offline reloads.
  await page.reload();
  await expect(card).toBeVisible();
  await savedForOffline(page, 'Seen before the tunnel');

  await context.setOffline(true);
  await page.reload();
  await expect(card).toBeVisible();
  await expect(banner(page)).toContainText('You are offline');
  await page.screenshot({ path: join(ARTIFACTS, 'offline-board-reloaded.png') });
  await context.setOffline(false);
});

test('the list, calendar, task page and inbox last seen open after a reload without a network', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const board = await createBoard(uniqueEmail('offline-pages'), 'Pack for the tunnel');
  const memberEmail = uniqueEmail('offline-pages-member');
  const memberToken = await addMember(board, memberEmail, 'Mia Member', 'member');
  // The owner assigns Mia: api → job outbox → worker → a notification in her inbox.
  await updateTask(board.ownerToken, board.task.id, {
    version: board.task.version,
    assigneeIds: [await currentUserId(memberToken)],
  });
  await expect
    .poll(async () => (await notificationsOf(memberToken)).length, { timeout: 30_000 })
    .toBeGreaterThan(0);

  const pages = [
    {
      name: 'list',
      path: `${board.boardPath}/list`,
      query: ['projects', board.projectId, 'tasks', 'list', 'position'],
      shows: (p: Page) => p.getByRole('row', { name: /^KEY-1: Pack for the tunnel/ }),
    },
    {
      name: 'calendar',
      path: `${board.boardPath}/calendar?month=2030-05`,
      query: ['projects', board.projectId, 'tasks'],
      shows: (p: Page) =>
        p
          .getByRole('group', { name: 'Friday, May 17, 2030' })
          .getByRole('button', { name: /^KEY-1: Pack for the tunnel/ }),
    },
    {
      name: 'task page',
      path: `/w/${board.workspaceId}/t/KEY-1`,
      query: ['tasks', board.task.id],
      shows: (p: Page) => p.getByRole('heading', { level: 1, name: /Pack for the tunnel/ }),
    },
    {
      name: 'inbox',
      path: '/notifications',
      query: ['notifications', 'list', 'all'],
      shows: (p: Page) =>
        p.getByRole('list', { name: 'Notifications' }).getByRole('link', { name: /assigned you to KEY-1/ }),
    },
  ];

  await signIn(page, memberEmail, pages[0]!.path);
  await serviceWorkerControls(page);
  // Each page opened once under the worker (which keeps its shell) with its data in the saved cache.
  for (const seen of pages) {
    await page.goto(seen.path);
    await expect(seen.shows(page)).toBeVisible();
    await savedQuery(page, seen.query);
  }
  await savedForOffline(page, 'actorName');

  await context.setOffline(true);
  for (const seen of pages) {
    await page.goto(seen.path);
    await expect(seen.shows(page), `${seen.name} offline`).toBeVisible();
    await expect(banner(page)).toContainText('You are offline');
    await page.screenshot({ path: join(ARTIFACTS, `offline-${seen.name.replace(' ', '-')}.png`) });
  }
  await context.setOffline(false);
});

test('a move and a rename made offline reach another browser live once the network is back', async ({
  browser,
  baseURL,
  page,
  context,
}) => {
  const ownerEmail = uniqueEmail('offline-owner');
  const memberEmail = uniqueEmail('offline-member');
  const board = await createBoard(ownerEmail, 'Written on the train');
  await addMember(board, memberEmail, 'Mia Member', 'member');
  await signIn(page, ownerEmail, `${board.boardPath}?task=${board.task.id}`);
  const mia = await openAs(browser, baseURL!, memberEmail, board.boardPath);
  await expect(
    column(mia, 'To do').getByRole('article', { name: 'KEY-1: Written on the train' }),
  ).toBeVisible();

  // The drawer is open before the tunnel. Closing it offline is a navigation the service worker
  // answers from its cache, so the page is loaded once under the worker first.
  const drawer = page.getByRole('dialog', { name: 'KEY-1', exact: true });
  await expect(drawer.getByLabel('Title')).toHaveValue('Written on the train');
  await serviceWorkerControls(page);
  await page.reload();
  await expect(drawer.getByLabel('Title')).toHaveValue('Written on the train');
  await savedForOffline(page, 'Written on the train');
  await goOffline(context, page);
  await drawer.getByLabel('Title').fill('Renamed in the tunnel');
  await drawer.getByRole('button', { name: 'Save changes' }).click();
  await expect(banner(page)).toHaveAttribute('data-pending-count', '1');
  await drawer.getByRole('button', { name: 'Close task details' }).click();
  await drag(page, 'KEY-1', 'In progress');
  const card = column(page, 'In progress').getByRole('article', { name: 'KEY-1: Renamed in the tunnel' });
  await expect(card).toBeVisible();
  await expect(card.locator('[data-pending-sync]')).toBeVisible();
  await expect(banner(page)).toHaveAttribute('data-pending-count', '2');
  await expect(banner(page)).toContainText('2 changes saved on this device');
  await page.screenshot({ path: join(ARTIFACTS, 'offline-pending.png') });
  // Nothing reached the api yet.
  expect(await getTask(board.ownerToken, board.task.id)).toMatchObject({ version: 1, status: 'todo' });

  await context.setOffline(false);
  await expect(banner(page)).toBeHidden();
  await expect(card.locator('[data-pending-sync]')).toBeHidden();
  await expect(
    column(mia, 'In progress').getByRole('article', { name: 'KEY-1: Renamed in the tunnel' }),
  ).toBeVisible();
  expect(await getTask(board.ownerToken, board.task.id)).toMatchObject({
    title: 'Renamed in the tunnel',
    status: 'in_progress',
    version: 3,
  });
  await mia.context().close();
});

test('an offline edit of a task someone changed meanwhile opens the conflict dialog, and "apply mine" wins', async ({
  page,
  context,
}) => {
  const ownerEmail = uniqueEmail('offline-conflict');
  const board = await createBoard(ownerEmail, 'Before both edits');
  await signIn(page, ownerEmail, `${board.boardPath}?task=${board.task.id}`);
  const drawer = page.getByRole('dialog', { name: 'KEY-1', exact: true });
  await expect(drawer.getByLabel('Title')).toHaveValue('Before both edits');
  // The offline queue's runner loads after the page (it saves the cache): until then a write made
  // offline has no queue to join, and it failed so once in CI.
  await savedForOffline(page, 'Before both edits');

  await goOffline(context, page);
  await drawer.getByLabel('Title').fill('Mine, from the train');
  await drawer.getByRole('button', { name: 'Save changes' }).click();
  await expect(banner(page)).toHaveAttribute('data-pending-count', '1');
  // Someone else saves first while this page cannot hear about it.
  await updateTask(board.ownerToken, board.task.id, { version: 1, title: 'Theirs, from the office' });

  await context.setOffline(false);
  const conflict = page.getByRole('dialog', { name: /Someone else changed/ });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('cell', { name: 'Theirs, from the office' })).toBeVisible();
  await expect(conflict.getByRole('cell', { name: 'Mine, from the train' })).toBeVisible();
  await expect(banner(page)).toContainText('Sync paused');
  await page.screenshot({ path: join(ARTIFACTS, 'offline-conflict.png') });

  await conflict.getByRole('button', { name: 'Apply mine again' }).click();
  await expect(conflict).toBeHidden();
  await expect(banner(page)).toBeHidden();
  await expect
    .poll(() => getTask(board.ownerToken, board.task.id))
    .toMatchObject({ title: 'Mine, from the train', version: 3 });
});

test('an edit made offline in the first seconds, before the offline runner has loaded, waits on the device and reaches the api once back', async ({
  browser,
  baseURL,
}) => {
  const ownerEmail = uniqueEmail('offline-early');
  const board = await createBoard(ownerEmail, 'Opened on the platform');
  // A first visit: no service worker has cached the build yet (it registers once the page is
  // idle), so offline only what the page loaded before the network went is there.
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const page = await context.newPage();
  let offline = false;
  const runner = await holdOfflineRunner(page, () => offline);
  await signIn(page, ownerEmail, `${board.boardPath}?task=${board.task.id}`);
  const drawer = page.getByRole('dialog', { name: 'KEY-1', exact: true });
  await expect(drawer.getByLabel('Title')).toHaveValue('Opened on the platform');

  // Offline at once: the runner has been asked for and not arrived, nothing was saved for offline.
  await expect.poll(runner.held).toBe(true);
  offline = true;
  await goOffline(context, page);
  await drawer.getByLabel('Title').fill('Written as the doors closed');
  await drawer.getByRole('button', { name: 'Save changes' }).click();
  await expect(banner(page)).toHaveAttribute('data-pending-count', '1');
  await expect(banner(page)).toContainText('1 change saved on this device');
  await expect(drawer.getByRole('alert')).toHaveCount(0);
  expect(await getTask(board.ownerToken, board.task.id)).toMatchObject({
    title: 'Opened on the platform',
    version: 1,
  });

  offline = false;
  await context.setOffline(false);
  // The runner arrives, shows the waiting change and sends it.
  runner.release();
  await expect(banner(page)).toBeHidden();
  await expect
    .poll(() => getTask(board.ownerToken, board.task.id))
    .toMatchObject({ title: 'Written as the doors closed', version: 2 });
  await expect(drawer.getByLabel('Title')).toHaveValue('Written as the doors closed');
  await context.close();
});

test('a task created offline shows a temporary key, then its real key after sync', async ({
  page,
  context,
}) => {
  const ownerEmail = uniqueEmail('offline-create');
  const board = await createBoard(ownerEmail, 'Already there');
  await signIn(page, ownerEmail, board.boardPath);
  const todo = column(page, 'To do');
  await expect(todo.getByRole('article', { name: 'KEY-1: Already there' })).toBeVisible();

  await goOffline(context, page);
  const quickAdd = page.getByRole('textbox', { name: 'Add a task to To do' });
  await quickAdd.fill('Thought of in the tunnel');
  await quickAdd.press('Enter');
  const temporary = todo.getByRole('article', { name: 'KEY-?: Thought of in the tunnel' });
  await expect(temporary).toBeVisible();
  await expect(temporary.locator('[data-pending-sync]')).toBeVisible();

  await context.setOffline(false);
  await expect(todo.getByRole('article', { name: 'KEY-2: Thought of in the tunnel' })).toBeVisible();
  await expect(temporary).toBeHidden();
  await expect(todo.getByRole('article')).toHaveCount(2);
});

test('a write whose answer was lost after the api committed is replayed and exists once', async ({
  page,
}) => {
  const ownerEmail = uniqueEmail('offline-once');
  const board = await createBoard(ownerEmail, 'Already there');
  await signIn(page, ownerEmail, board.boardPath);
  const todo = column(page, 'To do');
  await expect(todo.getByRole('article', { name: 'KEY-1: Already there' })).toBeVisible();

  // The first create reaches the api and commits; the connection dies before the answer arrives.
  // The replay is held at the door until the page has shown the write as pending.
  const keys: string[] = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/v1/projects/*/tasks', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    keys.push(route.request().headers()['idempotency-key'] ?? '');
    if (keys.length > 1) {
      await released;
      return route.fallback();
    }
    await route.fetch();
    await route.abort('connectionreset');
  });
  const quickAdd = page.getByRole('textbox', { name: 'Add a task to To do' });
  await quickAdd.fill('Sent once, answered never');
  await quickAdd.press('Enter');
  const temporary = todo.getByRole('article', { name: 'KEY-?: Sent once, answered never' });
  await expect(temporary.locator('[data-pending-sync]')).toBeVisible();
  await expect(banner(page)).toHaveAttribute('data-pending-count', '1');
  await expect(banner(page)).toContainText('1 change waiting to sync');
  // Background Sync, the retry timer or this button sends it again (whichever comes first).
  await banner(page).getByRole('button', { name: 'Sync now' }).click();
  release();

  await expect(todo.getByRole('article', { name: 'KEY-2: Sent once, answered never' })).toBeVisible();
  await expect(banner(page)).toBeHidden();
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  const titles = (await listTasks(board)).map((t) => t.title);
  expect(titles.filter((t) => t === 'Sent once, answered never')).toHaveLength(1);
  await expect(todo.getByRole('article')).toHaveCount(2);
});

test('the app is installable: manifest fields, icons, and a service worker controlling the page', async ({
  page,
  request,
}) => {
  const ownerEmail = uniqueEmail('offline-install');
  const board = await createBoard(ownerEmail, 'Installed');
  await signIn(page, ownerEmail, board.boardPath);

  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifestResponse = await request.get(href!);
  expect(manifestResponse.ok()).toBe(true);
  const manifest = (await manifestResponse.json()) as {
    name: string;
    short_name: string;
    start_url: string;
    display: string;
    theme_color: string;
    background_color: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest).toMatchObject({
    name: 'TeamFlow',
    short_name: 'TeamFlow',
    start_url: '/workspaces',
    display: 'standalone',
    theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
    background_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
  });
  // Chromium's install criteria: a 192 px and a 512 px icon that load as PNG.
  for (const size of ['192x192', '512x512']) {
    const icon = manifest.icons.find((i) => i.sizes === size && (i.purpose ?? 'any').includes('any'));
    expect(icon, `icon ${size}`).toBeDefined();
    const image = await request.get(icon!.src);
    expect(image.ok()).toBe(true);
    expect(image.headers()['content-type']).toBe('image/png');
  }
  expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', manifest.theme_color);

  await serviceWorkerControls(page);
  const worker = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return { scope: registration.scope, script: registration.active?.scriptURL };
  });
  expect(new URL(worker.scope).pathname).toBe('/');
  expect(new URL(worker.script!).pathname).toBe('/sw.js');
  // The worker serves the app shell from its cache: a static file answers with the network gone.
  const precached = await page.evaluate(async () => {
    const names = await caches.keys();
    return names.filter((n) => n.startsWith('teamflow-shell-'));
  });
  expect(precached).toHaveLength(1);
});
