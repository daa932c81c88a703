import { z } from 'zod';
import { TimeZone } from './time-zones';
import { Email, Password, PersonName, User } from './users';

export const Register = z.object({ email: Email, name: PersonName, password: Password });
export type Register = z.infer<typeof Register>;

export const Login = z.object({
  email: Email,
  password: z.string().min(1).max(128),
  rememberMe: z.boolean().optional().default(false),
});
export type Login = z.infer<typeof Login>;

export const AuthSession = z.object({ user: User, accessToken: z.string() });
export type AuthSession = z.infer<typeof AuthSession>;

export const AccessTokenResponse = z.object({ accessToken: z.string() });
export type AccessTokenResponse = z.infer<typeof AccessTokenResponse>;

// `platformAdmin` lets the web app offer the operations pages (Bull Board) to the people who may open them.
export const MeResponse = z.object({ user: User, platformAdmin: z.boolean() });
export type MeResponse = z.infer<typeof MeResponse>;

export const REFRESH_COOKIE = 'tf_refresh';
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

// One-time tokens sent by email: 32 random bytes, base64url.
const EmailToken = z.string().trim().min(20).max(200);

export const ForgotPassword = z.object({ email: Email });
export type ForgotPassword = z.infer<typeof ForgotPassword>;

export const ResetPassword = z.object({ token: EmailToken, password: Password });
export type ResetPassword = z.infer<typeof ResetPassword>;

export const VerifyEmail = z.object({ token: EmailToken });
export type VerifyEmail = z.infer<typeof VerifyEmail>;

export const UpdateProfile = z
  .object({ name: PersonName.optional(), timeZone: TimeZone.optional() })
  .refine((v) => v.name !== undefined || v.timeZone !== undefined, { message: 'Nothing to update' });
export type UpdateProfile = z.infer<typeof UpdateProfile>;

export const ChangePassword = z.object({
  currentPassword: z.string().min(1, 'Enter your current password').max(128),
  newPassword: Password,
});
export type ChangePassword = z.infer<typeof ChangePassword>;

// Which ways to sign in this deployment offers, so the sign-in page shows only working buttons.
export const SignInMethods = z.object({ password: z.literal(true), google: z.boolean() });
export type SignInMethods = z.infer<typeof SignInMethods>;

// Where to land after "Continue with Google": a path of the web app only (never another site).
export const GoogleSignInStart = z.object({
  next: z
    .string()
    .max(2000)
    // `/` alone or `/` and anything but a second slash or a backslash (`//host` and `/\host` leave the
    // site). Written without a lookahead so the contract fuzzer can generate values for it.
    .regex(/^\/(?:[^/\\][\s\S]*)?$/, 'A path of this app, starting with a single /')
    .optional(),
});
export type GoogleSignInStart = z.infer<typeof GoogleSignInStart>;

// Why a Google sign-in came back to the sign-in page (`/login?signInError=…`); the web words each.
export const GoogleSignInFailure = z.enum([
  // The person declined at the issuer.
  'access_denied',
  // The round trip did not match what this browser started (state, nonce, PKCE) or took too long.
  'expired',
  // The issuer did not vouch for the email address: it is never linked to an existing account.
  'unverified_email',
  // The account was deleted here.
  'account_deleted',
  // Anything else (the issuer unreachable, a refused code): try again.
  'failed',
]);
export type GoogleSignInFailure = z.infer<typeof GoogleSignInFailure>;
