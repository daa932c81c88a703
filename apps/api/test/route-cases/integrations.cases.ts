import { freshDelivery, freshWebhook, id, taskWithCommit, WEBHOOK_URL } from '../scene-fixtures';
import { only, task, ws, type RouteCase } from './route-case';

/** Integrations: webhooks, GitHub and Slack. */
export const INTEGRATION_CASES: Record<string, RouteCase> = {
  // Webhooks (the matrix's api refuses private targets: a public address that is never called)
  'POST /api/v1/workspaces/:workspaceId/webhooks': {
    prepare: (s) => Promise.resolve({ params: ws(s), body: { url: WEBHOOK_URL, events: ['task.created'] } }),
  },
  'GET /api/v1/workspaces/:workspaceId/webhooks': only(ws),
  'PATCH /api/v1/webhooks/:webhookId': {
    prepare: async (s) => ({ params: { webhookId: id(await freshWebhook(s)) }, body: { enabled: false } }),
  },
  'DELETE /api/v1/webhooks/:webhookId': {
    prepare: async (s) => ({ params: { webhookId: id(await freshWebhook(s)) } }),
  },
  'GET /api/v1/webhooks/:webhookId/deliveries': {
    prepare: async (s) => ({ params: { webhookId: id(await freshWebhook(s)) } }),
  },
  'POST /api/v1/webhooks/:webhookId/deliveries/:deliveryId/redeliver': {
    prepare: async (s) => {
      const webhookId = id(await freshWebhook(s));
      return { params: { webhookId, deliveryId: await freshDelivery(s, webhookId) } };
    },
  },

  // GitHub and Slack
  'GET /api/v1/workspaces/:workspaceId/integrations/github': only(ws),
  'PUT /api/v1/workspaces/:workspaceId/integrations/github': {
    prepare: (s) => Promise.resolve({ params: ws(s), body: { enabled: true } }),
  },
  'POST /api/v1/workspaces/:workspaceId/integrations/github/rotate-secret': only(ws),
  'GET /api/v1/workspaces/:workspaceId/integrations/slack': only(ws),
  'PUT /api/v1/workspaces/:workspaceId/integrations/slack': {
    prepare: (s) =>
      Promise.resolve({
        params: ws(s),
        body: { botToken: 'xoxb-1234-5678-abcdefgh', channel: '#team', events: ['task.created'] },
      }),
  },
  'GET /api/v1/tasks/:taskId/development': {
    prepare: async (s) => {
      await taskWithCommit(s);
      return { params: task(s) };
    },
  },
};
