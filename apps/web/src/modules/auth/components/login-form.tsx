'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { Login } from '@teamflow/contracts/auth';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { applyApiErrors } from '@/lib/apply-api-field-errors';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { TextField } from '@/modules/ui/components/text-field';
import { useSignIn } from '../hooks/use-auth-mutations';
import { useRedirectAfterSignIn } from '../hooks/use-redirect-after-sign-in';
import { googleSignInFailureMessage } from '../google-sign-in-failure';
import { AuthCard } from './auth-card';
import { GoogleSignInLink } from './google-sign-in-link';

export function LoginForm() {
  const { nextPath, checking } = useRedirectAfterSignIn();
  const signIn = useSignIn();
  // Set by the api when a Google sign-in comes back without a session.
  const googleFailure = googleSignInFailureMessage(useSearchParams().get('signInError'));
  const form = useForm({
    resolver: zodResolver(Login),
    defaultValues: { email: '', password: '', rememberMe: false },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await signIn.mutateAsync(values);
    } catch (error) {
      applyApiErrors(error, form.setError, ['email', 'password']);
    }
  });

  const signupHref = `/signup?next=${encodeURIComponent(nextPath)}`;
  return (
    <AuthCard title="Sign in" footer={<Link href={signupHref}>New to TeamFlow? Create an account</Link>}>
      {checking ? (
        <SkeletonList rows={2} label="Checking your session" />
      ) : (
        <div className="flex flex-col gap-4">
          <FormError message={googleFailure} />
          <GoogleSignInLink nextPath={nextPath} />
          <form onSubmit={(event) => void onSubmit(event)} noValidate className="flex flex-col gap-4">
            <TextField
              label="Email"
              type="email"
              autoComplete="email"
              error={errors.email?.message}
              {...form.register('email')}
            />
            <TextField
              label="Password"
              type="password"
              autoComplete="current-password"
              error={errors.password?.message}
              {...form.register('password')}
            />
            <div className="flex flex-wrap items-center justify-between gap-2">
              <label className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
                <input type="checkbox" {...form.register('rememberMe')} /> Keep me signed in for 30 days
              </label>
              <Link
                href="/forgot-password"
                className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300"
              >
                Forgot password?
              </Link>
            </div>
            <FormError message={errors.root?.message} />
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? 'Signing in…' : 'Sign in'}
            </Button>
          </form>
        </div>
      )}
    </AuthCard>
  );
}
