import type { Env } from '@teamflow/config/env';

/** Platform admins are named by email in PLATFORM_ADMIN_EMAILS (lower-cased by the env loader). */
export function isPlatformAdmin(env: Pick<Env, 'PLATFORM_ADMIN_EMAILS'>, email: string): boolean {
  return env.PLATFORM_ADMIN_EMAILS.includes(email.toLowerCase());
}
