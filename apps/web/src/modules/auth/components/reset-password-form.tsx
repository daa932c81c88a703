'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { ResetPassword } from '@teamflow/contracts/auth';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { isApiError } from '@/lib/api-error';
import { applyApiErrors } from '@/lib/apply-api-field-errors';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { TextField } from '@/modules/ui/components/text-field';
import { useResetPassword } from '../hooks/use-auth-mutations';
import { AuthCard } from './auth-card';

const NewPasswordForm = ResetPassword.pick({ password: true })
  .extend({ confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The passwords do not match' });

/** The page the reset email links to: /reset-password?token=… */
export function ResetPasswordForm() {
  const token = useSearchParams().get('token') ?? '';
  const reset = useResetPassword();
  const form = useForm({
    resolver: zodResolver(NewPasswordForm),
    defaultValues: { password: '', confirm: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ password }) => {
    try {
      await reset.mutateAsync({ token, password });
    } catch (error) {
      // A spent or expired link comes back as a 400 on `token`, which has no input here.
      const tokenError = isApiError(error) && error.fieldErrors.find((e) => e.field === 'token');
      if (tokenError) form.setError('root', { type: 'server', message: tokenError.message });
      else applyApiErrors(error, form.setError, ['password']);
    }
  });

  if (!token)
    return (
      <AuthCard title="Reset your password" footer={<Link href="/login">Back to sign in</Link>}>
        <p role="alert" className="text-sm text-slate-700 dark:text-slate-300">
          This page needs the link from your reset email.{' '}
          <Link href="/forgot-password" className="font-medium text-indigo-700 dark:text-indigo-300">
            Ask for a new link
          </Link>
          .
        </p>
      </AuthCard>
    );

  return (
    <AuthCard title="Choose a new password" footer={<Link href="/login">Back to sign in</Link>}>
      {reset.isSuccess ? (
        <div role="status" className="flex flex-col gap-3 text-sm text-slate-700 dark:text-slate-300">
          <p>Your password has been changed. Every session was signed out: sign in with the new password.</p>
          <Link
            href="/login"
            className="rounded-md bg-indigo-600 px-3 py-2 text-center font-medium text-white hover:bg-indigo-500"
          >
            Sign in
          </Link>
        </div>
      ) : (
        <form onSubmit={(event) => void onSubmit(event)} noValidate className="flex flex-col gap-4">
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            hint="At least 8 characters, with a letter and a digit."
            error={errors.password?.message}
            {...form.register('password')}
          />
          <TextField
            label="Repeat the new password"
            type="password"
            autoComplete="new-password"
            error={errors.confirm?.message}
            {...form.register('confirm')}
          />
          <FormError message={errors.root?.message} />
          {errors.root ? (
            <Link
              href="/forgot-password"
              className="text-sm font-medium text-indigo-700 dark:text-indigo-300"
            >
              Ask for a new link
            </Link>
          ) : null}
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? 'Saving…' : 'Set new password'}
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
