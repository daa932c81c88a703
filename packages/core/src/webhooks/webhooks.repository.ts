import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { webhookDeliveries, webhooks } from '@teamflow/db/schema/index';

export type WebhookRow = typeof webhooks.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
type AttemptLog = DeliveryRow['log'][number];

export async function insertWebhook(db: DbOrTx, values: typeof webhooks.$inferInsert): Promise<WebhookRow> {
  const [row] = await db.insert(webhooks).values(values).returning();
  return row!;
}

export async function findWebhook(db: DbOrTx, id: string): Promise<WebhookRow | undefined> {
  const [row] = await db.select().from(webhooks).where(eq(webhooks.id, id)).limit(1);
  return row;
}

/** Oldest first, keyset by (created_at, id); `cursorAt` keeps created_at at full precision. */
export async function listWebhookRows(
  db: DbOrTx,
  workspaceId: string,
  page: { limit: number; after?: { createdAt: string; id: string } },
): Promise<(WebhookRow & { cursorAt: string })[]> {
  const { after } = page;
  const rows = await db
    .select({ webhook: webhooks, cursorAt: sql<string>`to_json(${webhooks.createdAt}) #>> '{}'` })
    .from(webhooks)
    .where(
      and(
        eq(webhooks.workspaceId, workspaceId),
        after &&
          sql`(${webhooks.createdAt}, ${webhooks.id}) > (${after.createdAt}::timestamptz, ${after.id}::uuid)`,
      ),
    )
    .orderBy(asc(webhooks.createdAt), asc(webhooks.id))
    .limit(page.limit);
  return rows.map((r) => ({ ...r.webhook, cursorAt: r.cursorAt }));
}

export async function updateWebhookRow(
  db: DbOrTx,
  id: string,
  values: Partial<Pick<WebhookRow, 'url' | 'events' | 'description' | 'enabled'>>,
): Promise<WebhookRow | undefined> {
  const [row] = await db.update(webhooks).set(values).where(eq(webhooks.id, id)).returning();
  return row;
}

export async function deleteWebhookRow(db: DbOrTx, id: string): Promise<void> {
  await db.delete(webhooks).where(eq(webhooks.id, id));
}

/** Enabled webhooks of these workspaces (the relay matches a batch of events against them). */
export async function enabledWebhooksOf(db: DbOrTx, workspaceIds: string[]): Promise<WebhookRow[]> {
  if (workspaceIds.length === 0) return [];
  return db
    .select()
    .from(webhooks)
    .where(and(inArray(webhooks.workspaceId, workspaceIds), eq(webhooks.enabled, true)));
}

export async function insertDeliveries(
  db: DbOrTx,
  values: (typeof webhookDeliveries.$inferInsert)[],
): Promise<DeliveryRow[]> {
  if (values.length === 0) return [];
  return db.insert(webhookDeliveries).values(values).returning();
}

export async function findDelivery(db: DbOrTx, id: string): Promise<DeliveryRow | undefined> {
  const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).limit(1);
  return row;
}

/** Newest first, keyset by (created_at, id); `cursorAt` keeps created_at at full precision. */
export async function listDeliveryRows(
  db: DbOrTx,
  webhookId: string,
  limit: number,
  before?: { createdAt: string; id: string },
): Promise<(DeliveryRow & { cursorAt: string })[]> {
  const conditions = [eq(webhookDeliveries.webhookId, webhookId)];
  if (before)
    conditions.push(
      sql`(${webhookDeliveries.createdAt}, ${webhookDeliveries.id}) < (${before.createdAt}::timestamptz, ${before.id}::uuid)`,
    );
  const rows = await db
    .select({
      delivery: webhookDeliveries,
      cursorAt: sql<string>`to_json(${webhookDeliveries.createdAt}) #>> '{}'`,
    })
    .from(webhookDeliveries)
    .where(and(...conditions))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.delivery, cursorAt: r.cursorAt }));
}

/** Records one attempt: its outcome joins the log, and the delivery's state follows it. */
export async function recordAttempt(
  db: DbOrTx,
  id: string,
  attempt: AttemptLog,
  next: { status: DeliveryRow['status']; nextAttemptAt: Date | null },
): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({
      status: next.status,
      nextAttemptAt: next.nextAttemptAt,
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      responseStatus: attempt.responseStatus,
      durationMs: attempt.durationMs,
      log: sql`${webhookDeliveries.log} || ${JSON.stringify([attempt])}::jsonb`,
    })
    .where(eq(webhookDeliveries.id, id));
}

export async function markPendingAgain(db: DbOrTx, id: string): Promise<DeliveryRow | undefined> {
  const [row] = await db
    .update(webhookDeliveries)
    .set({ status: 'pending', nextAttemptAt: sql`now()` })
    .where(eq(webhookDeliveries.id, id))
    .returning();
  return row;
}
