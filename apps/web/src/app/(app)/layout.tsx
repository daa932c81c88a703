'use client';

import { Suspense, type ReactNode } from 'react';
import { RequireSession } from '@/modules/auth/components/require-session';
import { BoardPrefetch } from '@/modules/board/components/board-prefetch';
import { OfflineSyncLoader } from '@/modules/event-sync/components/offline-sync-loader';
import { RealtimeConnection } from '@/modules/event-sync/components/realtime-connection';
import { OfflineBannerLoader } from '@/modules/offline/components/offline-banner-loader';
import { AppHeader } from '@/modules/shell/components/app-header';
import { CommandPalette } from '@/modules/shell/components/command-palette';
import { ShortcutHelp } from '@/modules/shell/components/shortcut-help';

export default function SignedInLayout({ children }: { children: ReactNode }) {
  return (
    <Suspense>
      <RequireSession whileRestoring={<BoardPrefetch />}>
        <AppHeader />
        <OfflineBannerLoader />
        <RealtimeConnection />
        <OfflineSyncLoader />
        {children}
        <CommandPalette />
        <ShortcutHelp />
      </RequireSession>
    </Suspense>
  );
}
