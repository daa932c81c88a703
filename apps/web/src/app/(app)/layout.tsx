'use client';

import { Suspense, type ReactNode } from 'react';
import { RequireSession } from '@/modules/auth/components/require-session';
import { RealtimeConnection } from '@/modules/event-sync/components/realtime-connection';
import { AppHeader } from '@/modules/shell/components/app-header';
import { CommandPalette } from '@/modules/shell/components/command-palette';
import { ShortcutHelp } from '@/modules/shell/components/shortcut-help';

export default function SignedInLayout({ children }: { children: ReactNode }) {
  return (
    <Suspense>
      <RequireSession>
        <AppHeader />
        <RealtimeConnection />
        {children}
        <CommandPalette />
        <ShortcutHelp />
      </RequireSession>
    </Suspense>
  );
}
