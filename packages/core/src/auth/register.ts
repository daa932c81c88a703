import type { Register } from '@teamflow/contracts/auth';
import type { CoreDeps } from '../platform/context';
import { conflict } from '../platform/errors';
import { insertUser } from './auth.repository';
import { stageEmailVerification } from './email-tokens';
import { hashPassword } from './passwords';
import { issueSession, type IssuedSession } from './session';
import { toUser } from './user.mapper';

/** Creates the account, stages its verification email (same transaction) and signs the user in. */
export async function register(deps: CoreDeps, input: Register): Promise<IssuedSession> {
  const passwordHash = await hashPassword(input.password);
  const row = await deps.db.transaction(async (tx) => {
    const created = await insertUser(tx, { email: input.email, name: input.name, passwordHash });
    if (created) await stageEmailVerification(deps, tx, created);
    return created;
  });
  if (!row) throw conflict('An account with this email already exists');
  return issueSession(deps, toUser(row), false);
}
