import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    avatarUrl: text('avatar_url'),
    // IANA zone (validated by the contract): the person's own days (check-ins, streaks, XP caps).
    timeZone: text('time_zone').notNull().default('UTC'),
    // Set by `DELETE /me`: the row stays (its tasks and comments show "Deleted user"), sign-in ends.
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    check('users_email_lowercase', sql`${t.email} = lower(${t.email})`),
  ],
);

// Only a hash of each refresh token is stored; `family_id` links a chain of rotations so that
// reuse of a rotated token can revoke the whole chain.
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: uuid('family_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    rememberMe: boolean('remember_me').notNull().default(false),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    replacedBy: uuid('replaced_by'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('refresh_tokens_token_hash_key').on(t.tokenHash),
    index('refresh_tokens_family_idx').on(t.familyId),
    index('refresh_tokens_user_idx').on(t.userId),
    index('refresh_tokens_expires_idx').on(t.expiresAt),
  ],
);

// A sign-in at an OpenID Connect issuer ("Continue with Google") bound to one user. Later sign-ins
// match on (issuer, subject), never on the email again: an address can change hands at the issuer.
export const userIdentities = pgTable(
  'user_identities',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    // The verified address the issuer vouched for when the link was made (for support, not for matching).
    email: text('email').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('user_identities_issuer_subject_key').on(t.issuer, t.subject),
    index('user_identities_user_idx').on(t.userId),
  ],
);

// A create that carried an `Idempotency-Key`, written in the create's own transaction: the record
// that survives what the Redis answer cache cannot (the process dying between the commit and
// storing the answer, Redis losing the key). Its primary key is also what serialises two copies of
// one create: the second waits for the first's transaction and then replays its resource.
export const idempotentWrites = pgTable(
  'idempotent_writes',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    keyHash: text('key_hash').notNull(),
    // Method, path and body: the same key on a different request is refused, as in Redis.
    fingerprint: text('fingerprint').notNull(),
    resourceId: uuid('resource_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.keyHash] }),
    index('idempotent_writes_created_idx').on(t.createdAt),
  ],
);
