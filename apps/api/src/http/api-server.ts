import { createServer, type Server } from 'node:http';
import type { Express } from 'express';
import type { Logger } from '@teamflow/core/platform/logger';
import { answerClientErrors } from './client-error';
import { closeInStages } from './close-in-stages';

/** The api's http server (server.ts, and the tests that need a real one): the app behind Node's parser, with its refusals answered and its connections closed in stages. */
export function createApiServer(app: Express, logger: Logger): Server {
  const server = createServer(app);
  answerClientErrors(server, logger);
  closeInStages(server);
  return server;
}
