'use client';

import * as Dialog from '@radix-ui/react-dialog';
import { useParams, useRouter } from 'next/navigation';
import { useState } from 'react';
import { useProjects } from '@/modules/projects/hooks/use-projects';
import { focusQuickAdd } from '../hooks/focus-targets';
import { useOverlayStore } from '../stores/overlay-store';

interface Command {
  id: string;
  label: string;
  run: () => void;
}

export function CommandPalette() {
  const open = useOverlayStore((s) => s.open === 'palette');
  const show = useOverlayStore((s) => s.show);
  const router = useRouter();
  const { workspaceId, projectId } = useParams<{ workspaceId?: string; projectId?: string }>();
  const projects = useProjects(workspaceId ?? '');
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);

  const close = () => {
    show(null);
    setText('');
    setActive(0);
  };
  const go = (path: string) => {
    close();
    router.push(path);
  };
  const needle = text.trim().toLowerCase();
  const commands: Command[] = [];
  if (workspaceId && projectId) {
    commands.push({
      id: 'create',
      label: 'Create task',
      run: () => {
        close();
        // Wait for the dialog to hand focus back before moving it to the quick-add box.
        setTimeout(() => focusQuickAdd(), 50);
      },
    });
  }
  if (workspaceId) {
    for (const project of projects.data ?? []) {
      commands.push({
        id: `project-${project.id}`,
        label: `Go to ${project.name}`,
        run: () => go(`/w/${workspaceId}/p/${project.id}`),
      });
    }
    commands.push({ id: 'members', label: 'Go to members', run: () => go(`/w/${workspaceId}/members`) });
  }
  commands.push({ id: 'workspaces', label: 'Go to workspaces', run: () => go('/workspaces') });
  const matching = commands.filter((c) => !needle || c.label.toLowerCase().includes(needle));
  if (workspaceId && needle) {
    matching.push({
      id: 'search',
      label: `Search for “${text.trim()}”`,
      run: () => go(`/w/${workspaceId}/search?${new URLSearchParams({ q: text.trim() })}`),
    });
  }
  const current = Math.min(active, matching.length - 1);

  return (
    <Dialog.Root open={open} onOpenChange={(next) => (next ? show('palette') : close())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-slate-900/30" />
        <Dialog.Content className="fixed top-[15vh] left-1/2 z-50 w-[min(36rem,calc(100vw-2rem))] -translate-x-1/2 rounded-xl bg-white p-3 shadow-2xl dark:bg-slate-900">
          <Dialog.Title className="sr-only">Command palette</Dialog.Title>
          <Dialog.Description className="sr-only">
            Type to find a project, create a task or search.
          </Dialog.Description>
          <input
            aria-label="Command"
            autoFocus
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setActive(0);
            }}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, matching.length - 1));
              else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
              else if (event.key === 'Enter') matching[current]?.run();
              else return;
              event.preventDefault();
            }}
            placeholder="Go to a project, create a task, search…"
            className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:outline-none dark:border-slate-600 dark:bg-slate-800"
          />
          <ul aria-label="Commands" className="mt-2 max-h-80 overflow-y-auto">
            {matching.map((command, i) => (
              <li key={command.id}>
                <button
                  type="button"
                  onClick={command.run}
                  onMouseEnter={() => setActive(i)}
                  aria-current={i === current ? 'true' : undefined}
                  className={`w-full rounded-md px-3 py-2 text-left text-sm ${i === current ? 'bg-indigo-50 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200' : ''}`}
                >
                  {command.label}
                </button>
              </li>
            ))}
          </ul>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
