import type { Role } from '@teamflow/contracts/permissions';

export function RoleBadge({ role }: { role: Role }) {
  return (
    <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600 capitalize">
      {role}
    </span>
  );
}
