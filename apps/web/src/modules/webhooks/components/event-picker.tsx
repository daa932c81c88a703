'use client';

import { WEBHOOK_EVENTS, type WebhookEventName } from '@teamflow/contracts/webhooks';

/** Checkboxes for the public event names (outgoing webhooks, Slack). */
export function EventPicker({
  value,
  onChange,
  legend = 'Events',
}: {
  value: WebhookEventName[];
  onChange: (events: WebhookEventName[]) => void;
  legend?: string;
}) {
  return (
    <fieldset className="flex flex-wrap gap-3 text-sm">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {WEBHOOK_EVENTS.map((name) => (
        <label key={name} className="flex min-h-6 items-center gap-1 font-mono text-xs">
          <input
            type="checkbox"
            checked={value.includes(name)}
            onChange={(e) => onChange(e.target.checked ? [...value, name] : value.filter((n) => n !== name))}
          />
          {name}
        </label>
      ))}
    </fieldset>
  );
}
