/** The kinds of resource a route or a realtime room can name, each leading to its workspace. */
export type ScopeKind =
  | 'workspace'
  | 'project'
  | 'task'
  | 'comment'
  | 'label'
  | 'sprint'
  | 'job'
  | 'statusUpdate'
  | 'blocker'
  | 'incident'
  | 'decision'
  | 'template'
  | 'series'
  | 'attachment'
  | 'webhook';
