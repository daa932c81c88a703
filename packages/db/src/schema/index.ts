// The full schema, for drizzle-kit and the typed client.
export * from './identity';
export * from './workspaces';
export * from './board';
export * from './events';
export * from './mail';
export * from './sprints';
export * from './notifications';
export * from './ai';
export * from './async-updates';
export * from './progress';
export * from './worklog';
export * from './planning';
export * from './files';
export * from './access-tokens';
export * from './integrations';
