import { providerChain, runWithFallback } from '@teamflow/ai/ai-chain';
import { AiError } from '@teamflow/ai/provider';
import type { Digest, DigestProvider, DigestSections } from '@teamflow/contracts/digests';
import type { DbOrTx } from '@teamflow/db/client';
import { meteredCallOptions } from '../ai/metered-call-options';
import { settingsOf } from '../check-ins/check-in-settings';
import { whoCheckedIn } from '../check-ins/get-check-ins-today';
import { toDecisionRef } from '../decisions/decision.mapper';
import { decisionsAcceptedBetween } from '../decisions/decisions.repository';
import { emitEvent } from '../events/emit-event';
import { claimStagedJob } from '../jobs/staged-job-outcome';
import type { CoreDeps } from '../platform/context';
import { endOfLocalDay, startOfLocalDay } from '../platform/local-dates';
import { loadStatusUpdateRefs, toPublicStatusUpdate } from '../status-updates/status-update.mapper';
import { listStatusUpdateRows } from '../status-updates/status-updates.repository';
import { alertMoodTrend } from './alert-mood-trend';
import { moodAverage, templateSummary } from './compose-digest';
import { stageDigestEmails } from './stage-digest-emails';
import { toDigest } from './digest.mapper';
import {
  dayCounts,
  digestBacklog,
  findDailySummary,
  insertDailySummaryOnce,
  replaceDailySummary,
  tasksCompletedBetween,
  workspaceName,
  workspaceZone as zoneOf,
} from './digests.repository';

/** The sections of a workspace's day (its own zone). Moods are only counted, never listed. */
export async function digestSections(db: DbOrTx, workspaceId: string, date: string): Promise<DigestSections> {
  const zone = await zoneOf(db, workspaceId);
  const start = startOfLocalDay(date, zone);
  const end = endOfLocalDay(date, zone);
  const rows = await listStatusUpdateRows(db, workspaceId, { date }, { limit: 500 });
  const refs = await loadStatusUpdateRefs(db, workspaceId, rows);
  const who = await whoCheckedIn(db, workspaceId, date);
  const moods = rows.map((r) => r.mood).filter((m): m is number => m !== null);
  const counts = await dayCounts(db, workspaceId, start, end);
  return {
    updates: rows.reverse().map((r) => toPublicStatusUpdate(r, refs)),
    missing: who.missing,
    away: who.away,
    moodAverage: moodAverage(moods),
    moodCount: moods.length,
    blockers: counts.blockers,
    incidents: counts.incidents,
    decisions: (await decisionsAcceptedBetween(db, workspaceId, start, end)).map(toDecisionRef),
    tasksCompleted: await tasksCompletedBetween(db, workspaceId, start, end),
  };
}

/** The summary: through the AI chain (the local provider without keys), or the template. */
async function summarise(
  deps: Pick<CoreDeps, 'db' | 'env' | 'reads'>,
  workspaceId: string,
  date: string,
  sections: DigestSections,
  useAi: boolean,
): Promise<{ provider: DigestProvider; summary: string }> {
  if (!useAi) return { provider: 'template', summary: templateSummary(date, sections) };
  const input = await deps.reads.read(null, async (db) => {
    const zone = await zoneOf(db, workspaceId);
    const tasks = await digestBacklog(
      db,
      workspaceId,
      startOfLocalDay(date, zone),
      endOfLocalDay(date, zone),
    );
    return { projectName: `${await workspaceName(db, workspaceId)} on ${date}`, today: date, tasks };
  });
  // Paid calls are budgeted and recorded like every AI feature (feature `digest` in the usage report).
  const options = meteredCallOptions(deps, { workspaceId, feature: 'digest' }, 'summarize');
  const ask = (localOnly: boolean) =>
    runWithFallback(providerChain(deps.env, { localOnly }), (provider) => provider.summarize(input, options));
  try {
    const { value, source } = await ask(false).catch((error: unknown) => {
      // A spent budget is no reason to lose the AI summary: the local model is free.
      if (error instanceof AiError && error.code === 'AI_BUDGET_EXCEEDED') return ask(true);
      throw error;
    });
    const extra = [...value.highlights.map((h) => `- ${h}`), ...value.risks.map((r) => `- ⚠ ${r}`)];
    const aiText = [value.summary, ...(extra.length ? ['', ...extra] : [])].join('\n');
    return { provider: source.provider, summary: templateSummary(date, sections, aiText) };
  } catch (error) {
    if (!(error instanceof AiError)) throw error;
    // No provider could answer: the day still gets its digest, and says the template wrote it.
    return { provider: 'template', summary: templateSummary(date, sections) };
  }
}

/**
 * Makes a workspace's digest for a local date. Without `force` it is written once (the unique
 * row decides between workers and retries, and only the writer announces DIGEST_READY); with
 * `force` (regenerate) the day's one row is replaced and announced again. With the BullMQ job, its
 * staged job is claimed in the writing transaction: a regenerate that already ran replaces nothing.
 * Members who opted in get the day's digest by email once (see stageDigestEmails), whichever write
 * comes first. The day's rows are read from the replica (a digest is read on nobody's behalf and
 * tolerates its lag); whether the day has its digest is asked of the primary, so a lagging replica
 * never causes a second, paid, summary.
 */
export async function generateDigest(
  deps: Pick<CoreDeps, 'db' | 'env' | 'reads'>,
  workspaceId: string,
  date: string,
  options: { force?: boolean; job?: { id?: string } } = {},
): Promise<{ digest: Digest; written: boolean }> {
  if (!options.force) {
    const existing = await findDailySummary(deps.db, workspaceId, date);
    if (existing) return { digest: toDigest(existing), written: false };
  }
  const settings = await settingsOf(deps.db, workspaceId);
  const sections = await deps.reads.read(null, (db) => digestSections(db, workspaceId, date));
  const { provider, summary } = await summarise(deps, workspaceId, date, sections, settings.digestAi);
  const result = await deps.db.transaction(async (tx) => {
    const values = { workspaceId, date, provider, summary, sections, generatedAt: new Date() };
    const row = !(await claimStagedJob(tx, options.job?.id))
      ? undefined
      : options.force
        ? await replaceDailySummary(tx, values)
        : await insertDailySummaryOnce(tx, values);
    if (!row) return { digest: toDigest((await findDailySummary(tx, workspaceId, date))!), written: false };
    const digest = toDigest(row);
    await stageDigestEmails(tx, deps.env, digest);
    await emitEvent(
      tx,
      'DIGEST_READY',
      { workspaceId, date, provider: digest.provider, generatedAt: digest.generatedAt },
      {
        workspaceId,
        entityId: row.id,
        actor: null,
        activity: {
          entityType: 'digest',
          action: options.force ? 'regenerated' : 'generated',
          changes: { date },
        },
      },
    );
    return { digest, written: true };
  });
  if (result.written) await alertMoodTrend(deps, workspaceId, date);
  return result;
}
