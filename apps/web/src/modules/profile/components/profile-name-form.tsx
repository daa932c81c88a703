'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { UpdateProfile } from '@teamflow/contracts/auth';
import type { User } from '@teamflow/contracts/users';
import { useForm, useWatch } from 'react-hook-form';
import { applyApiErrors } from '@/lib/apply-api-field-errors';
import { initials } from '@/lib/initials';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { TextField } from '@/modules/ui/components/text-field';
import { showToast } from '@/modules/ui/toast';
import { useUpdateProfile } from '../hooks/use-profile';

export function ProfileNameForm({ user }: { user: User }) {
  const update = useUpdateProfile();
  const form = useForm({ resolver: zodResolver(UpdateProfile), defaultValues: { name: user.name } });
  const { errors, isSubmitting, isDirty } = form.formState;
  const name = useWatch({ control: form.control, name: 'name' });

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { user: saved } = await update.mutateAsync(values);
      form.reset({ name: saved.name });
      showToast({ tone: 'success', title: 'Name saved' });
    } catch (error) {
      applyApiErrors(error, form.setError, ['name']);
    }
  });

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label="Your name"
      className="flex flex-col gap-4 sm:flex-row sm:items-start"
    >
      <span
        aria-hidden
        className="flex h-16 w-16 shrink-0 items-center justify-center rounded-full bg-indigo-100 text-xl font-semibold text-indigo-800 dark:bg-indigo-900 dark:text-indigo-100"
      >
        {initials(name || user.name)}
      </span>
      <div className="flex flex-1 flex-col gap-3">
        <TextField label="Name" autoComplete="name" error={errors.name?.message} {...form.register('name')} />
        <FormError message={errors.root?.message} />
        <div className="flex gap-2">
          <Button type="submit" disabled={!isDirty || isSubmitting}>
            {isSubmitting ? 'Saving…' : 'Save name'}
          </Button>
          {isDirty ? (
            <Button variant="ghost" onClick={() => form.reset({ name: user.name })}>
              Cancel
            </Button>
          ) : null}
        </div>
      </div>
    </form>
  );
}
