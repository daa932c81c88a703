'use client';

import { initials } from '@/lib/initials';
import { useSession } from '@/modules/auth/hooks/use-session';
import { useWorkspaceDirectory } from '@/modules/workspaces/hooks/use-workspace-directory';
import { useRealtimeStore } from '../stores/realtime-store';

const EMPTY: string[] = [];
const MAX_SHOWN = 5;

interface PresenceAvatarsProps {
  workspaceId: string;
  /** `project:{id}` or `task:{id}`: who has it open. Without it: who is online in the workspace. */
  room?: string;
  label: string;
}

/** Avatars of the other people here right now (online in the workspace, or viewing this room). */
export function PresenceAvatars({ workspaceId, room, label }: PresenceAvatarsProps) {
  const session = useSession();
  const me = session.status === 'signed-in' ? session.user.id : undefined;
  const ids = useRealtimeStore((s) => (room ? s.viewers[room] : s.online[workspaceId]) ?? EMPTY);
  const { people } = useWorkspaceDirectory(workspaceId);
  const others = ids
    .filter((id) => id !== me)
    .map((id) => people.get(id))
    .filter((p) => p !== undefined);
  if (others.length === 0) return null;
  const names = others.map((p) => p.name).join(', ');
  return (
    <div className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
      <span aria-hidden="true">{label}</span>
      <ul aria-label={`${label}: ${names}`} className="flex -space-x-1.5">
        {others.slice(0, MAX_SHOWN).map((person) => (
          <li
            key={person.id}
            title={person.name}
            className="relative flex h-7 w-7 items-center justify-center rounded-full border-2 border-white bg-emerald-100 text-[10px] font-bold text-emerald-900 dark:border-slate-900 dark:bg-emerald-900 dark:text-emerald-100"
          >
            {initials(person.name)}
            <span className="sr-only"> {person.name}</span>
            <span
              aria-hidden="true"
              className="absolute -right-0.5 -bottom-0.5 h-2.5 w-2.5 rounded-full border-2 border-white bg-emerald-500 dark:border-slate-900"
            />
          </li>
        ))}
        {others.length > MAX_SHOWN ? (
          <li className="flex h-7 w-7 items-center justify-center rounded-full border-2 border-white bg-slate-200 text-[10px] font-bold text-slate-700 dark:border-slate-900 dark:bg-slate-700 dark:text-slate-100">
            +{others.length - MAX_SHOWN}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
