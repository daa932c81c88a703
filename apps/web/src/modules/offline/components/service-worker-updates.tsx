'use client';

import { useEffect, useRef, useState } from 'react';
import { productionBuild } from '@/lib/public-env';
import { SKIP_WAITING } from '../service-worker-protocol';

/** How often an open tab asks whether a new build was deployed. */
const UPDATE_CHECK_MS = 30 * 60 * 1000;
/** The first registration waits for an idle moment, but no longer than this after load. */
const REGISTER_WITHIN_MS = 3000;

/**
 * Registers the service worker (production builds only) and, when a new build's worker has
 * installed behind the running one, offers "Reload": the new worker takes over and every tab
 * reloads onto the new shell, so no tab runs an old shell against new files.
 */
export function ServiceWorkerUpdates() {
  const [waiting, setWaiting] = useState<ServiceWorker | null>(null);
  const acceptedUpdate = useRef(false);
  const reloaded = useRef(false);

  useEffect(() => {
    if (!productionBuild || !('serviceWorker' in navigator)) return;
    let registration: ServiceWorkerRegistration | undefined;
    const offer = (worker: ServiceWorker | null) => {
      // Only an update: the first worker has no page to replace.
      if (worker && navigator.serviceWorker.controller) setWaiting(worker);
    };
    // Only after "Reload": the first worker also changes the controller (it claims open pages).
    const onControllerChange = () => {
      if (!acceptedUpdate.current || reloaded.current) return;
      reloaded.current = true;
      window.location.reload();
    };
    const register = () =>
      navigator.serviceWorker
        .register('/sw.js', { scope: '/', updateViaCache: 'none' })
        .then((reg) => {
          registration = reg;
          offer(reg.waiting);
          reg.addEventListener('updatefound', () => {
            const installing = reg.installing;
            installing?.addEventListener('statechange', () => {
              if (installing.state === 'installed') offer(installing);
            });
          });
        })
        .catch(() => undefined);
    // After the page has loaded and gone idle: the first install downloads the build's static
    // files, which must not compete with the page's own first paint and data.
    let cancel: (() => void) | undefined;
    const onLoad = () => {
      if ('requestIdleCallback' in window) {
        const idle = window.requestIdleCallback(() => void register(), { timeout: REGISTER_WITHIN_MS });
        cancel = () => window.cancelIdleCallback(idle);
      } else {
        // Safari has no requestIdleCallback.
        const later = setTimeout(() => void register(), 1000);
        cancel = () => clearTimeout(later);
      }
    };
    if (document.readyState === 'complete') onLoad();
    else window.addEventListener('load', onLoad, { once: true });
    const timer = setInterval(() => void registration?.update().catch(() => undefined), UPDATE_CHECK_MS);
    navigator.serviceWorker.addEventListener('controllerchange', onControllerChange);
    return () => {
      window.removeEventListener('load', onLoad);
      cancel?.();
      clearInterval(timer);
      navigator.serviceWorker.removeEventListener('controllerchange', onControllerChange);
    };
  }, []);

  if (!waiting) return null;
  return (
    <div
      role="alert"
      data-update-available
      className="fixed bottom-4 left-1/2 z-50 flex -translate-x-1/2 items-center gap-3 rounded-lg border border-indigo-300 bg-white px-4 py-3 text-sm shadow-lg dark:border-indigo-700 dark:bg-slate-900"
    >
      <span>A new version of TeamFlow is available.</span>
      <button
        type="button"
        onClick={() => {
          acceptedUpdate.current = true;
          waiting.postMessage({ type: SKIP_WAITING });
        }}
        className="rounded bg-indigo-600 px-3 py-1 font-semibold text-white hover:bg-indigo-700 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2"
      >
        Reload
      </button>
    </div>
  );
}
