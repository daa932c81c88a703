import type { Register } from '@teamflow/contracts/auth';
import type { CoreDeps } from '../platform/context';
import { conflict } from '../platform/errors';
import { insertUser } from './auth.repository';
import { hashPassword } from './passwords';
import { issueSession, type IssuedSession } from './session';
import { toUser } from './user.mapper';

export async function register(deps: CoreDeps, input: Register): Promise<IssuedSession> {
  const passwordHash = await hashPassword(input.password);
  const row = await insertUser(deps.db, { email: input.email, name: input.name, passwordHash });
  if (!row) throw conflict('An account with this email already exists');
  return issueSession(deps, toUser(row), false);
}
