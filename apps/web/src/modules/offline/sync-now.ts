/** The replay the signed-in shell runs (`event-sync/components/offline-sync.tsx`), for "Sync now". */
let runner: (() => void) | undefined;

export function setSyncRunner(run: (() => void) | undefined): void {
  runner = run;
}

export function syncNow(): void {
  runner?.();
}
