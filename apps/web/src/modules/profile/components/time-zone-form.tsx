'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { TimeZone } from '@teamflow/contracts/time-zones';
import type { User } from '@teamflow/contracts/users';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { applyApiErrors } from '@/lib/apply-api-field-errors';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { TimeZonePicker } from '@/modules/ui/components/time-zone-picker';
import { showToast } from '@/modules/ui/toast';
import { useUpdateProfile } from '../hooks/use-profile';

const TimeZoneChoice = z.object({ timeZone: TimeZone });

/** The user's own zone: "today", due dates turning overdue, the calendar and check-in days follow it. */
export function TimeZoneForm({ user }: { user: User }) {
  const update = useUpdateProfile();
  const form = useForm({ resolver: zodResolver(TimeZoneChoice), defaultValues: { timeZone: user.timeZone } });
  const { errors, isSubmitting, isDirty } = form.formState;

  const onSubmit = form.handleSubmit(async ({ timeZone }) => {
    try {
      const { user: saved } = await update.mutateAsync({ timeZone });
      form.reset({ timeZone: saved.timeZone });
      showToast({ tone: 'success', title: 'Time zone saved', description: saved.timeZone });
    } catch (error) {
      applyApiErrors(error, form.setError, ['timeZone']);
    }
  });

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label="Your time zone"
      className="flex max-w-md flex-col gap-3"
    >
      <Controller
        control={form.control}
        name="timeZone"
        render={({ field }) => (
          <TimeZonePicker
            label="Time zone"
            value={field.value}
            onChange={field.onChange}
            error={errors.timeZone?.message}
            hint="Today, overdue dates, the calendar and your check-in days follow this zone."
          />
        )}
      />
      <FormError message={errors.root?.message} />
      <div className="flex gap-2">
        <Button type="submit" disabled={!isDirty || isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save time zone'}
        </Button>
        {isDirty ? (
          <Button variant="ghost" onClick={() => form.reset({ timeZone: user.timeZone })}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
