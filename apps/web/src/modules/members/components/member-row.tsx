'use client';

import { Role } from '@teamflow/contracts/permissions';
import type { Member } from '@teamflow/contracts/workspaces';
import { initials } from '@/lib/initials';
import { Button } from '@/modules/ui/components/button';
import { RoleBadge } from '@/modules/workspaces/components/role-badge';
import { useChangeMemberRole, useRemoveMember } from '../hooks/use-members';

interface MemberRowProps {
  workspaceId: string;
  member: Member;
  /** The caller's role decides which controls show; the api enforces the same rules. */
  callerRole: Role;
  canManage: boolean;
  isSelf: boolean;
}

export function MemberRow({ workspaceId, member, callerRole, canManage, isSelf }: MemberRowProps) {
  const changeRole = useChangeMemberRole(workspaceId);
  const remove = useRemoveMember(workspaceId);
  // Only an owner changes or removes an owner, and only an owner can grant ownership.
  const mayTouch = canManage && !isSelf && (member.role !== 'owner' || callerRole === 'owner');
  const roles = Role.options.filter((role) => role !== 'owner' || callerRole === 'owner');
  const name = member.user.name;

  return (
    <li
      aria-label={name}
      className="flex flex-wrap items-center gap-3 border-b border-slate-100 py-3 last:border-0 dark:border-slate-800"
    >
      <span
        aria-hidden
        className="flex h-8 w-8 items-center justify-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-700"
      >
        {initials(name)}
      </span>
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium">
          {name}
          {isSelf ? <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">(you)</span> : null}
        </p>
        <p className="truncate text-xs text-slate-500 dark:text-slate-400">{member.user.email}</p>
      </div>
      {mayTouch ? (
        <>
          <select
            aria-label={`Role of ${name}`}
            value={member.role}
            disabled={changeRole.isPending}
            onChange={(event) =>
              changeRole.mutate({ userId: member.user.id, role: Role.parse(event.target.value) })
            }
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm capitalize dark:border-slate-600 dark:bg-slate-900"
          >
            {roles.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
          <Button
            variant="ghost"
            aria-label={`Remove ${name}`}
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(`Remove ${name} from this workspace?`)) remove.mutate(member.user.id);
            }}
          >
            Remove
          </Button>
        </>
      ) : (
        <RoleBadge role={member.role} />
      )}
    </li>
  );
}
