'use client';

import { useIsMutating } from '@tanstack/react-query';

/** The key of every mutation that PATCHes a task: the detail form's save, a checkbox's change. */
export const TASK_CHANGE = ['task-change'] as const;

/** The task such a mutation targets: its variables name it as `taskId` (the form) or `task` (a checkbox). */
function targetOf(mutation: { state: { variables: unknown } }): string | undefined {
  const variables = mutation.state.variables as { taskId?: string; task?: { id: string } } | undefined;
  return variables?.taskId ?? variables?.task?.id;
}

/**
 * Whether a change to this task is on its way to the api. The next change waits for it: sent
 * before it lands, it would carry the version that change is about to replace, and the api
 * would refuse our own two edits as a conflict with "someone else".
 */
export function useTaskChangePending(taskId: string): boolean {
  return useIsMutating({ mutationKey: TASK_CHANGE, predicate: (m) => targetOf(m) === taskId }) > 0;
}
