import type { Metadata } from 'next';
import { Suspense } from 'react';
import { VerifyEmail } from '@/modules/auth/components/verify-email';

export const metadata: Metadata = { title: 'Confirm email · TeamFlow' };

export default function VerifyEmailPage() {
  return (
    <Suspense>
      <VerifyEmail />
    </Suspense>
  );
}
