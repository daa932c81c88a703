'use client';

import * as Toast from '@radix-ui/react-toast';
import { useToastStore, type ToastTone } from '../stores/toast-store';

const toneStyle: Record<ToastTone, string> = {
  info: 'border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900',
  success: 'border-emerald-200 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950',
  error: 'border-rose-200 bg-rose-50 dark:border-rose-800 dark:bg-rose-950',
};

export function Toaster() {
  const toasts = useToastStore((s) => s.toasts);
  const dismiss = useToastStore((s) => s.dismiss);
  return (
    <Toast.Provider swipeDirection="right" duration={6000}>
      {toasts.map((toast) => (
        <Toast.Root
          key={toast.id}
          type={toast.tone === 'error' ? 'foreground' : 'background'}
          onOpenChange={(open) => {
            if (!open) dismiss(toast.id);
          }}
          className={`rounded-lg border p-4 shadow-lg ${toneStyle[toast.tone]}`}
        >
          <Toast.Title className="text-sm font-semibold text-slate-900 dark:text-slate-100">
            {toast.title}
          </Toast.Title>
          {toast.description ? (
            <Toast.Description className="mt-1 text-sm text-slate-700 dark:text-slate-300">
              {toast.description}
            </Toast.Description>
          ) : null}
          <Toast.Close
            aria-label="Dismiss notification"
            className="absolute top-2 right-2 text-slate-600 dark:text-slate-300"
          >
            ×
          </Toast.Close>
        </Toast.Root>
      ))}
      <Toast.Viewport className="fixed right-4 bottom-4 z-50 flex w-96 max-w-[calc(100vw-2rem)] flex-col gap-2 [&>li]:relative" />
    </Toast.Provider>
  );
}
