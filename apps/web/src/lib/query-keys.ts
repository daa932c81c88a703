// Every TanStack Query key in one place, so invalidation and optimistic updates hit the same entries.
export const queryKeys = {
  session: ['session'] as const,
  me: ['session', 'me'] as const,
  workspaces: ['workspaces'] as const,
  projects: (workspaceId: string) => ['workspaces', workspaceId, 'projects'] as const,
  members: (workspaceId: string) => ['workspaces', workspaceId, 'members'] as const,
  labels: (workspaceId: string) => ['workspaces', workspaceId, 'labels'] as const,
  taskKeyLookup: (workspaceId: string, key: string) => ['workspaces', workspaceId, 'task-key', key] as const,
  project: (projectId: string) => ['projects', projectId] as const,
  boardTasks: (projectId: string) => ['projects', projectId, 'tasks'] as const,
  task: (taskId: string) => ['tasks', taskId] as const,
  taskComments: (taskId: string) => ['tasks', taskId, 'comments'] as const,
  taskActivity: (taskId: string) => ['tasks', taskId, 'activity'] as const,
  taskDependencies: (taskId: string) => ['tasks', taskId, 'dependencies'] as const,
  sprints: (projectId: string) => ['projects', projectId, 'sprints'] as const,
  velocity: (projectId: string, count: number) => ['projects', projectId, 'velocity', count] as const,
  sprint: (sprintId: string) => ['sprints', sprintId] as const,
  burndown: (sprintId: string) => ['sprints', sprintId, 'burndown'] as const,
  aiJob: (jobId: string) => ['ai-jobs', jobId] as const,
  aiDuplicates: (projectId: string, title: string) =>
    ['projects', projectId, 'ai-duplicates', title] as const,
  aiUsage: (workspaceId: string) => ['workspaces', workspaceId, 'ai-usage'] as const,
  taskWatch: (taskId: string) => ['tasks', taskId, 'watch'] as const,
  notifications: ['notifications'] as const,
  notificationList: (filter: 'all' | 'unread') => ['notifications', 'list', filter] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  notificationPreferences: ['notification-preferences'] as const,
  progress: (workspaceId: string) => ['workspaces', workspaceId, 'progress'] as const,
  progressOf: (workspaceId: string, userId: string) =>
    ['workspaces', workspaceId, 'progress', 'user', userId] as const,
  leaderboard: (workspaceId: string, period: string) =>
    ['workspaces', workspaceId, 'progress', 'leaderboard', period] as const,
  quest: (workspaceId: string, projectId: string | undefined) =>
    ['workspaces', workspaceId, 'progress', 'quest', projectId ?? 'any'] as const,
};
