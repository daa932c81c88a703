'use client';

import Link from 'next/link';
import { useSession } from '@/modules/auth/hooks/use-session';
import { EmptyState } from '@/modules/ui/components/empty-state';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { useCan } from '@/modules/workspaces/hooks/use-permission';
import { useWorkspace } from '@/modules/workspaces/hooks/use-workspaces';
import { useMembers } from '../hooks/use-members';
import { InviteForm } from './invite-form';
import { MemberRow } from './member-row';

export function MembersPage({ workspaceId }: { workspaceId: string }) {
  const { workspace, isPending } = useWorkspace(workspaceId);
  const members = useMembers(workspaceId);
  const session = useSession();
  const canInvite = useCan(workspaceId, 'member.invite');
  const canManage = useCan(workspaceId, 'member.update');
  const selfId = session.status === 'signed-in' ? session.user.id : undefined;

  if (!isPending && !workspace) {
    return (
      <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        <EmptyState title="Workspace not found">
          You are not a member of this workspace, or it was deleted.
        </EmptyState>
      </main>
    );
  }
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-8 px-4 py-10 sm:px-6">
      <header className="flex flex-col gap-1">
        <Link
          href={`/w/${workspaceId}`}
          className="text-sm text-indigo-700 hover:underline dark:text-indigo-300"
        >
          ← {workspace?.name ?? 'Workspace'}
        </Link>
        <h1 className="text-2xl font-bold tracking-tight">Members</h1>
      </header>
      {canInvite ? (
        <section aria-labelledby="invite-heading" className="flex flex-col gap-3">
          <h2 id="invite-heading" className="text-lg font-semibold">
            Invite someone
          </h2>
          <InviteForm workspaceId={workspaceId} />
        </section>
      ) : null}
      <section aria-labelledby="members-heading" className="flex flex-col gap-2">
        <h2 id="members-heading" className="text-lg font-semibold">
          People in this workspace
        </h2>
        {members.data && workspace ? (
          <ul aria-labelledby="members-heading">
            {members.data.items.map((member) => (
              <MemberRow
                key={member.user.id}
                workspaceId={workspaceId}
                member={member}
                callerRole={workspace.role}
                canManage={canManage}
                isSelf={member.user.id === selfId}
              />
            ))}
          </ul>
        ) : members.isError ? (
          <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">
            {members.error.message}
          </p>
        ) : (
          <SkeletonList rows={3} label="Loading members" />
        )}
      </section>
    </main>
  );
}
