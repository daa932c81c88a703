// The Markdown bench's browser half: the 50,000-character description opened in real Chromium
// (Debian's /usr/bin/chromium through playwright-core, as e2e uses), as a reader sees it. The web's
// MarkdownView is bundled for the browser with esbuild (code splitting on, so the renderer, the
// highlighter and the HTML parser arrive as their own chunks, as in the app), served to the page
// from memory, and mounted with react-dom's createRoot. Per page load it records:
//   - first paint: until the first part of the text is in the DOM;
//   - whole text: until the last part is in the DOM (a sentinel paragraph at the end);
//   - highlighted: until every fenced code block with a language is highlighted;
//   - long tasks (PerformanceObserver 'longtask'): the longest, and the total blocking time (the sum
//     of each task's time over 50 ms) from mount until all of the above.
// Two cases: "cold" (the highlighter and HTML parser load when the text asks for them, as on a
// page's first text) and "warm" (already loaded, as for the next text on the page). The renderer
// chunk itself is loaded before timing in both: this measures rendering, not the network.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const ORIGIN = 'http://markdown-bench.local';
export const SENTINEL = 'End of the bench text';

const entry = `
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MarkdownView, preloadMarkdownRenderer } from '@/modules/markdown/components/markdown-view';
import { loadExtras } from '@/modules/markdown/lazy-extras';
import { bigDescription } from './test/markdown/fixtures';

window.benchMarkdown = async ({ chars, warm }) => {
  const source = bigDescription(chars) + '\\n\\n${SENTINEL}\\n';
  const fences = (source.match(/^\\\`\\\`\\\`\\w+$/gm) ?? []).length;
  await preloadMarkdownRenderer();
  if (warm) await loadExtras(['highlight', 'raw']);
  const tasks = [];
  new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => ({ start: e.startTime, ms: e.duration })))).observe({ type: 'longtask', buffered: false });
  const container = document.getElementById('root');
  const paragraphs = container.getElementsByTagName('p');
  const marks = {};
  const started = performance.now();
  const check = () => {
    const now = performance.now() - started;
    if (marks.firstPaint === undefined && container.querySelector('.markdown-body h1')) marks.firstPaint = now;
    // The last paragraph (the pipeline's; until it loads, the view shows the source in one <p>).
    if (marks.whole === undefined && paragraphs[paragraphs.length - 1]?.textContent === '${SENTINEL}') marks.whole = now;
    if (marks.highlighted === undefined && container.querySelectorAll('pre code.hljs').length >= fences) marks.highlighted = now;
  };
  new MutationObserver(check).observe(container, { childList: true, subtree: true, attributes: true, characterData: true });
  const client = new QueryClient();
  createRoot(container).render(createElement(QueryClientProvider, { client }, createElement(MarkdownView, { source })));
  for (let i = 0; i < 600 && (marks.whole === undefined || marks.highlighted === undefined); i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    check();
  }
  // Let the last task's entry arrive.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const since = tasks.filter((t) => t.start >= started - 1);
  return {
    ...marks,
    fences,
    longTasks: since.length,
    longestTaskMs: Math.max(0, ...since.map((t) => t.ms)),
    blockingMs: since.reduce((sum, t) => sum + Math.max(0, t.ms - 50), 0),
    tasks: since.map((t) => [Math.round(t.start - started), Math.round(t.ms)]),
  };
};
`;

const median = (values) => {
  const sorted = values.filter((v) => v !== undefined).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : undefined;
};

/** Bundles the view for the browser, opens it `loads` times per case, returns the medians per case. */
export async function measureInChromium({ root, chars, loads = 5 }) {
  const web = join(root, 'apps', 'web');
  const dir = mkdtempSync(join(os.tmpdir(), 'tf-markdown-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    await build({
      stdin: { contents: entry, resolveDir: web, loader: 'tsx', sourcefile: 'bench-browser-entry.tsx' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'chrome120',
      jsx: 'automatic',
      minify: true,
      nodePaths: [join(web, 'node_modules')],
      outdir: dir,
      entryNames: 'main',
      alias: {
        '@': join(web, 'src'),
        'next/link': fileURLToPath(new URL('link-stub.mjs', import.meta.url)),
      },
      define: { 'process.env.NODE_ENV': '"production"', 'process.env.NEXT_PUBLIC_API_URL': '""' },
      logLevel: 'error',
    });
    const files = new Map(readdirSync(dir).map((name) => [`/${name}`, readFileSync(join(dir, name))]));
    files.set(
      '/',
      Buffer.from(
        '<!doctype html><meta charset="utf-8"><div id="root"></div><script type="module" src="/main.js"></script>',
      ),
    );
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.route(`${ORIGIN}/**`, (route) => {
      const body = files.get(new URL(route.request().url()).pathname);
      if (!body) return route.fulfill({ status: 404 });
      return route.fulfill({
        body,
        contentType: route.request().url().endsWith('.js') ? 'text/javascript' : 'text/html',
      });
    });
    const cases = [];
    for (const warm of [false, true]) {
      const runs = [];
      for (let i = 0; i < loads; i++) {
        const page = await context.newPage();
        await page.goto(`${ORIGIN}/`);
        await page.waitForFunction(() => 'benchMarkdown' in window);
        runs.push(await page.evaluate((options) => window.benchMarkdown(options), { chars, warm }));
        await page.close();
      }
      const pick = (key) => median(runs.map((r) => r[key]));
      cases.push({
        label: warm ? 'warm (highlighter, HTML parser loaded)' : 'cold (they load when asked for)',
        loads,
        firstPaintMs: pick('firstPaint'),
        wholeMs: pick('whole'),
        highlightedMs: pick('highlighted'),
        longestTaskMs: pick('longestTaskMs'),
        longestTaskMaxMs: Math.max(...runs.map((r) => r.longestTaskMs)),
        longTasks: pick('longTasks'),
        blockingMs: pick('blockingMs'),
        runs,
      });
    }
    return cases;
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
