import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createBoard, createLabel, createProject, memberIds, uniqueEmail } from '../support/api';
import { seedTasks } from '../support/database';
import { ARTIFACTS, column, expect, signIn, test } from '../support/fixtures';

// Goals from the issue; the spec prints them next to the figures and asserts only that the figures
// exist and the big board works (timings on a shared CI machine are too noisy to gate on).
const GOALS = { renderRatio: 3, dropToPaintMs: 100, lcpMs: 1500 };
const RUNS = 3;

interface Load {
  /** Navigation start → the first commit with cards (`board:ready`, emitted by the production build). */
  readyMs: number;
  /** Navigation start → every page of tasks loaded and rendered (`board:complete`). */
  completeMs: number;
  lcpMs: number;
  /** What the LCP was: the element's tag and the start of its text (a card, the title, a panel?). */
  lcpElement: string;
  /** Cumulative layout shift of the load (skeleton → board should not move things). */
  cls: number;
  /** Navigation start → DOMContentLoaded: the part of the render time that is not the board's. */
  domContentLoadedMs: number;
  cardsInDom: number;
  /** Where the time before `board:ready` goes: the api calls the page made, by start and end. */
  api: { path: string; startMs: number; endMs: number }[];
  /** Main-thread long tasks (≥ 50 ms, summed) before `board:ready` and before `board:complete`. */
  longTasksMs: { toReady: number; toComplete: number };
  /** The api calls started before `board:complete` (every page of every column) and when the last ended. */
  apiToComplete: { requests: number; lastEndMs: number };
}

// Every test's figures, written to ARTIFACTS/perf.json after each test: the tests of this file run
// in one worker, one after the other, so the 10,000-task figures land beside the 200/2,000 ones.
const perf: Record<string, unknown> = {};
const writePerf = () => writeFileSync(join(ARTIFACTS, 'perf.json'), `${JSON.stringify(perf, null, 2)}\n`);

/** Records the page's long tasks from its first script on (a late observer would miss the load's). */
async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
  });
}

/**
 * The service worker registers once the first page has gone idle and then downloads the build's
 * static files: measured loads must not share the machine with that install (without this wait the
 * first measured 200-task load was the slowest of its three in 4 runs of 5, flattering the
 * 2,000 / 200 ratio).
 */
async function serviceWorkerInstalled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const round = (value: number) => Math.round(value * 10) / 10;

async function loadBoard(page: Page, path: string, expectedTasks: number): Promise<Load> {
  await page.goto(path);
  await expect(column(page, 'To do').getByRole('article').first()).toBeVisible();
  await page.waitForFunction(() => performance.getEntriesByName('board:complete', 'mark').length > 0, null, {
    timeout: 30_000,
  });
  const counts = await Promise.all(
    ['To do', 'In progress', 'In review', 'Blocked', 'Done'].map(async (name) =>
      Number((await column(page, name).locator('h2 > span').first().innerText()).replace(/\D/g, '')),
    ),
  );
  expect(counts.reduce((a, b) => a + b, 0)).toBe(expectedTasks);
  return page.evaluate(async () => {
    const mark = (name: string) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? NaN;
    // The last largest-contentful-paint candidate before any input is the page's LCP.
    const lcp = await new Promise<{ ms: number; element: string }>((resolve) => {
      new PerformanceObserver((list) => {
        const last = list.getEntries().at(-1) as (PerformanceEntry & { element: Element | null }) | undefined;
        const element = last?.element;
        resolve({
          ms: last?.startTime ?? NaN,
          element: element ? `${element.tagName} ${(element.textContent ?? '').trim().slice(0, 40)}` : '',
        });
      }).observe({ type: 'largest-contentful-paint', buffered: true });
      setTimeout(() => resolve({ ms: NaN, element: '' }), 3000);
    });
    const cls = await new Promise<number>((resolve) => {
      let total = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
        })[])
          if (!entry.hadRecentInput) total += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
      setTimeout(() => resolve(total), 100);
    });
    const navigation = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    const apiCalls = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) =>
      r.name.includes('/api/v1/'),
    );
    // A column's page names its column: `/api/v1/projects/:id/tasks?status=todo`.
    const where = (name: string) => {
      const url = new URL(name);
      const status = url.searchParams.get('status');
      return `${url.pathname.replace(/[0-9a-f-]{36}/g, ':id')}${status ? `?status=${status}` : ''}`;
    };
    const longTasks =
      (window as unknown as { __longTasks?: { start: number; duration: number }[] }).__longTasks ?? [];
    const busyBefore = (end: number) =>
      Math.round(longTasks.filter((t) => t.start < end).reduce((sum, t) => sum + t.duration, 0));
    const toComplete = apiCalls.filter((r) => r.startTime < mark('board:complete'));
    return {
      readyMs: mark('board:ready'),
      completeMs: mark('board:complete'),
      lcpMs: lcp.ms,
      lcpElement: lcp.element,
      cls,
      domContentLoadedMs: navigation?.domContentLoadedEventEnd ?? NaN,
      cardsInDom: document.querySelectorAll('article[data-task-key]').length,
      api: apiCalls
        .filter((r) => r.startTime < mark('board:ready'))
        .map((r) => ({
          path: where(r.name),
          startMs: Math.round(r.startTime),
          endMs: Math.round(r.responseEnd),
        })),
      longTasksMs: {
        toReady: busyBefore(mark('board:ready')),
        toComplete: busyBefore(mark('board:complete')),
      },
      apiToComplete: {
        requests: toComplete.length,
        lastEndMs: Math.round(Math.max(0, ...toComplete.map((r) => r.responseEnd))),
      },
    };
  });
}

async function measureLoads(page: Page, path: string, expectedTasks: number): Promise<Load[]> {
  const loads: Load[] = [];
  for (let run = 0; run < RUNS; run++) loads.push(await loadBoard(page, path, expectedTasks));
  return loads;
}

/** Drags the first To do card onto In progress and returns the app's drop → next frame measure. */
async function dragToPaint(page: Page): Promise<number> {
  const card = column(page, 'To do').getByRole('article').first();
  const key = await card.getAttribute('data-task-key');
  const handle = card.getByRole('button', { name: /^Move / });
  const from = await handle.boundingBox();
  const to = await column(page, 'In progress').boundingBox();
  if (!from || !to || !key) throw new Error('board not laid out');
  await page.evaluate(() => performance.clearMeasures('board:drop-to-paint'));
  const moved = page.waitForResponse((r) => r.url().endsWith('/move') && r.request().method() === 'POST');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 15 });
  await page.mouse.up();
  await expect(column(page, 'In progress').locator(`[data-task-key="${key}"]`)).toBeVisible();
  expect((await moved).status()).toBe(200);
  await page.waitForFunction(() => performance.getEntriesByName('board:drop-to-paint', 'measure').length > 0);
  return page.evaluate(
    () => performance.getEntriesByName('board:drop-to-paint', 'measure')[0]?.duration ?? NaN,
  );
}

test('a 2,000-task board renders virtualised columns and the render, drop and LCP figures are recorded', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const ownerEmail = uniqueEmail('perf');
  const board = await createBoard(ownerEmail, 'First task on the small board');
  const label = await createLabel(board, 'Backend', '#0ea5e9');
  const ownerId = (await memberIds(board)).get('Olive Owner');
  const big = await createProject(board, 'Big project', 'BIG');
  await seedTasks(board.projectId, 199, { assigneeId: ownerId, labelId: label.id });
  await seedTasks(big.id, 2000, { assigneeId: ownerId, labelId: label.id });
  await watchLongTasks(page);
  await signIn(page, ownerEmail, board.boardPath);

  // A first load warms the web server's route and the api's connections; it is not counted.
  await loadBoard(page, board.boardPath, 200);
  await serviceWorkerInstalled(page);
  const small = await measureLoads(page, board.boardPath, 200);
  const smallDrop = await dragToPaint(page);
  const large = await measureLoads(page, big.path, 2000);

  // Virtualised: 400 To do cards, a screenful of them in the DOM; scrolling brings later ones in.
  const todo = column(page, 'To do');
  const last = todo.getByRole('article', { name: /Seeded task number 2000$/ });
  await expect(todo.getByRole('heading')).toContainText('400');
  expect(large.every((load) => load.cardsInDom < 300)).toBe(true);
  await expect(last).toHaveCount(0);
  await page.screenshot({ path: join(ARTIFACTS, 'board-2000-tasks.png') });
  await todo.locator('[data-column-scroller]').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(last).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'board-2000-tasks-scrolled.png') });
  await todo.locator('[data-column-scroller]').evaluate((el) => el.scrollTo({ top: 0 }));
  // Wait for the virtualiser to render the top again, or "the first card" is still one from the bottom.
  await expect(last).toHaveCount(0);

  const largeDrop = await dragToPaint(page);

  // Keyboard drag still works on a virtual column: Space, arrow right, Space.
  const keyCard = column(page, 'To do').getByRole('article').first();
  const keyKey = await keyCard.getAttribute('data-task-key');
  await keyCard.getByRole('button', { name: /^Move / }).focus();
  const keyMoved = page.waitForResponse((r) => r.url().endsWith('/move') && r.request().method() === 'POST');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  expect((await keyMoved).status()).toBe(200);
  await expect(column(page, 'In progress').locator(`[data-task-key="${keyKey}"]`)).toBeVisible();

  // Dragging to the bottom edge of a long column scrolls it (dnd-kit auto-scroll on the virtual scroller).
  const scroller = column(page, 'Done').locator('[data-column-scroller]');
  const edge = await scroller.boundingBox();
  const grip = await column(page, 'To do')
    .getByRole('button', { name: /^Move / })
    .first()
    .boundingBox();
  if (!edge || !grip) throw new Error('board not laid out');
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(grip.x + grip.width / 2 + 10, grip.y + grip.height / 2, { steps: 3 });
  await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height - 24, { steps: 15 });
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop), { timeout: 10_000 }).toBeGreaterThan(200);
  await page.keyboard.press('Escape');
  await page.mouse.up();

  const readySmall = median(small.map((l) => l.readyMs));
  const readyLarge = median(large.map((l) => l.readyMs));
  const completeSmall = median(small.map((l) => l.completeMs));
  const completeLarge = median(large.map((l) => l.completeMs));
  const figures = {
    runsPerBoard: RUNS,
    // The machine's load while measuring: figures from a busy shared box are not comparable to a quiet one.
    machine: { cpus: cpus().length, loadAverage1m: round(loadavg()[0] ?? NaN) },
    render: {
      tasks200: { readyMs: round(readySmall), completeMs: round(completeSmall) },
      tasks2000: { readyMs: round(readyLarge), completeMs: round(completeLarge) },
      readyRatio: round(readyLarge / readySmall),
      completeRatio: round(completeLarge / completeSmall),
      goalRatio: GOALS.renderRatio,
      cardsInDom2000: large.map((l) => l.cardsInDom),
    },
    dropToPaintMs: { tasks200: round(smallDrop), tasks2000: round(largeDrop), goal: GOALS.dropToPaintMs },
    lcpMs: {
      tasks200: round(median(small.map((l) => l.lcpMs))),
      tasks2000: round(median(large.map((l) => l.lcpMs))),
      goal: GOALS.lcpMs,
    },
    cls: {
      tasks200: Math.max(...small.map((l) => l.cls)),
      tasks2000: Math.max(...large.map((l) => l.cls)),
    },
    domContentLoadedMs: {
      tasks200: round(median(small.map((l) => l.domContentLoadedMs))),
      tasks2000: round(median(large.map((l) => l.domContentLoadedMs))),
    },
    // Main-thread long tasks before the last page was in: the board's client-side cost of the load.
    longTasksToCompleteMs: {
      tasks200: median(small.map((l) => l.longTasksMs.toComplete)),
      tasks2000: median(large.map((l) => l.longTasksMs.toComplete)),
    },
    raw: { small, large },
  };
  Object.assign(perf, figures);
  writePerf();
  const verdict = (ok: boolean) => (ok ? 'within goal' : 'OVER GOAL');
  console.log(
    [
      `Board performance (production build, median of %d loads; ${figures.machine.cpus} CPUs, load average ${figures.machine.loadAverage1m}):`,
      `  render, first cards: 200 → ${figures.render.tasks200.readyMs} ms, 2,000 → ${figures.render.tasks2000.readyMs} ms, ratio ${figures.render.readyRatio} (goal ≤ ${GOALS.renderRatio}×, ${verdict(figures.render.readyRatio <= GOALS.renderRatio)})`,
      `  render, every task: 200 → ${figures.render.tasks200.completeMs} ms, 2,000 → ${figures.render.tasks2000.completeMs} ms, ratio ${figures.render.completeRatio} (${verdict(figures.render.completeRatio <= GOALS.renderRatio)})`,
      `  drop-to-paint: 200 → ${figures.dropToPaintMs.tasks200} ms, 2,000 → ${figures.dropToPaintMs.tasks2000} ms (goal < ${GOALS.dropToPaintMs} ms, ${verdict(Math.max(smallDrop, largeDrop) < GOALS.dropToPaintMs)})`,
      `  DOMContentLoaded: 200 → ${figures.domContentLoadedMs.tasks200} ms, 2,000 → ${figures.domContentLoadedMs.tasks2000} ms; worst CLS: 200 → ${figures.cls.tasks200}, 2,000 → ${figures.cls.tasks2000}`,
      `  long tasks until every task is in: 200 → ${figures.longTasksToCompleteMs.tasks200} ms, 2,000 → ${figures.longTasksToCompleteMs.tasks2000} ms`,
      `  LCP: 200 → ${figures.lcpMs.tasks200} ms, 2,000 → ${figures.lcpMs.tasks2000} ms (goal < ${GOALS.lcpMs} ms, ${verdict(figures.lcpMs.tasks2000 < GOALS.lcpMs)})`,
    ]
      .join('\n')
      .replace('%d', String(RUNS)),
  );

  for (const value of [readySmall, readyLarge, completeSmall, completeLarge, smallDrop, largeDrop]) {
    expect(Number.isFinite(value) && value > 0).toBe(true);
  }
  expect(Number.isFinite(figures.lcpMs.tasks2000)).toBe(true);
});

test('a 10,000-task project opens with the top of each column, stays virtualised, and its load figures are recorded', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const ownerEmail = uniqueEmail('perf10k');
  const board = await createBoard(ownerEmail, 'First task on the small board');
  const ownerId = (await memberIds(board)).get('Olive Owner');
  const huge = await createProject(board, 'Huge project', 'HUGE');
  const seedStart = performance.now();
  await seedTasks(huge.id, 10_000, { assigneeId: ownerId });
  const seedMs = performance.now() - seedStart;
  await watchLongTasks(page);
  await signIn(page, ownerEmail, huge.path);

  // The sign-in's own load warms the route and the api's connections; it is not counted.
  await loadBoard(page, huge.path, 10_000);
  await serviceWorkerInstalled(page);
  const loads = await measureLoads(page, huge.path, 10_000);

  // Every column has its 2,000 (the seed spreads tasks evenly over the five).
  for (const name of ['To do', 'In progress', 'In review', 'Blocked', 'Done'])
    await expect(column(page, name).getByRole('heading')).toContainText('2000');
  // Virtualised: a screenful of cards per column, whatever the column's length.
  expect(loads.every((load) => load.cardsInDom < 300)).toBe(true);
  const todo = column(page, 'To do');
  const last = todo.getByRole('article', { name: /Seeded task number 10000$/ });
  await expect(last).toHaveCount(0);
  await todo.locator('[data-column-scroller]').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(last).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'board-10000-tasks-scrolled.png') });
  await todo.locator('[data-column-scroller]').evaluate((el) => el.scrollTo({ top: 0 }));
  await expect(last).toHaveCount(0);
  const drop = await dragToPaint(page);

  const byReady = [...loads].sort((a, b) => a.readyMs - b.readyMs);
  const typical = byReady[Math.floor(byReady.length / 2)] ?? loads[0];
  const figures = {
    machine: { cpus: cpus().length, loadAverage1m: round(loadavg()[0] ?? NaN) },
    seedMs: Math.round(seedMs),
    readyMs: round(median(loads.map((l) => l.readyMs))),
    completeMs: round(median(loads.map((l) => l.completeMs))),
    lcpMs: round(median(loads.map((l) => l.lcpMs))),
    lcpGoal: GOALS.lcpMs,
    lcpElements: loads.map((l) => l.lcpElement),
    dropToPaintMs: round(drop),
    cls: Math.max(...loads.map((l) => l.cls)),
    cardsInDom: loads.map((l) => l.cardsInDom),
    longTasksMs: {
      toReady: median(loads.map((l) => l.longTasksMs.toReady)),
      toComplete: median(loads.map((l) => l.longTasksMs.toComplete)),
    },
    apiToComplete: typical?.apiToComplete,
    // The api calls before the first cards of the median load: what the first paint waited for.
    apiBeforeReady: typical?.api,
    raw: loads,
  };
  // Beside the 200-task board measured by the test before (same run, same load), when it ran.
  const small = perf.render as { tasks200: { readyMs: number } } | undefined;
  const smallLcp = (perf.lcpMs as { tasks200: number } | undefined)?.tasks200;
  const vs200 =
    small && smallLcp
      ? {
          readyRatio: round(figures.readyMs / small.tasks200.readyMs),
          lcpRatio: round(figures.lcpMs / smallLcp),
        }
      : undefined;
  perf.tasks10000 = { ...figures, vs200 };
  writePerf();
  console.log(
    [
      `Board at 10,000 tasks (production build, median of ${RUNS} loads; ${figures.machine.cpus} CPUs, load average ${figures.machine.loadAverage1m}; seeded in ${figures.seedMs} ms):`,
      `  first cards ${figures.readyMs} ms, every task ${figures.completeMs} ms (${figures.apiToComplete?.requests} api calls, the last ending at ${figures.apiToComplete?.lastEndMs} ms); long tasks ${figures.longTasksMs.toReady} ms before the first cards, ${figures.longTasksMs.toComplete} ms before every task`,
      `  LCP ${figures.lcpMs} ms (goal < ${GOALS.lcpMs} ms, ${figures.lcpMs < GOALS.lcpMs ? 'within goal' : 'OVER GOAL'}; element: ${figures.lcpElements.join(' | ')}); drop-to-paint ${figures.dropToPaintMs} ms; worst CLS ${figures.cls}; cards in DOM ${figures.cardsInDom.join(', ')}`,
      ...(vs200
        ? [
            `  against the 200-task board of this run: first cards ${vs200.readyRatio}×, LCP ${vs200.lcpRatio}×`,
          ]
        : []),
      `  api before the first cards: ${(figures.apiBeforeReady ?? []).map((a) => `${a.path} ${a.startMs}→${a.endMs}`).join(', ')}`,
    ].join('\n'),
  );

  for (const value of [figures.readyMs, figures.completeMs, figures.lcpMs, figures.dropToPaintMs])
    expect(Number.isFinite(value) && value > 0).toBe(true);
});
