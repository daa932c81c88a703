import type { Env } from '@teamflow/config/env';
import type { Database } from '@teamflow/db/client';
import type { ReadRouter } from '@teamflow/db/read-replica';
import type { Role } from '@teamflow/contracts/permissions';
import type { IdempotencyClaim } from './idempotent-writes';
import type { Logger } from './logger';
import type { Redis } from './redis';

/** Everything a use case may touch, built once per process. */
export interface CoreDeps {
  /** The primary: every write, and every read not routed through `reads`. */
  db: Database;
  /** Reads that may come from the replica: lists, search, analytics, digests (read-replica.ts). */
  reads: ReadRouter;
  redis: Redis;
  env: Env;
  logger: Logger;
  /**
   * This process's outbox relay, when it runs one (the api). A write that commits outbox rows on
   * its own tells it after the commit instead of NOTIFYing in its transaction (see
   * `OutboxRelay.committed`); without it the statement NOTIFYs.
   */
  outboxRelay?: { committed(): void };
}

export interface Actor {
  id: string;
  name: string;
}

/** Who is asking, resolved by the guard: the user and, for workspace resources, their role there. */
export interface Ctx {
  actor: Actor;
  requestId: string;
  logger: Logger;
  /** The request's `Idempotency-Key`, which a create records in its transaction (idempotent-writes.ts). */
  idempotency?: IdempotencyClaim;
}

export interface WorkspaceCtx extends Ctx {
  workspaceId: string;
  role: Role;
  /** The workspace's IANA zone: the team's "today" (see platform/local-dates.ts). */
  timeZone: string;
}
