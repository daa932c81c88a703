'use client';

import { InvitationAccepted, type Workspace } from '@teamflow/contracts/workspaces';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { EmptyState } from '@/modules/ui/components/empty-state';
import { SkeletonList } from '@/modules/ui/components/skeleton';

/** Rendered inside the signed-in layout, so an anonymous visitor signs in or up first and comes back here. */
export function AcceptInvitation({ token }: { token: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const started = useRef(false);
  const accept = useMutation({
    mutationFn: () =>
      apiRequest('POST', `/invitations/${encodeURIComponent(token)}/accept`, { schema: InvitationAccepted }),
    onSuccess: async ({ workspace }) => {
      queryClient.setQueryData<Workspace[]>(queryKeys.workspaces, (list) => [
        ...(list ?? []).filter((w) => w.id !== workspace.id),
        workspace,
      ]);
      await queryClient.invalidateQueries({ queryKey: queryKeys.workspaces, exact: true });
      router.replace(`/w/${workspace.id}`);
    },
  });
  const { mutate } = accept;

  // The token is single-use: accept once, even when effects run twice in development.
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    mutate();
  }, [mutate]);

  return (
    <main className="mx-auto max-w-xl px-4 py-16 sm:px-6">
      {accept.isError ? (
        <EmptyState title="This invitation cannot be used">
          <p>{accept.error.message}</p>
          <p className="mt-2">
            It may have expired, been used already, or been sent to another email address.{' '}
            <Link href="/workspaces" className="text-indigo-700 underline dark:text-indigo-300">
              Go to your workspaces
            </Link>
          </p>
        </EmptyState>
      ) : (
        <SkeletonList rows={2} label="Joining the workspace" />
      )}
    </main>
  );
}
