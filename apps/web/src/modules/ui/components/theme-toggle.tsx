'use client';

import { useSyncExternalStore } from 'react';
import { applyTheme, currentTheme, subscribeTheme, type Theme } from '../theme';

export function ThemeToggle() {
  // The class on <html> is the source of truth (set before paint by the head script).
  const theme = useSyncExternalStore<Theme>(subscribeTheme, currentTheme, () => 'light');
  const next: Theme = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      aria-label={`Switch to ${next} mode`}
      onClick={() => applyTheme(next)}
      className="rounded-md px-2 py-1 text-lg hover:bg-slate-100 dark:hover:bg-slate-800"
    >
      <span aria-hidden>{theme === 'dark' ? '☀' : '☾'}</span>
    </button>
  );
}
