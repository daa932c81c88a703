import type { Scene } from '../scene-fixtures';

/** The request a case prepared: path parameters, and what it sends. */
export interface Prepared {
  params: Record<string, string>;
  body?: unknown;
  /** A multipart upload instead of a JSON body. */
  file?: { field: string; name: string; content: Buffer };
  query?: Record<string, string>;
}

/** How to build a real, valid request for one guarded route. */
export interface RouteCase {
  /** Deletes the workspace or changes who is in it: each case gets a workspace of its own. */
  fresh?: boolean;
  prepare(s: Scene): Promise<Prepared>;
  /**
   * Requests for another kind of resource behind the same path (`/jobs/:jobId`: an AI job or a
   * digest regenerate), by name: the matrix and the conformance suite walk each like `prepare`.
   */
  variants?: Record<string, (s: Scene) => Promise<Prepared>>;
}

// The path parameters most cases need: the scene's own workspace, project or task.
export const ws = (s: Scene) => ({ workspaceId: s.base.workspaceId });
export const project = (s: Scene) => ({ projectId: s.base.projectId });
export const task = (s: Scene) => ({ taskId: s.base.taskId });

/** A case that needs nothing created first: its parameters, and a fixed body or query. */
export const only = (
  params: (s: Scene) => Record<string, string>,
  extra: Omit<Prepared, 'params'> = {},
): RouteCase => ({
  prepare: (s) => Promise.resolve({ params: params(s), ...extra }),
});
