'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { isApiError } from '@/lib/api-error';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { useVerifyEmail } from '../hooks/use-auth-mutations';
import { AuthCard } from './auth-card';

/** The page the verification email links to: /verify-email?token=… confirms on arrival. */
export function VerifyEmail() {
  const token = useSearchParams().get('token') ?? '';
  const verify = useVerifyEmail();
  // The token works once: never send it twice (React runs effects twice in development).
  const sent = useRef(false);
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    verify.mutate({ token });
  }, [token, verify]);

  const footer = <Link href="/workspaces">Go to TeamFlow</Link>;
  if (!token || verify.isError) {
    const expired = !token || isApiError(verify.error, 400);
    return (
      <AuthCard title="Email not confirmed" footer={footer}>
        <div role="alert" className="flex flex-col gap-3 text-sm text-slate-700 dark:text-slate-300">
          <p>
            {expired
              ? 'This confirmation link is invalid, was already used, or has expired.'
              : `We could not confirm your email: ${verify.error?.message ?? 'unknown error'}`}
          </p>
          <p>
            Sign in and open{' '}
            <Link href="/profile" className="font-medium text-indigo-700 dark:text-indigo-300">
              your profile
            </Link>{' '}
            to get a new link.
          </p>
        </div>
      </AuthCard>
    );
  }
  if (verify.isSuccess)
    return (
      <AuthCard title="Email confirmed" footer={footer}>
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          Thank you, your email address is confirmed.
        </p>
      </AuthCard>
    );
  return (
    <AuthCard title="Confirming your email" footer={footer}>
      <SkeletonList rows={1} label="Confirming your email" />
    </AuthCard>
  );
}
