'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { OpenQueuesButton } from '@/modules/admin/components/open-queues-button';
import { useSession } from '@/modules/auth/hooks/use-session';
import { NotificationBell } from '@/modules/notifications/components/notification-bell';
import { Button } from '@/modules/ui/components/button';
import { ThemeToggle } from '@/modules/ui/components/theme-toggle';
import { WorkspaceSwitcher } from '@/modules/workspaces/components/workspace-switcher';
import { useGlobalShortcuts } from '../hooks/use-global-shortcuts';
import { useSignOut } from '../hooks/use-sign-out';
import { useOverlayStore } from '../stores/overlay-store';

export function AppHeader() {
  const session = useSession();
  const signOut = useSignOut();
  const { workspaceId } = useParams<{ workspaceId?: string }>();
  useGlobalShortcuts();
  const showOverlay = useOverlayStore((s) => s.show);

  return (
    <header className="border-b border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900">
      <div className="flex flex-wrap items-center gap-2 px-4 py-3 sm:gap-4 sm:px-6">
        <Link
          href="/workspaces"
          className="text-lg font-bold tracking-tight text-indigo-700 dark:text-indigo-300"
        >
          TeamFlow
        </Link>
        <WorkspaceSwitcher currentId={workspaceId} />
        <div className="ml-auto flex items-center gap-2 sm:gap-3">
          <span className="hidden sm:block">
            <Button variant="ghost" onClick={() => showOverlay('palette')}>
              Search <kbd className="text-xs text-slate-500 dark:text-slate-400">Ctrl K</kbd>
            </Button>
          </span>
          {session.status === 'signed-in' ? <OpenQueuesButton /> : null}
          {session.status === 'signed-in' ? <NotificationBell /> : null}
          <ThemeToggle />
          {session.status === 'signed-in' ? (
            <Link
              href="/profile"
              className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100"
            >
              {/* The name is built from text, not aria-label, so what is visible is always part of it. */}
              <span className="sr-only">Your profile: </span>
              <span className="sr-only sm:not-sr-only">{session.user.name}</span>
              <span aria-hidden className="sm:hidden">
                Profile
              </span>
            </Link>
          ) : null}
          <Button variant="secondary" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
            Sign out
          </Button>
        </div>
      </div>
    </header>
  );
}
