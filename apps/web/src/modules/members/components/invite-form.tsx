'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { InvitationCreate, InvitableRole } from '@teamflow/contracts/workspaces';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { applyApiErrors } from '@/lib/apply-api-field-errors';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { SelectField } from '@/modules/ui/components/select-field';
import { TextField } from '@/modules/ui/components/text-field';
import { useInviteMember, useMembers } from '../hooks/use-members';

const ROLE_OPTIONS = InvitableRole.options.map(
  (role) => [role, role[0]?.toUpperCase() + role.slice(1)] as const,
);

export function InviteForm({ workspaceId }: { workspaceId: string }) {
  const invite = useInviteMember(workspaceId);
  // The list the page shows (one cache entry): inviting someone already in it would make a link
  // they could only be told "already a member" at, so the form says so first.
  const members = useMembers(workspaceId);
  const [link, setLink] = useState<{ email: string; url: string }>();
  const [copied, setCopied] = useState(false);
  const form = useForm({
    resolver: zodResolver(InvitationCreate),
    defaultValues: { email: '', role: 'member' as const },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    // `values.email` is the schema's output: trimmed and lowercased, as the api stores addresses.
    if (members.data?.items.some((m) => m.user.email.toLowerCase() === values.email)) {
      form.setError('email', { message: `${values.email} is already a member of this workspace` });
      return;
    }
    try {
      const created = await invite.mutateAsync(values);
      setLink({ email: created.invitation.email, url: created.inviteUrl });
      setCopied(false);
      form.reset({ email: '', role: values.role });
    } catch (error) {
      applyApiErrors(error, form.setError, ['email', 'role']);
    }
  });

  const copy = async (url: string) => {
    await navigator.clipboard.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <div className="flex flex-col gap-4">
      <form
        onSubmit={(event) => void onSubmit(event)}
        noValidate
        className="flex flex-col gap-3 sm:flex-row sm:items-start"
      >
        <TextField
          label="Email"
          type="email"
          className="flex-1"
          error={errors.email?.message}
          {...form.register('email')}
        />
        <SelectField label="Role" options={ROLE_OPTIONS} {...form.register('role')} />
        <Button type="submit" disabled={isSubmitting} className="sm:mt-6">
          {isSubmitting ? 'Inviting…' : 'Invite'}
        </Button>
      </form>
      <FormError message={errors.root?.message} />
      {link ? (
        <div
          role="status"
          className="flex flex-col gap-2 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-950"
        >
          <p>
            Invitation sent to <strong>{link.email}</strong>. You can also share this link:
          </p>
          <div className="flex flex-col gap-2 sm:flex-row">
            <input
              readOnly
              aria-label="Invite link"
              value={link.url}
              onFocus={(event) => event.currentTarget.select()}
              className="flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-900"
            />
            <Button variant="secondary" onClick={() => void copy(link.url)}>
              {copied ? 'Copied' : 'Copy link'}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
