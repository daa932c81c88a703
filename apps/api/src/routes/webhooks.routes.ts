import type { Router } from 'express';
import { ErrorResponse, PageQuery, WorkspaceParams } from '@teamflow/contracts/common';
import {
  DeliveryParams,
  RedeliverAccepted,
  Webhook,
  WebhookCreate,
  WebhookDeliveryPage,
  WebhookDeliveryQuery,
  WebhookList,
  WebhookParams,
  WebhookUpdate,
  WebhookWithSecret,
} from '@teamflow/contracts/webhooks';
import { createWebhook } from '@teamflow/core/webhooks/create-webhook';
import { deleteWebhook } from '@teamflow/core/webhooks/delete-webhook';
import { listDeliveries } from '@teamflow/core/webhooks/list-deliveries';
import { listWebhooks } from '@teamflow/core/webhooks/list-webhooks';
import { redeliverWebhook } from '@teamflow/core/webhooks/redeliver-webhook';
import { updateWebhook } from '@teamflow/core/webhooks/update-webhook';
import type { ApiDeps } from '../deps';
import { allow, type RouteTable } from '../http/route-table';

/** Outgoing webhooks of a workspace and their delivery log (owner, admin). */
export function webhookRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  const tag = 'Webhooks';
  table.add(router, base, {
    method: 'post',
    path: '/workspaces/:workspaceId/webhooks',
    summary: 'Create a webhook (answers with its signing secret, once); private targets → 400',
    tag,
    access: allow('webhook.manage', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    body: WebhookCreate,
    responses: { 201: WebhookWithSecret, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, body }) => createWebhook(deps, ctx, body),
  });
  table.add(router, base, {
    method: 'get',
    path: '/workspaces/:workspaceId/webhooks',
    summary: "A workspace's webhooks, oldest first",
    tag,
    access: allow('webhook.read', 'workspace', 'workspaceId'),
    params: WorkspaceParams,
    query: PageQuery,
    responses: { 200: WebhookList, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, query }) => listWebhooks(deps, ctx, query),
  });
  table.add(router, base, {
    method: 'patch',
    path: '/webhooks/:webhookId',
    summary: 'Change a webhook (url, events, description, enabled)',
    tag,
    access: allow('webhook.manage', 'webhook', 'webhookId'),
    params: WebhookParams,
    body: WebhookUpdate,
    responses: { 200: Webhook, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, params, body }) => updateWebhook(deps, ctx, params.webhookId, body),
  });
  table.add(router, base, {
    method: 'delete',
    path: '/webhooks/:webhookId',
    summary: 'Delete a webhook and its delivery log',
    tag,
    access: allow('webhook.manage', 'webhook', 'webhookId'),
    params: WebhookParams,
    responses: { 204: null, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, params }) => deleteWebhook(deps, ctx, params.webhookId),
  });
  table.add(router, base, {
    method: 'get',
    path: '/webhooks/:webhookId/deliveries',
    summary: 'Delivery log of a webhook, newest first, with every attempt',
    tag,
    access: allow('webhook.read', 'webhook', 'webhookId'),
    params: WebhookParams,
    query: WebhookDeliveryQuery,
    responses: { 200: WebhookDeliveryPage, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, params, query }) => listDeliveries(deps, ctx, params.webhookId, query),
  });
  table.add(router, base, {
    method: 'post',
    path: '/webhooks/:webhookId/deliveries/:deliveryId/redeliver',
    summary: 'Send a delivery again (queued: 202)',
    tag,
    access: allow('webhook.manage', 'webhook', 'webhookId'),
    params: DeliveryParams,
    responses: { 202: RedeliverAccepted, 403: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, params }) => redeliverWebhook(deps, ctx, params.webhookId, params.deliveryId),
  });
}
