import type { CoreDeps } from '../../platform/context';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  markEmailVerified,
  revokeAllForUser,
  setPasswordHash,
  type UserRow,
} from '../auth.repository';
import { GoogleSignInError } from './google-sign-in.errors';
import { findIdentity, insertIdentity } from './identities.repository';

/** Who the issuer says signed in, from a validated ID token. */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  /** Lower-cased. */
  email: string;
  emailVerified: boolean;
  name: string;
}

/**
 * The account an issuer's sign-in opens, in one transaction:
 * - a subject linked before signs in to its user, whatever its email says now;
 * - otherwise only a verified email counts: it links to the account with that email, or creates one
 *   (no password; the email is verified). An unverified email never links and never creates.
 * Linking to an account whose email was never verified here hands it to the address's owner: the
 * password set by whoever registered it goes, and so do its sessions (no pre-registered takeover).
 */
export async function resolveGoogleUser(deps: CoreDeps, identity: VerifiedIdentity): Promise<UserRow> {
  return deps.db.transaction(async (tx) => {
    const linked = await findIdentity(tx, identity.issuer, identity.subject);
    if (linked) {
      const user = await findUserById(tx, linked.userId);
      if (!user)
        throw new GoogleSignInError('account_deleted', 'The account linked to this sign-in was deleted');
      return user;
    }
    if (!identity.emailVerified)
      throw new GoogleSignInError('unverified_email', 'The issuer did not verify this email address');

    let user = await findUserByEmail(tx, identity.email);
    if (user?.deletedAt) throw new GoogleSignInError('account_deleted', 'This account was deleted');
    if (user && !user.emailVerifiedAt) {
      await setPasswordHash(tx, user.id, null);
      await revokeAllForUser(tx, user.id);
      await markEmailVerified(tx, user.id);
    }
    user ??= await insertUser(tx, {
      email: identity.email,
      name: identity.name,
      passwordHash: null,
      emailVerifiedAt: new Date(),
    });
    if (!user) throw new GoogleSignInError('failed', 'The account could not be created; try again');
    await insertIdentity(tx, {
      userId: user.id,
      issuer: identity.issuer,
      subject: identity.subject,
      email: identity.email,
    });
    return (await findUserById(tx, user.id)) ?? user;
  });
}
