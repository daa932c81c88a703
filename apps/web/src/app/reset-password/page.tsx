import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ResetPasswordForm } from '@/modules/auth/components/reset-password-form';

export const metadata: Metadata = { title: 'Reset password · TeamFlow' };

export default function ResetPasswordPage() {
  return (
    <Suspense>
      <ResetPasswordForm />
    </Suspense>
  );
}
