import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { aQueryClient } from './builders';

// React's act() warns unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// jsdom lays nothing out, so it has no ResizeObserver and no scrolling; cmdk's list uses both.
// Nothing is ever resized or scrolled here: empty stand-ins are the truth of this environment.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
if (!('scrollIntoView' in Element.prototype)) {
  Object.defineProperty(Element.prototype, 'scrollIntoView', { value: () => {} });
}

export interface Rendered {
  container: HTMLElement;
  queryClient: QueryClient;
  rerender: (ui: ReactNode) => Promise<void>;
  unmount: () => Promise<void>;
}

/** Renders into a jsdom container inside a QueryClientProvider (the builders' client unless given). */
export async function render(ui: ReactNode, queryClient = aQueryClient()): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.append(container);
  const root: Root = createRoot(container);
  const wrap = (node: ReactNode) => <QueryClientProvider client={queryClient}>{node}</QueryClientProvider>;
  await act(async () => {
    root.render(wrap(ui));
    // Lazy parts (the Markdown pipeline) load in a tick or two; let them, so tests see the page.
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
  return {
    container,
    queryClient,
    rerender: async (next) => {
      await act(async () => {
        root.render(wrap(next));
        await Promise.resolve();
      });
    },
    unmount: async () => {
      await act(async () => {
        root.unmount();
        await Promise.resolve();
      });
      container.remove();
    },
  };
}

/** Lets pending promises (a lazy chunk, a query) settle and React re-render. */
export async function settle(ms = 20): Promise<void> {
  await act(async () => new Promise((resolve) => setTimeout(resolve, ms)));
}

/**
 * Lets React and the fakes run until `done()` holds (checked every 10 ms, up to `timeoutMs`), for
 * what takes a variable number of renders and promise turns: a fixed `settle(ms)` passed alone on
 * a quiet machine and failed on a busy one.
 */
export async function settleUntil(done: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) return;
    await settle(10);
  }
}

/**
 * Types into a field as a person would: React tracks the value it last set, so the value goes in
 * through the prototype's setter, then the input event React listens for.
 */
export async function typeInto(field: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<void> {
  const prototype =
    field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Reflect.set(prototype, 'value', text, field);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await Promise.resolve();
  });
}
