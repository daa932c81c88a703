#!/usr/bin/env node
// The Markdown renderer on a 50,000-character description: how long <MarkdownView> takes to render
// (parse, GFM, sanitize, the view's plugins, highlighting, React), median and p95 over many runs.
// Goal: under 50 ms. Four figures in Node:
//   - first paint: what the view renders at once (a long text paints its first runs of blocks and
//     streams the rest in later steps), before and after the highlighter and HTML parser loaded;
//   - each later step (the slowest of them): the runs of blocks one step adds (an edit re-renders
//     one run, cheaper still);
//   - all of it at once (renderAll): the whole text through the pipeline in one render.
// Then the same text opened in real Chromium (chromium.mjs): first paint, whole text in the DOM,
// code highlighted, and the longest task the page saw (PerformanceObserver 'longtask').
//
//   node bench/markdown/run.mjs [--runs 60] [--chars 50000] [--loads 5] [--no-browser]
//
// The web module is bundled with esbuild (the app's own source and fixture, resolved from
// apps/web) and rendered with react-dom/server's renderToString: the whole pipeline and React's
// render, without a browser's DOM and layout.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { fileStamp, machineInfo, table, writeResults } from '../lib/report.mjs';
import { measureInChromium } from './chromium.mjs';

const GOAL_MS = 50;
const CHROMIUM_NOTE = 'mounted with createRoot; the renderer chunk loaded first; times from mount';
const root = fileURLToPath(new URL('../../', import.meta.url));
const web = join(root, 'apps', 'web');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const runs = arg('runs', 60);
const chars = arg('chars', 50_000);
const loads = arg('loads', 5);
const browser = !process.argv.includes('--no-browser');

const entry = `
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MarkdownView, preloadMarkdownRenderer } from '@/modules/markdown/components/markdown-view';
import { loadExtras } from '@/modules/markdown/lazy-extras';
import { blocksWithin, markdownBlocks } from '@/modules/markdown/markdown-blocks';
import { bigDescription } from './test/markdown/fixtures';
const client = new QueryClient();
export { bigDescription, blocksWithin, loadExtras, markdownBlocks, preloadMarkdownRenderer };
export const renderMarkdown = (source, renderAll = false) =>
  renderToString(
    createElement(QueryClientProvider, { client }, createElement(MarkdownView, { source, renderAll })),
  );
`;

const dir = mkdtempSync(join(os.tmpdir(), 'tf-markdown-bench-'));
const outfile = join(dir, 'markdown.cjs');
try {
  await build({
    stdin: { contents: entry, resolveDir: web, loader: 'tsx', sourcefile: 'bench-entry.tsx' },
    bundle: true,
    platform: 'node',
    // CommonJS: react-dom/server requires Node built-ins, which an ESM bundle cannot.
    format: 'cjs',
    target: 'node20',
    jsx: 'automatic',
    // The stub sits outside apps/web: let it find the web's react too.
    nodePaths: [join(web, 'node_modules')],
    outfile,
    alias: { '@': join(web, 'src'), 'next/link': fileURLToPath(new URL('link-stub.mjs', import.meta.url)) },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const {
    renderMarkdown,
    bigDescription,
    blocksWithin,
    loadExtras,
    markdownBlocks,
    preloadMarkdownRenderer,
  } = createRequire(import.meta.url)(outfile);
  const source = bigDescription(chars);
  // The steps after the first paint, each as the runs of blocks it adds (each run is short enough
  // to render in one piece on its own, as it does in the view).
  const blocks = markdownBlocks(source);
  const steps = [];
  for (let from = blocksWithin(blocks, 0); from < blocks.length;) {
    const to = blocksWithin(blocks, from);
    steps.push(blocks.slice(from, to).map((b) => b.text));
    from = to;
  }
  // The pipeline is a lazy part of the view: load it, and let React see it loaded, before timing.
  await preloadMarkdownRenderer();
  renderMarkdown(source);
  await new Promise((resolve) => setTimeout(resolve, 10));
  if (!renderMarkdown(source).includes('<table')) throw new Error('the renderer did not load');

  const timed = (render) => {
    for (let i = 0; i < 5; i++) render(); // warm-up: JIT, caches
    const times = [];
    let html = '';
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      html = render();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const pick = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
    return { runs, medianMs: pick(0.5), p95Ms: pick(0.95), minMs: times[0], htmlBytes: html.length };
  };
  const measure = (label, renderAll = false) => ({
    label,
    ...timed(() => renderMarkdown(source, renderAll)),
  });
  // The slowest step, by median.
  const measureSteps = (label) => {
    const each = steps.map((texts) => timed(() => texts.map((text) => renderMarkdown(text)).join('')));
    const slowest = each.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
    return { label: `${label} (slowest of ${steps.length})`, ...slowest, steps: each.map((s) => s.medianMs) };
  };

  const results = [measure('first paint (extras not loaded yet)')];
  await loadExtras(['highlight', 'raw']);
  results.push(measure('first paint, highlighter and HTML parser loaded'));
  results.push(measureSteps('each later step, extras loaded'));
  results.push(measure('all 50,000 characters at once (renderAll)', true));
  const chromium = browser ? await measureInChromium({ root, chars, loads }) : [];

  process.stdout.write(
    `\nMarkdownView on a ${source.length.toLocaleString('en')}-character description, ${runs} runs each\n\n` +
      table(
        [
          { title: 'render', align: 'left' },
          { title: 'median ms', align: 'right' },
          { title: 'p95 ms', align: 'right' },
          { title: 'min ms', align: 'right' },
          { title: 'html kB', align: 'right' },
        ],
        results.map((r) => [
          r.label,
          r.medianMs.toFixed(1),
          r.p95Ms.toFixed(1),
          r.minMs.toFixed(1),
          (r.htmlBytes / 1024).toFixed(0),
        ]),
      ) +
      `\n\ngoal: median under ${GOAL_MS} ms for what a render does (first paint, each later step) — ` +
      `${results.slice(0, 3).every((r) => r.medianMs < GOAL_MS) ? 'met' : 'MISSED'}; ` +
      `the whole text in one render: ${results[3].medianMs < GOAL_MS ? 'met' : 'missed'}\n`,
  );
  if (chromium.length) {
    const ms = (n) => (n === undefined ? '-' : n.toFixed(0));
    process.stdout.write(
      `\nIn Chromium (${CHROMIUM_NOTE}), median of ${loads} page loads each\n\n` +
        table(
          [
            { title: 'case', align: 'left' },
            { title: 'first paint ms', align: 'right' },
            { title: 'whole text ms', align: 'right' },
            { title: 'highlighted ms', align: 'right' },
            { title: 'longest task ms', align: 'right' },
            { title: '(worst load)', align: 'right' },
            { title: 'long tasks', align: 'right' },
            { title: 'blocking ms', align: 'right' },
          ],
          chromium.map((c) => [
            c.label,
            ms(c.firstPaintMs),
            ms(c.wholeMs),
            ms(c.highlightedMs),
            ms(c.longestTaskMs),
            ms(c.longestTaskMaxMs),
            String(c.longTasks),
            ms(c.blockingMs),
          ]),
        ) +
        `\n\nlongest task under ${GOAL_MS} ms: ${chromium.every((c) => c.longestTaskMs < GOAL_MS) ? 'met' : 'missed'}\n`,
    );
  }
  const stamp = fileStamp(new Date());
  const file = writeResults(join(root, 'bench', 'results'), 'markdown', stamp, {
    bench: 'markdown',
    at: new Date().toISOString(),
    machine: machineInfo(root),
    chars: source.length,
    goalMs: GOAL_MS,
    results,
    chromium,
  });
  process.stdout.write(`results: ${file}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
