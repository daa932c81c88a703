'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { apiDownload, apiRequest, endSession } from '@/lib/api-client';
import { ApiError } from '@/lib/api-error';
import { Button } from '@/modules/ui/components/button';
import { TextField } from '@/modules/ui/components/text-field';
import { showToast } from '@/modules/ui/toast';

async function downloadMyData() {
  const blob = await apiDownload('/me/export');
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = 'teamflow-account.json';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Profile → Your data: take everything with you, or delete the account (with the password). */
export function YourDataPage() {
  const router = useRouter();
  const [password, setPassword] = useState('');
  const remove = useMutation({
    mutationFn: () => apiRequest('DELETE', '/me', { body: { password } }),
    onSuccess: () => {
      endSession();
      router.replace('/login');
    },
  });
  const error = remove.error instanceof ApiError ? remove.error : undefined;

  return (
    <main className="mx-auto flex w-full max-w-2xl flex-col gap-6 p-4 sm:p-6">
      <h1 className="text-2xl font-semibold">Your data</h1>
      <section aria-labelledby="download-data" className="flex flex-col gap-2">
        <h2 id="download-data" className="text-lg font-semibold">
          Download your data
        </h2>
        <p className="text-sm">
          One JSON file with everything you own or wrote: profile, memberships, tasks you created, comments,
          notifications, your work log and what was made of it.
        </p>
        <div>
          <Button
            variant="secondary"
            onClick={() =>
              void downloadMyData().catch((e: Error) => showToast({ tone: 'error', title: e.message }))
            }
          >
            Download my data
          </Button>
        </div>
      </section>
      <section
        aria-labelledby="delete-account"
        className="flex flex-col gap-3 rounded-xl border border-rose-300 p-4 dark:border-rose-800"
      >
        <h2 id="delete-account" className="text-lg font-semibold">
          Delete your account
        </h2>
        <div className="text-sm">
          <p className="font-medium">What goes, at once and for good:</p>
          <ul className="list-disc pl-5">
            <li>your work log, its analysis and exports</li>
            <li>your sign-in, sessions and tokens, notifications and preferences</li>
            <li>your memberships (a workspace where you are alone is deleted with you)</li>
          </ul>
          <p className="mt-2 font-medium">What stays, for your teams:</p>
          <ul className="list-disc pl-5">
            <li>tasks you created and comments you wrote, shown as by “Deleted user”</li>
          </ul>
          <p className="mt-2">
            If you are the last owner of a workspace with other members, make someone else an owner first.
          </p>
        </div>
        <form
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            remove.mutate();
          }}
        >
          <TextField
            label="Your password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={error?.status === 400 ? 'That is not your password.' : undefined}
            required
          />
          {error?.status === 409 ? (
            <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">
              {error.message}
            </p>
          ) : null}
          <div>
            <Button variant="danger" type="submit" disabled={remove.isPending || !password}>
              Delete my account
            </Button>
          </div>
        </form>
      </section>
    </main>
  );
}
