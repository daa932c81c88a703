import type { DbOrTx } from '@teamflow/db/client';
import type { Ctx } from './context';
import { findIdempotentWrite, insertIdempotentWrite } from './idempotent-writes.repository';

/** A request's `Idempotency-Key` (hashed) and what the request was (method, path and body, hashed). */
export interface IdempotencyClaim {
  keyHash: string;
  fingerprint: string;
}

/**
 * This create was made before under the same key, by a request that committed: the caller answers
 * with that resource (or refuses a key reused for another request). Thrown inside the create's
 * transaction, so the second copy's writes roll back.
 */
export class AlreadyWritten extends Error {
  override name = 'AlreadyWritten';
  constructor(
    readonly resourceId: string,
    readonly sameRequest: boolean,
  ) {
    super('this Idempotency-Key already made its resource');
  }
}

/**
 * Records, as the create's last statement, that the caller's key made `resourceId`; no key, no
 * record. Two copies of one create meet on the primary key: the later INSERT waits for the earlier
 * transaction, then finds its row (it committed: the later copy throws AlreadyWritten and rolls
 * back) or none (it rolled back, or its process died and PostgreSQL ended it: the later one is the
 * write). So a create is written once whether its answer was lost after the commit, Redis forgot
 * the key, or two copies raced — which the Redis answer cache alone cannot promise.
 */
export async function recordIdempotentWrite(tx: DbOrTx, ctx: Ctx, resourceId: string): Promise<void> {
  const claim = ctx.idempotency;
  if (!claim) return;
  const row = { userId: ctx.actor.id, keyHash: claim.keyHash, fingerprint: claim.fingerprint, resourceId };
  if (await insertIdempotentWrite(tx, row)) return;
  const earlier = await findIdempotentWrite(tx, ctx.actor.id, claim.keyHash);
  // Gone between the two statements (purged at the end of its retention): nothing to replay.
  if (!earlier) throw new Error('idempotent write vanished while it was being replayed');
  throw new AlreadyWritten(earlier.resourceId, earlier.fingerprint === claim.fingerprint);
}
