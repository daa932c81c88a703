import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { githubDeliveries, githubIntegrations, taskDevelopmentLinks } from '@teamflow/db/schema/index';

export type GithubIntegrationRow = typeof githubIntegrations.$inferSelect;
export type DevelopmentLinkRow = typeof taskDevelopmentLinks.$inferSelect;

export async function findGithubIntegration(
  db: DbOrTx,
  workspaceId: string,
): Promise<GithubIntegrationRow | undefined> {
  const [row] = await db
    .select()
    .from(githubIntegrations)
    .where(eq(githubIntegrations.workspaceId, workspaceId))
    .limit(1);
  return row;
}

/** The workspace's row, made (off, with this secret) on first use; an existing row is kept as it is. */
export async function ensureGithubIntegration(
  db: DbOrTx,
  workspaceId: string,
  secret: string,
): Promise<GithubIntegrationRow> {
  await db.insert(githubIntegrations).values({ workspaceId, secret }).onConflictDoNothing();
  return (await findGithubIntegration(db, workspaceId))!;
}

export async function updateGithubIntegrationRow(
  db: DbOrTx,
  workspaceId: string,
  values: Partial<Pick<GithubIntegrationRow, 'enabled' | 'secret'>>,
): Promise<GithubIntegrationRow | undefined> {
  const [row] = await db
    .update(githubIntegrations)
    .set(values)
    .where(eq(githubIntegrations.workspaceId, workspaceId))
    .returning();
  return row;
}

/** True the first time this delivery id is seen for the workspace; false for GitHub's redelivery. */
export async function recordGithubDelivery(
  db: DbOrTx,
  workspaceId: string,
  deliveryId: string,
  event: string,
): Promise<boolean> {
  const rows = await db
    .insert(githubDeliveries)
    .values({ workspaceId, deliveryId, event })
    .onConflictDoNothing()
    .returning({ deliveryId: githubDeliveries.deliveryId });
  return rows.length === 1;
}

export type KeyedTask = {
  id: string;
  key: string;
  projectId: string;
  status: string;
  version: number;
};

/** The live tasks of this workspace with these keys (`TF-12`); keys of other workspaces find nothing. */
export async function tasksByKeys(db: DbOrTx, workspaceId: string, keys: string[]): Promise<KeyedTask[]> {
  if (keys.length === 0) return [];
  const result = await db.execute<KeyedTask>(sql`
    select t.id, p.key || '-' || t.number as key, t.project_id as "projectId", t.status, t.version
    from tasks t join projects p on p.id = t.project_id
    where t.workspace_id = ${workspaceId} and t.deleted_at is null and p.deleted_at is null
      and p.key || '-' || t.number in (${sql.join(
        keys.map((k) => sql`${k}`),
        sql`, `,
      )})
    order by t.id
    for update of t`);
  return result.rows;
}

/**
 * Links a commit or pull request to a task, or refreshes the link (a pull request's title and state
 * change over its life). Returns the row only when something changed, so a repeat emits nothing.
 */
export async function upsertDevelopmentLink(
  db: DbOrTx,
  values: typeof taskDevelopmentLinks.$inferInsert,
): Promise<DevelopmentLinkRow | undefined> {
  const [row] = await db
    .insert(taskDevelopmentLinks)
    .values(values)
    .onConflictDoUpdate({
      target: [
        taskDevelopmentLinks.taskId,
        taskDevelopmentLinks.kind,
        taskDevelopmentLinks.repository,
        taskDevelopmentLinks.ref,
      ],
      set: {
        title: values.title,
        url: values.url,
        state: values.state ?? null,
        author: values.author ?? null,
        updatedAt: new Date(),
      },
      setWhere: sql`(${taskDevelopmentLinks.title}, ${taskDevelopmentLinks.url}, ${taskDevelopmentLinks.state}, ${taskDevelopmentLinks.author})
        is distinct from (${values.title}, ${values.url}, ${values.state ?? null}::text, ${values.author ?? null}::text)`,
    })
    .returning();
  return row;
}

/**
 * A task's commits and pull requests, oldest first, keyset by (created_at, id); `cursorAt` is
 * created_at to the microsecond (a JS Date would cut it and repeat rows).
 */
export async function listDevelopmentLinkRows(
  db: DbOrTx,
  taskId: string,
  page: { limit: number; after?: { createdAt: string; id: string } },
): Promise<(DevelopmentLinkRow & { cursorAt: string })[]> {
  const { after } = page;
  const rows = await db
    .select({
      link: taskDevelopmentLinks,
      cursorAt: sql<string>`to_json(${taskDevelopmentLinks.createdAt}) #>> '{}'`,
    })
    .from(taskDevelopmentLinks)
    .where(
      and(
        eq(taskDevelopmentLinks.taskId, taskId),
        after &&
          sql`(${taskDevelopmentLinks.createdAt}, ${taskDevelopmentLinks.id}) > (${after.createdAt}::timestamptz, ${after.id}::uuid)`,
      ),
    )
    .orderBy(asc(taskDevelopmentLinks.createdAt), asc(taskDevelopmentLinks.id))
    .limit(page.limit);
  return rows.map((r) => ({ ...r.link, cursorAt: r.cursorAt }));
}
