'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect } from 'react';
import { useSession } from '@/modules/auth/hooks/use-session';
import { EmptyState } from '@/modules/ui/components/empty-state';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { FormError } from '@/modules/ui/components/form-error';
import { useWorkspaces } from '../hooks/use-workspaces';
import { landingWorkspace, lastWorkspaceId } from '../last-workspace';
import { RoleBadge } from './role-badge';

/**
 * The caller's workspaces. Arriving from sign-in (`?from=sign-in`), it opens the workspace used last
 * on this device, or the only one, instead of listing them; with none to open it stays as the list.
 */
export function WorkspaceList() {
  const { data, isPending, error } = useWorkspaces();
  const session = useSession();
  const router = useRouter();
  const fromSignIn = useSearchParams().get('from') === 'sign-in';
  const userId = session.status === 'signed-in' ? session.user.id : undefined;
  const landing = fromSignIn && data && userId ? landingWorkspace(data, lastWorkspaceId(userId)) : null;
  useEffect(() => {
    if (!fromSignIn || !data || !userId) return;
    router.replace(landing ? `/w/${landing}` : '/workspaces');
  }, [fromSignIn, data, userId, landing, router]);

  if (isPending || landing) return <SkeletonList label="Loading workspaces" />;
  if (error) return <FormError message={error.message} />;
  if (data.length === 0) {
    return (
      <EmptyState title="You are not in any workspace yet">
        Create one below, or open the invitation link a teammate sent you.
      </EmptyState>
    );
  }
  return (
    <ul aria-label="Your workspaces" className="flex flex-col gap-2">
      {data.map((workspace) => (
        <li key={workspace.id}>
          <Link
            href={`/w/${workspace.id}`}
            className="flex items-center justify-between rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 px-4 py-3 hover:border-indigo-300"
          >
            <span className="font-medium">{workspace.name}</span>
            <RoleBadge role={workspace.role} />
          </Link>
        </li>
      ))}
    </ul>
  );
}
