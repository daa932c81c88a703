import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { eicarTestFile, startClamd, type LocalClamd } from '@teamflow/local-services';
import { storageKeyFor } from '@teamflow/core/attachments/attachment.mapper';
import { stageJob } from '@teamflow/core/jobs/job-outbox.repository';
import { closeObjectStorage, objectStorage } from '@teamflow/core/platform/object-storage';
import { scanAttachmentJob } from '@teamflow/queue/jobs';
import { isolatedSuite, startJobPipeline, until } from './support';

/**
 * A pending attachment scanned through the real pipeline: job outbox → relay → BullMQ (files
 * queue) → the worker's handler → clamd (started here with the repo's signatures) and the run's
 * s3rver. Infected bytes leave the bucket; the row says so.
 */
let suite: Awaited<ReturnType<typeof isolatedSuite>>;
let clamd: LocalClamd;
let pipeline: ReturnType<typeof startJobPipeline>;
let env: Awaited<ReturnType<typeof isolatedSuite>>['env'] & { CLAMAV_HOST: string; CLAMAV_PORT: number };

beforeAll(async () => {
  suite = await isolatedSuite('wscan');
  clamd = await startClamd();
  env = { ...suite.env, CLAMAV_HOST: clamd.host, CLAMAV_PORT: clamd.port };
  pipeline = startJobPipeline(suite.db.db, env);
}, 60_000);

afterAll(async () => {
  await pipeline.stop();
  closeObjectStorage(env);
  await clamd.close();
  await suite.db.close();
  await suite.drop();
});

it('quarantines an infected pending attachment and clears a clean one', async () => {
  const q = (text: string, params: unknown[]) => suite.db.pool.query(text, params);
  const tag = randomUUID().slice(0, 8);
  const user = (
    await q(`insert into users (email, name) values ($1, 'Ada') returning id`, [`a-${tag}@example.test`])
  ).rows[0] as { id: string };
  const ws = (
    await q(`insert into workspaces (name, slug, created_by) values ('W', $1, $2) returning id`, [
      `w-${tag}`,
      user.id,
    ])
  ).rows[0] as { id: string };
  const project = (
    await q(
      `insert into projects (workspace_id, key, name, created_by) values ($1, 'FILES', 'Files', $2) returning id`,
      [ws.id, user.id],
    )
  ).rows[0] as { id: string };
  const task = (
    await q(
      `insert into tasks (workspace_id, project_id, number, title, position, created_by)
       values ($1, $2, 1, 'Files', 1, $3) returning id`,
      [ws.id, project.id, user.id],
    )
  ).rows[0] as { id: string };

  const storage = objectStorage(env);
  const pending = async (content: Buffer) => {
    const id = randomUUID();
    const key = storageKeyFor(ws.id, id);
    await storage.put(key, () => Readable.from([content]), content.length, 'text/plain');
    await q(
      `insert into attachments (id, workspace_id, task_id, uploader_id, file_name, content_type, size, storage_key, scan_status)
       values ($1, $2, $3, $4, 'f.txt', 'text/plain', $5, $6, 'pending')`,
      [id, ws.id, task.id, user.id, content.length, key],
    );
    await stageJob(suite.db.db, scanAttachmentJob, { attachmentId: id });
    return { id, key };
  };
  const infected = await pending(eicarTestFile());
  const clean = await pending(Buffer.from('quarterly numbers'));

  const statusOf = async (id: string) =>
    (await q(`select scan_status, threat from attachments where id = $1`, [id])).rows[0] as {
      scan_status: string;
      threat: string | null;
    };
  await until(
    async () => (await statusOf(infected.id)).scan_status === 'infected',
    20_000,
    'the infected scan',
  );
  await until(async () => (await statusOf(clean.id)).scan_status === 'clean', 20_000, 'the clean scan');
  expect((await statusOf(infected.id)).threat).toBe('Eicar-Test-Signature');
  expect(await storage.get(infected.key)).toBeUndefined();
  const kept = await storage.get(clean.key);
  expect(kept).toBeDefined();
  kept!.body.destroy();
});
