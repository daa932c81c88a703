import type { User, UserSummary } from '@teamflow/contracts/users';
import type { UserRow } from './auth.repository';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    avatarUrl: row.avatarUrl,
    emailVerified: row.emailVerifiedAt !== null,
    timeZone: row.timeZone,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toUserSummary(row: Pick<UserRow, 'id' | 'name' | 'email' | 'avatarUrl'>): UserSummary {
  return { id: row.id, name: row.name, email: row.email, avatarUrl: row.avatarUrl };
}
