'use client';

import { Suspense, type ReactNode } from 'react';
import { RequireSession } from '@/modules/auth/components/require-session';
import { AppHeader } from '@/modules/shell/components/app-header';

export default function SignedInLayout({ children }: { children: ReactNode }) {
  return (
    <Suspense>
      <RequireSession>
        <AppHeader />
        {children}
      </RequireSession>
    </Suspense>
  );
}
