'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { AwayForm } from '@/modules/async-updates/components/away-form';
import { useSession } from '@/modules/auth/hooks/use-session';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { useResendVerification } from '../hooks/use-profile';
import { ChangePasswordFormSection } from './change-password-form';
import { ProfileNameForm } from './profile-name-form';
import { TimeZoneForm } from './time-zone-form';

/**
 * More account settings, each a page of its own, linked from the profile. Add new ones here
 * (one line each) rather than growing this page.
 */
const SETTINGS_PAGES: { href: string; title: string; description: string }[] = [
  {
    href: '/profile/notifications',
    title: 'Notification preferences',
    description: 'Which events reach you in the app and by email.',
  },
  {
    href: '/profile/data',
    title: 'Your data',
    description: 'Download everything you own or wrote, or delete your account.',
  },
  {
    href: '/profile/access',
    title: 'API tokens and calendar',
    description: 'Tokens for scripts, and the link that puts your due tasks in your calendar.',
  },
];

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section
      aria-labelledby={id}
      className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id={id} className="mb-4 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function EmailStatus({ email, verified }: { email: string; verified: boolean }) {
  const resend = useResendVerification();
  return (
    <div className="flex flex-col gap-3">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium break-all">{email}</span>
        {verified ? (
          <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-semibold text-emerald-800">
            Verified
          </span>
        ) : (
          <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-800">
            Not verified
          </span>
        )}
      </p>
      {verified ? null : resend.isSuccess ? (
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          We sent a new confirmation link to {email}. Earlier links no longer work.
        </p>
      ) : (
        <div className="flex flex-col items-start gap-2">
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Confirm your address so that invitations and password resets reach you.
          </p>
          <Button variant="secondary" disabled={resend.isPending} onClick={() => resend.mutate()}>
            {resend.isPending ? 'Sending…' : 'Resend verification email'}
          </Button>
          <FormError message={resend.error?.message} />
        </div>
      )}
    </div>
  );
}

export function ProfilePage() {
  const session = useSession();
  return (
    <main className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">Your profile</h1>
      {session.status !== 'signed-in' ? (
        <SkeletonList rows={3} label="Loading your profile" />
      ) : (
        <>
          <Section id="profile-name" title="Profile">
            <ProfileNameForm key={session.user.name} user={session.user} />
          </Section>
          <Section id="profile-email" title="Email">
            <EmailStatus email={session.user.email} verified={session.user.emailVerified} />
          </Section>
          <Section id="profile-time-zone" title="Time zone">
            <TimeZoneForm key={session.user.timeZone} user={session.user} />
          </Section>
          <Section id="profile-away" title="Time off">
            <AwayForm />
          </Section>
          <Section id="profile-password" title="Password">
            <ChangePasswordFormSection />
          </Section>
          <Section id="profile-more" title="More settings">
            <ul className="flex flex-col divide-y divide-slate-200 dark:divide-slate-700">
              {SETTINGS_PAGES.map((page) => (
                <li key={page.href} className="py-2">
                  <Link
                    href={page.href}
                    className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
                  >
                    {page.title}
                  </Link>
                  <p className="text-sm text-slate-600 dark:text-slate-400">{page.description}</p>
                </li>
              ))}
            </ul>
          </Section>
        </>
      )}
    </main>
  );
}
