import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SignupForm } from '@/modules/auth/components/signup-form';

export const metadata: Metadata = { title: 'Sign up · TeamFlow' };

export default function SignupPage() {
  return (
    <Suspense>
      <SignupForm />
    </Suspense>
  );
}
