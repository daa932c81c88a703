/** The task's own page; the drawer links here and copies it as the task's link. */
export const taskPagePath = (workspaceId: string, taskId: string) => `/w/${workspaceId}/t/${taskId}`;
