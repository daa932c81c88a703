'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { Register } from '@teamflow/contracts/auth';
import Link from 'next/link';
import { useForm } from 'react-hook-form';
import { applyApiErrors } from '@/lib/apply-api-field-errors';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { TextField } from '@/modules/ui/components/text-field';
import { useSignUp } from '../hooks/use-auth-mutations';
import { useRedirectAfterSignIn } from '../hooks/use-redirect-after-sign-in';
import { AuthCard } from './auth-card';
import { GoogleSignInLink } from './google-sign-in-link';

export function SignupForm() {
  const { nextPath, checking } = useRedirectAfterSignIn();
  const signUp = useSignUp();
  const form = useForm({
    resolver: zodResolver(Register),
    defaultValues: { name: '', email: '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await signUp.mutateAsync(values);
    } catch (error) {
      applyApiErrors(error, form.setError, ['name', 'email', 'password']);
    }
  });

  const loginHref = `/login?next=${encodeURIComponent(nextPath)}`;
  return (
    <AuthCard
      title="Create your account"
      footer={<Link href={loginHref}>Already have an account? Sign in</Link>}
    >
      {checking ? (
        <SkeletonList rows={3} label="Checking your session" />
      ) : (
        <div className="flex flex-col gap-4">
          <GoogleSignInLink nextPath={nextPath} />
          <form onSubmit={(event) => void onSubmit(event)} noValidate className="flex flex-col gap-4">
            <TextField
              label="Name"
              autoComplete="name"
              error={errors.name?.message}
              {...form.register('name')}
            />
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
              autoComplete="new-password"
              hint="At least 8 characters, with a letter and a digit."
              error={errors.password?.message}
              {...form.register('password')}
            />
            <FormError message={errors.root?.message} />
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? 'Creating account…' : 'Create account'}
            </Button>
          </form>
        </div>
      )}
    </AuthCard>
  );
}
