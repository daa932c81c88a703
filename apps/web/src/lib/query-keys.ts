// Every TanStack Query key in one place, so invalidation and optimistic updates hit the same entries.
export const queryKeys = {
  session: ['session'] as const,
  workspaces: ['workspaces'] as const,
  projects: (workspaceId: string) => ['workspaces', workspaceId, 'projects'] as const,
  members: (workspaceId: string) => ['workspaces', workspaceId, 'members'] as const,
  labels: (workspaceId: string) => ['workspaces', workspaceId, 'labels'] as const,
  project: (projectId: string) => ['projects', projectId] as const,
  boardTasks: (projectId: string) => ['projects', projectId, 'tasks'] as const,
  task: (taskId: string) => ['tasks', taskId] as const,
  taskComments: (taskId: string) => ['tasks', taskId, 'comments'] as const,
  taskActivity: (taskId: string) => ['tasks', taskId, 'activity'] as const,
  taskWatch: (taskId: string) => ['tasks', taskId, 'watch'] as const,
  notifications: ['notifications'] as const,
  notificationList: (filter: 'all' | 'unread') => ['notifications', 'list', filter] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  notificationPreferences: ['notification-preferences'] as const,
};
