import { z } from 'zod';
import { Id, Timestamp } from './common';
import { TimeZone } from './time-zones';

export const Email = z
  .email()
  .max(254)
  .transform((v) => v.trim().toLowerCase());

export const Password = z
  .string()
  .min(8, 'Password must be at least 8 characters')
  .max(128)
  // A letter of any script (API.md: "a letter"): `пароль12` has six, though none of them is A–Z.
  .regex(/\p{L}/u, 'Password must contain a letter')
  .regex(/\d/, 'Password must contain a digit');

export const PersonName = z.string().trim().min(1).max(100);

export const User = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  avatarUrl: z.string().nullable(),
  emailVerified: z.boolean(),
  /** IANA zone: "today", check-in days and streaks are counted in it. */
  timeZone: TimeZone,
  createdAt: Timestamp,
});
export type User = z.infer<typeof User>;

/** What others in a workspace see of a user. */
export const UserSummary = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  avatarUrl: z.string().nullable(),
});
export type UserSummary = z.infer<typeof UserSummary>;
