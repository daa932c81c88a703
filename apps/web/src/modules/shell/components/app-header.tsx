'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useSignOut } from '@/modules/auth/hooks/use-auth-mutations';
import { useSession } from '@/modules/auth/hooks/use-session';
import { Button } from '@/modules/ui/components/button';
import { WorkspaceSwitcher } from '@/modules/workspaces/components/workspace-switcher';

export function AppHeader() {
  const session = useSession();
  const signOut = useSignOut();
  const { workspaceId } = useParams<{ workspaceId?: string }>();

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="flex items-center gap-4 px-6 py-3">
        <Link href="/workspaces" className="text-lg font-bold tracking-tight text-indigo-700">
          TeamFlow
        </Link>
        <WorkspaceSwitcher currentId={workspaceId} />
        <div className="ml-auto flex items-center gap-3">
          {session.status === 'signed-in' ? (
            <span className="text-sm text-slate-600">{session.user.name}</span>
          ) : null}
          <Button variant="secondary" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
            Sign out
          </Button>
        </div>
      </div>
    </header>
  );
}
