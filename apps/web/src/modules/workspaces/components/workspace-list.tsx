'use client';

import Link from 'next/link';
import { EmptyState } from '@/modules/ui/components/empty-state';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { FormError } from '@/modules/ui/components/form-error';
import { useWorkspaces } from '../hooks/use-workspaces';
import { RoleBadge } from './role-badge';

export function WorkspaceList() {
  const { data, isPending, error } = useWorkspaces();
  if (isPending) return <SkeletonList label="Loading workspaces" />;
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
