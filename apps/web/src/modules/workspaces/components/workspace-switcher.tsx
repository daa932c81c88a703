'use client';

import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useRouter } from 'next/navigation';
import { useWorkspaces } from '../hooks/use-workspaces';

export function WorkspaceSwitcher({ currentId }: { currentId: string | undefined }) {
  const router = useRouter();
  const { data: workspaces = [] } = useWorkspaces();
  const current = workspaces.find((w) => w.id === currentId);

  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="inline-flex items-center gap-2 rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 dark:hover:bg-slate-800">
        {/* The visible name comes first in the accessible name (WCAG 2.5.3, label in name). */}
        {current?.name ?? 'Choose a workspace'}
        <span className="sr-only">, switch workspace</span>
        <span aria-hidden>▾</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={6}
          className="z-40 min-w-56 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-1 shadow-lg"
        >
          {workspaces.map((workspace) => (
            <DropdownMenu.Item
              key={workspace.id}
              onSelect={() => router.push(`/w/${workspace.id}`)}
              className="flex cursor-pointer items-center justify-between gap-4 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-indigo-50"
            >
              {workspace.name}
              {workspace.id === currentId ? <span aria-label="current">✓</span> : null}
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Item
            onSelect={() => router.push('/workspaces')}
            className="cursor-pointer rounded px-2 py-1.5 text-sm text-indigo-700 outline-none data-[highlighted]:bg-indigo-50"
          >
            All workspaces…
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
