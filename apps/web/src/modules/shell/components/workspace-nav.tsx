'use client';

import Link from 'next/link';
import { type ReactNode, useEffect, useRef } from 'react';
import { usePathname } from 'next/navigation';
import { can } from '@teamflow/contracts/permissions';
import { useWorkspace } from '@/modules/workspaces/hooks/use-workspaces';
import { useRememberLastWorkspace } from '@/modules/workspaces/last-workspace';
import { currentArea, WORKSPACE_NAV } from '../workspace-nav-items';

/**
 * The workspace's areas as one strip under the header; it scrolls sideways at phone width, where
 * its right edge fades to say there is more, and the area open is scrolled into view (at 390 px
 * only the first three fit: on Work log, the strip showed Projects, Updates, Blockers).
 */
export function WorkspaceNav({ workspaceId, progress }: { workspaceId: string; progress?: ReactNode }) {
  const current = currentArea(usePathname(), workspaceId);
  const currentLink = useRef<HTMLAnchorElement>(null);
  const { workspace } = useWorkspace(workspaceId);
  useRememberLastWorkspace(workspaceId);
  // Role-limited areas appear once the role is known; the others right away.
  const items = WORKSPACE_NAV.filter(
    (item) => !item.permission || (workspace && can(workspace.role, item.permission)),
  );
  const shown = items.length;
  useEffect(() => {
    // Sideways to the middle of the strip, clear of its faded edge; a wide screen, where every area
    // fits, has nothing to scroll. `block: nearest`: the page itself does not move.
    currentLink.current?.scrollIntoView?.({ block: 'nearest', inline: 'center' });
  }, [current, shown]);
  return (
    <nav
      aria-label="Workspace"
      className="border-b border-slate-200 bg-white px-2 dark:border-slate-700 dark:bg-slate-900 sm:px-4"
    >
      <div className="flex items-center gap-2">
        <ul className="flex flex-1 gap-1 overflow-x-auto text-sm [mask-image:linear-gradient(to_right,black_85%,transparent)] sm:[mask-image:none]">
          {items.map((item) => (
            <li key={item.id} className="shrink-0">
              <Link
                href={item.href(workspaceId)}
                ref={item.id === current ? currentLink : undefined}
                aria-current={item.id === current ? 'page' : undefined}
                className="block border-b-2 border-transparent px-3 py-2 font-medium text-slate-600 hover:text-slate-900 aria-[current=page]:border-indigo-600 aria-[current=page]:text-indigo-700 dark:text-slate-300 dark:hover:text-white dark:aria-[current=page]:border-indigo-400 dark:aria-[current=page]:text-indigo-300"
              >
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
        {progress}
      </div>
    </nav>
  );
}
