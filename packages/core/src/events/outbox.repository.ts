import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { ActivityChange } from '@teamflow/contracts/activity';
import type { UnpublishedEvent } from '@teamflow/contracts/events';
import type { DbOrTx, Tx } from '@teamflow/db/client';

// One relay at a time across every api instance: the holder of this transaction lock publishes.
const RELAY_LOCK_KEY = 7_324_001;

/**
 * NOTIFY channel that wakes the relays. NOTIFY is transactional: it is delivered at commit, so a
 * relay woken by it sees the rows. Channels are per database, so test databases do not mix.
 */
export const OUTBOX_CHANNEL = 'teamflow_outbox';

/** The activity row an event records (workspace events: the history, and what `?since=` replays). */
export type ActivityRecord = {
  id: string;
  projectId: string | null;
  taskId: string | null;
} & ActivityChange;

export interface OutboxEntry {
  payload: UnpublishedEvent;
  activity: ActivityRecord | null;
}

/** One outbox row (and its activity's columns) as `outboxWrites` reads it from JSON. */
export function outboxRow({ payload, activity }: OutboxEntry, ord: number) {
  return {
    ord,
    workspace_id: payload.workspaceId,
    type: payload.type,
    entity_id: payload.entityId,
    actor_id: payload.actor?.id ?? null,
    payload,
    activity_id: activity?.id ?? null,
    project_id: activity?.projectId ?? null,
    task_id: activity?.taskId ?? null,
    entity_type: activity?.entityType ?? null,
    action: activity?.action ?? null,
    changes: activity?.changes ?? null,
  };
}

/** The entries as one JSON parameter (an array of rows), for `outboxWrites`. */
export const outboxRowsJson = (entries: OutboxEntry[]): string => JSON.stringify(entries.map(outboxRow));

/**
 * The CTEs (`ox`, `oa`, `oo`) that insert events and their activity rows, for ONE statement that
 * also writes the change itself (`insertTaskWithEvent`). `rows` is a jsonb array of
 * `outboxRowsJson` rows; a statement may patch in what only the database knows (a task's number).
 * Insert nothing when `rows` is null.
 */
export function outboxWrites(rows: SQL, at: Date | Placeholder): SQL {
  return sql`
    ox as (
      select * from jsonb_to_recordset(${rows}) as x(
        ord int, workspace_id uuid, type text, entity_id uuid, actor_id uuid, payload jsonb, activity_id uuid,
        project_id uuid, task_id uuid, entity_type text, action text, changes jsonb)
    ),
    oa as (
      insert into activities (id, workspace_id, project_id, task_id, entity_type, entity_id, actor_id, action, changes,
                              created_at, updated_at)
      select activity_id, workspace_id, project_id, task_id, entity_type, entity_id, actor_id, action, changes, ${at}, ${at}
      from ox where activity_id is not null
    ),
    oo as (
      insert into outbox (workspace_id, activity_id, type, entity_id, actor_id, payload, created_at, updated_at)
      select workspace_id, activity_id, type, entity_id, actor_id, payload, ${at}, ${at} from ox order by ord
    )`;
}

/** Wakes the relays at commit (NOTIFY is transactional); several in one transaction fold into one. */
export const notifyRelays = sql`pg_notify(${OUTBOX_CHANNEL}, '')`;

/**
 * Inserts events, their activity rows and the relay's wake-up in ONE statement (only
 * `emitEvent` calls this). NOTIFY is delivered at commit, so a woken relay sees the rows; several
 * in one transaction fold into one.
 */
export async function insertOutboxEntries(tx: DbOrTx, entries: OutboxEntry[], at: Date): Promise<void> {
  if (entries.length === 0) return;
  await tx.execute(sql`
    with ${outboxWrites(sql`${outboxRowsJson(entries)}::jsonb`, at)}
    select ${notifyRelays}`);
}

export interface PendingEvent {
  id: number;
  workspaceId: string;
  activityId: string | null;
  projectId: string | null;
  taskId: string | null;
  payload: UnpublishedEvent;
}

/**
 * A pass that holds the relay lock: its number (null when nothing was waiting to be published, so
 * an idle pass takes none) and the number of the last pass that committed (see `outbox_relay_pass`).
 */
export interface RelayPass {
  pass: number | null;
  lastCommitted: number;
}

/**
 * Takes the relay lock for the rest of the transaction and numbers the pass; null when another
 * relay holds the lock. (`lastCommitted` is read from the statement's snapshot, which may predate a
 * pass committed just before the lock was taken: it can look older than it is, never newer.)
 */
export async function startRelayPass(tx: Tx): Promise<RelayPass | null> {
  const result = await tx.execute<{ locked: boolean; pass: string | null; last_pass: string | null }>(sql`
    select locked,
           case when locked and exists (select from outbox where published_at is null)
             then nextval('outbox_relay_pass') end as pass,
           (select last_pass from outbox_relay_state where id = 1) as last_pass
    from (select pg_try_advisory_xact_lock(${RELAY_LOCK_KEY}) as locked) as relay_lock`);
  const row = result.rows[0];
  if (!row?.locked) return null;
  return { pass: row.pass === null ? null : Number(row.pass), lastCommitted: Number(row.last_pass ?? 0) };
}

type PendingRow = {
  id: string;
  workspace_id: string;
  activity_id: string | null;
  project_id: string | null;
  task_id: string | null;
  payload: UnpublishedEvent;
};

const toPending = (r: PendingRow): PendingEvent => ({
  id: Number(r.id),
  workspaceId: r.workspace_id,
  activityId: r.activity_id,
  projectId: r.project_id,
  taskId: r.task_id,
  payload: r.payload,
});

/** The oldest unpublished events (id order), locked until the transaction ends, with their rooms' scope. */
export async function lockPending(tx: Tx, limit: number): Promise<PendingEvent[]> {
  const result = await tx.execute<PendingRow>(sql`
    with pending as (
      select id from outbox where published_at is null order by id limit ${limit} for update skip locked
    )
    select o.id, o.workspace_id, o.activity_id, a.project_id, a.task_id, o.payload
    from outbox o join pending using (id)
    left join activities a on a.id = o.activity_id
    order by o.id`);
  return result.rows.map(toPending);
}

/** Those of `ids` still unpublished, locked, in the order given. */
export async function lockPendingByIds(tx: Tx, ids: number[]): Promise<PendingEvent[]> {
  if (ids.length === 0) return [];
  const result = await tx.execute<PendingRow>(sql`
    with pending as (
      select id from outbox where id = any(${sql.param(ids)}::bigint[]) and published_at is null for update
    )
    select o.id, o.workspace_id, o.activity_id, a.project_id, a.task_id, o.payload
    from outbox o join pending using (id)
    left join activities a on a.id = o.activity_id
    order by array_position(${sql.param(ids)}::bigint[], o.id)`);
  return result.rows.map(toPending);
}

/** Reserves `count` seqs for a workspace and returns the first; the row lock serialises writers. */
export async function reserveSeqs(tx: Tx, workspaceId: string, count: number): Promise<number> {
  const result = await tx.execute<{ last_seq: string }>(sql`
    insert into workspace_event_seq (workspace_id, last_seq) values (${workspaceId}, ${count})
    on conflict (workspace_id) do update
      set last_seq = workspace_event_seq.last_seq + ${count}, updated_at = now()
    returning last_seq`);
  return Number(result.rows[0]!.last_seq) - count + 1;
}

/**
 * Stamps seq (null for personal events) and published_at on the outbox rows, copies seq onto their
 * activity rows, and records `pass` as the last pass that committed.
 */
export async function markPublished(
  tx: Tx,
  pass: number,
  events: { id: number; seq: number | null }[],
): Promise<void> {
  const ids = events.map((e) => e.id);
  const seqs = events.map((e) => e.seq);
  await tx.execute(sql`
    with v as (select * from unnest(${sql.param(ids)}::bigint[], ${sql.param(seqs)}::bigint[]) as v(id, seq)),
    o as (
      update outbox set seq = v.seq, published_at = now(), updated_at = now()
      from v where outbox.id = v.id
      returning outbox.activity_id, outbox.seq
    ),
    a as (update activities set event_seq = o.seq from o where activities.id = o.activity_id)
    update outbox_relay_state set last_pass = ${pass}, updated_at = now() where id = 1`);
}

/** The newest seq handed out in a workspace (0 before its first event): a joining client's baseline. */
export async function currentSeq(db: DbOrTx, workspaceId: string): Promise<number> {
  const result = await db.execute<{ last_seq: string }>(
    sql`select last_seq from workspace_event_seq where workspace_id = ${workspaceId}`,
  );
  return Number(result.rows[0]?.last_seq ?? 0);
}

export interface PublishedEvent {
  id: number;
  seq: number | null;
  projectId: string | null;
  taskId: string | null;
  payload: UnpublishedEvent;
}

/** Published events after an outbox id, in id order (primary key), with their rooms' scope. */
export async function publishedAfter(db: DbOrTx, afterId: number, limit: number): Promise<PublishedEvent[]> {
  const result = await db.execute<{
    id: string;
    seq: string | null;
    project_id: string | null;
    task_id: string | null;
    payload: UnpublishedEvent;
  }>(sql`
    select o.id, o.seq, a.project_id, a.task_id, o.payload
    from outbox o left join activities a on a.id = o.activity_id
    where o.id > ${afterId} and o.published_at is not null
    order by o.id limit ${limit}`);
  return result.rows.map((r) => ({
    id: Number(r.id),
    seq: r.seq === null ? null : Number(r.seq),
    projectId: r.project_id,
    taskId: r.task_id,
    payload: r.payload,
  }));
}

/** The newest published outbox id (0 when none): where a replay would start from. */
export async function lastPublishedId(db: DbOrTx): Promise<number> {
  const result = await db.execute<{ id: string | null }>(
    sql`select max(id) as id from outbox where published_at is not null`,
  );
  return Number(result.rows[0]?.id ?? 0);
}
