import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { slackIntegrations } from '@teamflow/db/schema/index';

export type SlackIntegrationRow = typeof slackIntegrations.$inferSelect;

export async function findSlackIntegration(
  db: DbOrTx,
  workspaceId: string,
): Promise<SlackIntegrationRow | undefined> {
  const [row] = await db
    .select()
    .from(slackIntegrations)
    .where(eq(slackIntegrations.workspaceId, workspaceId))
    .limit(1);
  return row;
}

export async function saveSlackIntegration(
  db: DbOrTx,
  values: Pick<SlackIntegrationRow, 'workspaceId' | 'webhookUrl' | 'botToken' | 'channel' | 'events'>,
): Promise<SlackIntegrationRow> {
  const [row] = await db
    .insert(slackIntegrations)
    .values(values)
    .onConflictDoUpdate({
      target: slackIntegrations.workspaceId,
      set: {
        webhookUrl: values.webhookUrl,
        botToken: values.botToken,
        channel: values.channel,
        events: values.events,
        updatedAt: new Date(),
      },
    })
    .returning();
  return row!;
}

/** The Slack settings of these workspaces that send at least one event (the relay matches a batch). */
export async function sendingSlackIntegrationsOf(
  db: DbOrTx,
  workspaceIds: string[],
): Promise<SlackIntegrationRow[]> {
  if (workspaceIds.length === 0) return [];
  return db
    .select()
    .from(slackIntegrations)
    .where(
      and(
        inArray(slackIntegrations.workspaceId, workspaceIds),
        sql`cardinality(${slackIntegrations.events}) > 0`,
      ),
    );
}
