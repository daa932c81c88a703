import cookieParser from 'cookie-parser';
import cors from 'cors';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { REFRESH_COOKIE_PATH } from '@teamflow/contracts/auth';
import { BULL_BOARD_PATH, bullBoardRouter } from './admin/bull-board';
import type { ApiDeps } from './deps';
import { errorHandler, notFoundHandler } from './http/errors';
import { requestContext } from './http/request-context';
import { RouteTable } from './http/route-table';
import { adminRoutes } from './routes/admin.routes';
import { aiRoutes } from './routes/ai.routes';
import { apiTokenRoutes } from './routes/api-tokens.routes';
import { attachmentRoutes } from './routes/attachments.routes';
import { projectImportExportRoutes } from './routes/project-import-export.routes';
import { calendarRoutes } from './routes/calendar.routes';
import { authRoutes } from './routes/auth.routes';
import { googleSignInRoutes } from './routes/google-sign-in.routes';
import { blockerRoutes } from './routes/blockers.routes';
import { checkInRoutes } from './routes/check-ins.routes';
import { cspReportRoutes } from './routes/csp-reports.routes';
import { decisionRoutes } from './routes/decisions.routes';
import { digestRoutes } from './routes/digests.routes';
import { docsRoutes } from './routes/docs.routes';
import { githubRoutes } from './routes/github.routes';
import { healthRoutes } from './routes/health.routes';
import { incidentRoutes } from './routes/incidents.routes';
import { jobRoutes } from './routes/jobs.routes';
import { memberRoutes } from './routes/members.routes';
import { notificationRoutes } from './routes/notifications.routes';
import { progressRoutes } from './routes/progress.routes';
import { projectRoutes } from './routes/projects.routes';
import { searchRoutes } from './routes/search.routes';
import { slackRoutes } from './routes/slack.routes';
import { templateRoutes } from './routes/templates.routes';
import { recurrenceRoutes } from './routes/recurrence.routes';
import { patternRoutes } from './routes/patterns.routes';
import { sprintRoutes } from './routes/sprints.routes';
import { statusUpdateRoutes } from './routes/status-updates.routes';
import { taskLinkRoutes } from './routes/task-links.routes';
import { taskPartRoutes } from './routes/task-parts.routes';
import { taskRoutes } from './routes/tasks.routes';
import { webhookRoutes } from './routes/webhooks.routes';
import { workspaceRoutes } from './routes/workspaces.routes';
import { meRoutes } from './routes/me.routes';
import { worklogEntryRoutes } from './routes/worklog-entries.routes';
import { worklogExportRoutes } from './routes/worklog-exports.routes';
import { worklogInsightRoutes } from './routes/worklog-insights.routes';

export const API_BASE = '/api/v1';

export interface ApiApp {
  app: Express;
  routes: RouteTable;
  /** Flipped by the server on SIGTERM so readiness fails while in-flight requests finish. */
  state: { shuttingDown: boolean };
}

/** Builds the Express app (no listen): middleware, every route through the guarded route table, one error handler. */
export function createApp(deps: ApiDeps): ApiApp {
  const app = express();
  const state = { shuttingDown: false };
  const table = new RouteTable(deps);
  app.disable('x-powered-by');
  // No ETag: Express hashed every response body (SHA-1) for a conditional GET no client of ours
  // makes (the web refetches through TanStack Query; lists change with every event).
  app.set('etag', false);
  app.set('trust proxy', deps.env.TRUST_PROXY);
  app.set('query parser', 'extended');
  app.use(requestContext(deps, state));
  app.use(helmet());
  const origins = [deps.env.WEB_ORIGIN, ...(deps.env.CORS_ORIGINS?.split(',').map((o) => o.trim()) ?? [])];
  app.use(
    cors({
      // A function, not the list: an origin that is not allowed gets no CORS headers at all
      // (with a list, cors still sends Access-Control-Allow-Credentials to any origin).
      origin: (origin, allow) => allow(null, origin !== undefined && origins.includes(origin)),
      credentials: true,
      exposedHeaders: [
        'X-Request-Id',
        'RateLimit-Limit',
        'RateLimit-Remaining',
        'RateLimit-Reset',
        'RateLimit-Policy',
        'Retry-After',
        'Idempotent-Replayed',
      ],
    }),
  );
  // Only where a cookie is read (the refresh and Google sign-in cookies live under /auth; Bull
  // Board's session): parsing every request's cookies was ~3% of a /health answer's CPU.
  app.use([REFRESH_COOKIE_PATH, BULL_BOARD_PATH], cookieParser());

  const root = express.Router();
  const v1 = express.Router();
  healthRoutes(table, root, v1, API_BASE, deps, state);
  docsRoutes(table, root, v1, deps);
  authRoutes(table, v1, API_BASE, deps);
  googleSignInRoutes(table, v1, API_BASE, deps);
  workspaceRoutes(table, v1, API_BASE, deps);
  memberRoutes(table, v1, API_BASE, deps);
  projectRoutes(table, v1, API_BASE, deps);
  taskRoutes(table, v1, API_BASE, deps);
  taskPartRoutes(table, v1, API_BASE, deps);
  attachmentRoutes(table, v1, API_BASE, deps);
  projectImportExportRoutes(table, v1, API_BASE, deps);
  webhookRoutes(table, v1, API_BASE, deps);
  githubRoutes(table, v1, API_BASE, deps);
  slackRoutes(table, v1, API_BASE, deps);
  apiTokenRoutes(table, v1, API_BASE, deps);
  calendarRoutes(table, v1, API_BASE, deps);
  searchRoutes(table, v1, API_BASE, deps);
  sprintRoutes(table, v1, API_BASE, deps);
  templateRoutes(table, v1, API_BASE, deps);
  recurrenceRoutes(table, v1, API_BASE, deps);
  patternRoutes(table, v1, API_BASE, deps);
  aiRoutes(table, v1, API_BASE, deps);
  jobRoutes(table, v1, API_BASE, deps);
  notificationRoutes(table, v1, API_BASE, deps);
  checkInRoutes(table, v1, API_BASE, deps);
  statusUpdateRoutes(table, v1, API_BASE, deps);
  blockerRoutes(table, v1, API_BASE, deps);
  incidentRoutes(table, v1, API_BASE, deps);
  decisionRoutes(table, v1, API_BASE, deps);
  digestRoutes(table, v1, API_BASE, deps);
  taskLinkRoutes(table, v1, API_BASE, deps);
  progressRoutes(table, v1, API_BASE, deps);
  worklogEntryRoutes(table, v1, API_BASE, deps);
  worklogInsightRoutes(table, v1, API_BASE, deps);
  worklogExportRoutes(table, v1, API_BASE, deps);
  meRoutes(table, v1, API_BASE, deps);
  // Reads its own body: browsers send application/csp-report or application/reports+json.
  cspReportRoutes(table, v1, API_BASE);
  adminRoutes(table, root, v1, API_BASE, deps);
  app.use(root);
  // The one router not built by the RouteTable: Bull Board, behind its own platform-admin guard.
  app.use(BULL_BOARD_PATH, bullBoardRouter(deps));
  app.use(API_BASE, v1);
  app.use(notFoundHandler);
  app.use(errorHandler(deps));
  return { app, routes: table, state };
}
