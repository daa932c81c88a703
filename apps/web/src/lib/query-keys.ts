// Every TanStack Query key in one place, so invalidation and optimistic updates hit the same entries.
// A paged feed's key (`usePagedFeed`, lib/paged-feed.ts) holds pages, not a list. Where a build
// before it cached a list, the key gained 'feed' (at its end, or before its filter), so a cache saved
// on this device then (a list at the old key, see offline/persisted-cache.ts) is never read as pages.
export const queryKeys = {
  session: ['session'] as const,
  me: ['session', 'me'] as const,
  signInMethods: ['sign-in-methods'] as const,
  workspaces: ['workspaces'] as const,
  projects: (workspaceId: string) => ['workspaces', workspaceId, 'projects'] as const,
  members: (workspaceId: string) => ['workspaces', workspaceId, 'members'] as const,
  labels: (workspaceId: string) => ['workspaces', workspaceId, 'labels'] as const,
  taskKeyLookup: (workspaceId: string, key: string) => ['workspaces', workspaceId, 'task-key', key] as const,
  project: (projectId: string) => ['projects', projectId] as const,
  boardTasks: (projectId: string) => ['projects', projectId, 'tasks'] as const,
  task: (taskId: string) => ['tasks', taskId] as const,
  taskComments: (taskId: string) => ['tasks', taskId, 'comments', 'feed'] as const,
  // The comments this tab posted past the pages read: never fetched, written by tasks/comment-cache.
  taskCommentsPosted: (taskId: string) => ['tasks', taskId, 'comments', 'posted'] as const,
  taskActivity: (taskId: string) => ['tasks', taskId, 'activity', 'feed'] as const,
  taskDependencies: (taskId: string) => ['tasks', taskId, 'dependencies'] as const,
  taskAttachments: (taskId: string) => ['tasks', taskId, 'attachments'] as const,
  taskDevelopment: (taskId: string) => ['tasks', taskId, 'development'] as const,
  apiTokens: ['me', 'api-tokens'] as const,
  calendarFeed: ['me', 'calendar'] as const,
  webhooks: (workspaceId: string) => ['workspaces', workspaceId, 'webhooks'] as const,
  webhookDeliveries: (webhookId: string) => ['webhooks', webhookId, 'deliveries', 'feed'] as const,
  githubIntegration: (workspaceId: string) => ['workspaces', workspaceId, 'integrations', 'github'] as const,
  slackIntegration: (workspaceId: string) => ['workspaces', workspaceId, 'integrations', 'slack'] as const,
  sprints: (projectId: string) => ['projects', projectId, 'sprints'] as const,
  velocity: (projectId: string, count: number) => ['projects', projectId, 'velocity', count] as const,
  sprint: (sprintId: string) => ['sprints', sprintId] as const,
  burndown: (sprintId: string) => ['sprints', sprintId, 'burndown'] as const,
  aiJob: (jobId: string) => ['ai-jobs', jobId] as const,
  aiDuplicates: (projectId: string, title: string) =>
    ['projects', projectId, 'ai-duplicates', title] as const,
  aiUsage: (workspaceId: string) => ['workspaces', workspaceId, 'ai-usage'] as const,
  taskWatch: (taskId: string) => ['tasks', taskId, 'watch'] as const,
  projectTemplates: (projectId: string) => ['projects', projectId, 'templates'] as const,
  taskRecurrence: (taskId: string) => ['tasks', taskId, 'recurrence'] as const,
  myPatterns: (from: string, to: string) => ['me', 'patterns', from, to] as const,
  notifications: ['notifications'] as const,
  // The inbox's pages (always pages: no 'feed' needed), and the bell's few latest.
  notificationList: (filter: 'all' | 'unread') => ['notifications', 'list', filter] as const,
  latestNotifications: ['notifications', 'latest'] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  notificationPreferences: ['notification-preferences'] as const,
  // Async updates: each area's lists sit under one prefix per workspace, so an event invalidates them all.
  checkInSettings: (workspaceId: string) => ['workspaces', workspaceId, 'check-ins', 'settings'] as const,
  checkIns: (workspaceId: string) => ['workspaces', workspaceId, 'check-ins'] as const,
  checkInsOn: (workspaceId: string, date: string) =>
    ['workspaces', workspaceId, 'check-ins', 'day', date] as const,
  statusUpdates: (workspaceId: string) => ['workspaces', workspaceId, 'status-updates'] as const,
  statusUpdateDraft: (workspaceId: string) => ['workspaces', workspaceId, 'status-updates', 'draft'] as const,
  awayRanges: ['me', 'away'] as const,
  blockers: (workspaceId: string) => ['workspaces', workspaceId, 'blockers'] as const,
  blockerFeed: (workspaceId: string, status: string) =>
    ['workspaces', workspaceId, 'blockers', 'feed', status] as const,
  incidents: (workspaceId: string) => ['workspaces', workspaceId, 'incidents'] as const,
  incidentFeed: (workspaceId: string, filter: { status?: string; severity?: string }) =>
    ['workspaces', workspaceId, 'incidents', 'feed', filter] as const,
  incident: (incidentId: string) => ['incidents', incidentId] as const,
  decisions: (workspaceId: string) => ['workspaces', workspaceId, 'decisions'] as const,
  decisionFeed: (workspaceId: string, filter: { status?: string; q?: string }) =>
    ['workspaces', workspaceId, 'decisions', 'feed', filter] as const,
  decision: (decisionId: string) => ['decisions', decisionId] as const,
  digests: (workspaceId: string) => ['workspaces', workspaceId, 'digests'] as const,
  digestFeed: (workspaceId: string) => ['workspaces', workspaceId, 'digests', 'feed'] as const,
  digest: (workspaceId: string, date: string) => ['workspaces', workspaceId, 'digests', 'day', date] as const,
  taskAsyncLinks: (taskId: string) => ['tasks', taskId, 'async-links'] as const,
  progress: (workspaceId: string) => ['workspaces', workspaceId, 'progress'] as const,
  progressOf: (workspaceId: string, userId: string) =>
    ['workspaces', workspaceId, 'progress', 'user', userId] as const,
  leaderboard: (workspaceId: string, period: string) =>
    ['workspaces', workspaceId, 'progress', 'leaderboard', period] as const,
  quest: (workspaceId: string, projectId: string | undefined) =>
    ['workspaces', workspaceId, 'progress', 'quest', projectId ?? 'any'] as const,
  // The work log is the signed-in user's own: no workspace in its keys.
  worklog: ['worklog'] as const,
  worklogDay: (date: string) => ['worklog', 'day', date] as const,
  worklogTimeline: (from: string, to: string) => ['worklog', 'timeline', from, to] as const,
  worklogInsights: (from: string, to: string) => ['worklog', 'insights', from, to] as const,
  worklogSearch: (q: string) => ['worklog', 'search', q] as const,
  worklogExports: ['worklog', 'exports'] as const,
  worklogExport: (id: string) => ['worklog', 'exports', id] as const,
};
