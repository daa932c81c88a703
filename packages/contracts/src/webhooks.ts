import { z } from 'zod';
import { Id, page, PageQuery, Timestamp } from './common';
import type { EventType } from './events';

/**
 * The public names outgoing webhooks subscribe to (API.md, "Files, webhooks and integrations").
 * Stable: they are what receivers switch on, whatever our internal event types are called.
 */
export const WEBHOOK_EVENTS = [
  'task.created',
  'task.updated',
  'task.moved',
  'task.deleted',
  'comment.created',
  'sprint.updated',
  'status_update.posted',
  'blocker.updated',
  'incident.updated',
  'decision.updated',
] as const;
export const WebhookEventName = z.enum(WEBHOOK_EVENTS);
export type WebhookEventName = z.infer<typeof WebhookEventName>;

/**
 * Which internal event (contracts/events.ts) goes out under which public name; an event not
 * listed here never leaves the system.
 */
export const PUBLIC_EVENT_NAMES: Partial<Record<EventType, WebhookEventName>> = {
  TASK_CREATED: 'task.created',
  TASK_UPDATED: 'task.updated',
  TASK_MOVED: 'task.moved',
  TASK_DELETED: 'task.deleted',
  COMMENT_CREATED: 'comment.created',
  SPRINT_UPDATED: 'sprint.updated',
  // Without the author's mood: the event carries the public form of the update.
  STATUS_UPDATE_POSTED: 'status_update.posted',
  BLOCKER_UPDATED: 'blocker.updated',
  INCIDENT_UPDATED: 'incident.updated',
  DECISION_UPDATED: 'decision.updated',
};

/** Version of the `{type, timestamp, data}` body, sent as the `webhook-version` header. */
export const WEBHOOK_PAYLOAD_VERSION = '1';

/** What a receiver gets: the public name, when it happened, and the resource as the REST api shows it. */
export const WebhookPayload = z.object({
  type: WebhookEventName,
  timestamp: Timestamp,
  data: z.unknown(),
});
export type WebhookPayload = z.infer<typeof WebhookPayload>;

const WebhookUrl = z.url({ protocol: /^https?$/, error: 'Use an http or https URL' }).max(2000);
const Events = z
  .array(WebhookEventName)
  .min(1)
  .max(WEBHOOK_EVENTS.length)
  .transform((events) => [...new Set(events)]);

export const WebhookCreate = z.object({
  url: WebhookUrl,
  events: Events,
  description: z.string().trim().max(500).optional(),
});
export type WebhookCreate = z.infer<typeof WebhookCreate>;

export const WebhookUpdate = z
  .object({
    url: WebhookUrl.optional(),
    events: Events.optional(),
    description: z.string().trim().max(500).nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((value) => value !== undefined), { message: 'Nothing to update' });
export type WebhookUpdate = z.infer<typeof WebhookUpdate>;

export const Webhook = z.object({
  id: Id,
  workspaceId: Id,
  url: z.string(),
  events: z.array(WebhookEventName),
  description: z.string().nullable(),
  enabled: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Webhook = z.infer<typeof Webhook>;

/** Only the create answer carries the signing secret (`whsec_` + base64); it is never shown again. */
export const WebhookWithSecret = Webhook.extend({ secret: z.string() });
export type WebhookWithSecret = z.infer<typeof WebhookWithSecret>;

// Paged like every list (`PageQuery`), oldest first.
export const WebhookList = page(Webhook);
export type WebhookList = z.infer<typeof WebhookList>;

export const DeliveryStatus = z.enum(['pending', 'succeeded', 'failed']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/** One try of a delivery, as logged. */
export const DeliveryAttempt = z.object({
  at: Timestamp,
  responseStatus: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  error: z.string().nullable(),
});
export type DeliveryAttempt = z.infer<typeof DeliveryAttempt>;

export const WebhookDelivery = z.object({
  id: Id,
  webhookId: Id,
  event: WebhookEventName,
  status: DeliveryStatus,
  attempts: z.number().int(),
  /** Of the latest attempt. */
  responseStatus: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  nextAttemptAt: Timestamp.nullable(),
  createdAt: Timestamp,
  log: z.array(DeliveryAttempt),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryPage = page(WebhookDelivery);
export type WebhookDeliveryPage = z.infer<typeof WebhookDeliveryPage>;
export const WebhookDeliveryQuery = PageQuery;
export type WebhookDeliveryQuery = z.infer<typeof WebhookDeliveryQuery>;

export const WebhookParams = z.object({ webhookId: Id });
export type WebhookParams = z.infer<typeof WebhookParams>;
export const DeliveryParams = z.object({ webhookId: Id, deliveryId: Id });
export type DeliveryParams = z.infer<typeof DeliveryParams>;
export const RedeliverAccepted = z.object({ id: Id, status: DeliveryStatus });
export type RedeliverAccepted = z.infer<typeof RedeliverAccepted>;
