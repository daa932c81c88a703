'use client';

import { useSyncExternalStore } from 'react';
import { codeHighlighter, type HighlightCode } from './highlight-code';
import { rawWhereNeeded, type RawPlugin } from './plugins/rehype-raw-where-needed';

// The plugins few texts need, loaded on first need so they stay out of the board's first-load
// bundle: the code highlighter (rehype-highlight with lowlight's common languages, the heaviest
// part of the renderer) for fenced code with a language, and the HTML parser (rehype-raw) for the
// raw HTML the api lets through. Until they arrive, code shows plain and raw HTML is left out.
export interface LazyExtras {
  highlight?: HighlightCode;
  raw?: RawPlugin;
}
export type LazyExtra = keyof LazyExtras;

const loaders = {
  highlight: () => import('rehype-highlight').then((m) => codeHighlighter(m.default)),
  raw: () => import('rehype-raw').then((m) => rawWhereNeeded(m.default)),
} satisfies { [K in LazyExtra]: () => Promise<NonNullable<LazyExtras[K]>> };

let loaded: LazyExtras = {};
const loading = new Set<LazyExtra>();
const listeners = new Set<() => void>();

/** Starts loading an extra (once; like React.lazy, safe to call while rendering). */
export function requestExtra(kind: LazyExtra): void {
  if (loaded[kind] || loading.has(kind) || typeof window === 'undefined') return;
  loading.add(kind);
  loaders[kind]().then(
    (plugin) => {
      loaded = { ...loaded, [kind]: plugin };
      for (const listener of listeners) listener();
    },
    // A chunk that failed to load (offline, a new deploy) leaves code plain and raw HTML out,
    // which still reads fine; the next render that needs it tries again.
    () => loading.delete(kind),
  );
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = () => loaded;

/**
 * The extras loaded so far; the component re-renders when one arrives. (On a server nothing is
 * ever requested, so the server snapshot is empty there too.)
 */
export function useLazyExtras(): LazyExtras {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** Loads extras wherever it runs (the bench renders with them on Node); the app uses requestExtra. */
export async function loadExtras(kinds: readonly LazyExtra[]): Promise<void> {
  for (const kind of kinds) {
    const plugin = await loaders[kind]();
    loaded = { ...loaded, [kind]: plugin };
  }
  for (const listener of listeners) listener();
}

/** Resolves once every extra requested so far has loaded or failed (tests and the bench). */
export async function extrasSettled(): Promise<void> {
  while (loading.size > [...loading].filter((k) => loaded[k]).length) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
