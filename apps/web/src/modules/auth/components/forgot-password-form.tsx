'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { ForgotPassword } from '@teamflow/contracts/auth';
import Link from 'next/link';
import { useForm } from 'react-hook-form';
import { applyApiErrors } from '@/lib/apply-api-field-errors';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { TextField } from '@/modules/ui/components/text-field';
import { useForgotPassword } from '../hooks/use-auth-mutations';
import { AuthCard } from './auth-card';

export function ForgotPasswordForm() {
  const forgot = useForgotPassword();
  const form = useForm({ resolver: zodResolver(ForgotPassword), defaultValues: { email: '' } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await forgot.mutateAsync(values);
    } catch (error) {
      applyApiErrors(error, form.setError, ['email']);
    }
  });

  return (
    <AuthCard title="Reset your password" footer={<Link href="/login">Back to sign in</Link>}>
      {forgot.isSuccess ? (
        <div role="status" className="flex flex-col gap-3 text-sm text-slate-700 dark:text-slate-300">
          <p>
            If an account uses <strong>{forgot.variables.email}</strong>, we have sent it a link to set a new
            password. The link works once, for an hour.
          </p>
          <p>No email? Check your spam folder, or try again in a minute.</p>
          <Button variant="secondary" onClick={() => forgot.reset()}>
            Use another address
          </Button>
        </div>
      ) : (
        <form onSubmit={(event) => void onSubmit(event)} noValidate className="flex flex-col gap-4">
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Enter the email you sign in with and we will send you a link to choose a new password.
          </p>
          <TextField
            label="Email"
            type="email"
            autoComplete="email"
            error={errors.email?.message}
            {...form.register('email')}
          />
          <FormError message={errors.root?.message} />
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? 'Sending…' : 'Send reset link'}
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
