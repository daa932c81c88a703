import net from 'node:net';
import { HeadObjectCommand, NotFound, S3Client } from '@aws-sdk/client-s3';
import { eicarTestFile, startClamd, type LocalClamd } from '@teamflow/local-services';
import { scanAttachment } from '@teamflow/core/attachments/scan-attachment';
import { storageKeyFor } from '@teamflow/core/attachments/attachment.mapper';
import { auth, createTeam, startApi, V1, type TeamFixture, type TestApi, type TestUser } from './harness';
import { expectPagingRefused, pageThrough } from './list-paging';
import { TINY_PNG } from './scene-fixtures';

/**
 * Attachments on the real wire: the AWS SDK against the run's s3rver (global setup) and, where a
 * scanner is configured, Debian's clamd started here with the repo's EICAR signature database.
 */
let clamd: LocalClamd;
let plain: TestApi; // no scanner configured
let scanned: TestApi; // clamd on loopback
let team: TeamFixture;

beforeAll(async () => {
  clamd = await startClamd();
  plain = await startApi();
  scanned = await startApi(clamd.env);
  team = await createTeam(plain);
}, 60_000);

afterAll(async () => {
  await plain?.close();
  await scanned?.close();
  await clamd?.close();
});

const upload = (api: TestApi, user: TestUser, content: Buffer, name: string, taskId = team.taskId) =>
  api.http().post(`${V1}/tasks/${taskId}/attachments`).set(auth(user)).attach('file', content, name);

function s3(api: TestApi) {
  const env = api.deps.env;
  return new S3Client({
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: true,
    credentials: { accessKeyId: env.S3_ACCESS_KEY_ID!, secretAccessKey: env.S3_SECRET_ACCESS_KEY! },
  });
}

async function objectExists(api: TestApi, key: string): Promise<boolean> {
  const client = s3(api);
  try {
    await client.send(new HeadObjectCommand({ Bucket: api.deps.env.S3_BUCKET, Key: key }));
    return true;
  } catch (error) {
    if (error instanceof NotFound || (error as { name?: string }).name === 'NotFound') return false;
    throw error;
  } finally {
    client.destroy();
  }
}

async function newTask(api: TestApi): Promise<string> {
  const res = await api
    .http()
    .post(`${V1}/projects/${team.projectId}/tasks`)
    .set(auth(team.users.member))
    .send({ title: 'Files go here' });
  return res.body.id;
}

describe('uploading and downloading through S3', () => {
  it('stores an image in the bucket, lists it, and streams it back as an attachment download', async () => {
    const res = await upload(plain, team.users.member, TINY_PNG, 'pixel.png');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      taskId: team.taskId,
      fileName: 'pixel.png',
      contentType: 'image/png',
      size: TINY_PNG.length,
      scanStatus: 'unscanned',
      uploadedBy: { id: team.users.member.id },
    });
    expect(await objectExists(plain, storageKeyFor(team.workspaceId, res.body.id))).toBe(true);

    const list = await plain
      .http()
      .get(`${V1}/tasks/${team.taskId}/attachments`)
      .set(auth(team.users.viewer));
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { id: string }) => a.id)).toContain(res.body.id);

    const download = await plain
      .http()
      .get(`${V1}/attachments/${res.body.id}/download`)
      .set(auth(team.users.viewer))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body as Buffer, TINY_PNG)).toBe(0);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="pixel.png"/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
  });

  it('keeps a name with folders and odd characters only as its last part, and sends it back encoded', async () => {
    const res = await upload(plain, team.users.member, Buffer.from('notes\n'), '..\\..\\etc/Prüfung 1;a.txt');
    expect(res.status).toBe(201);
    expect(res.body.fileName).toBe('Prüfung 1;a.txt');
    const download = await plain
      .http()
      .get(`${V1}/attachments/${res.body.id}/download`)
      .set(auth(team.users.member));
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Pr_fung 1;a.txt"; filename*=UTF-8''${encodeURIComponent('Prüfung 1;a.txt')}`,
    );
  });
});

/**
 * A TCP proxy in front of the run's s3rver that resets the connections `reset` picks as soon as
 * their first bytes arrive: what the api meets when the store closes a keep-alive socket just as
 * it is reused, or goes away mid-upload.
 */
async function resettingProxy(target: string, reset: (connection: number) => boolean) {
  const { port } = new URL(target);
  let connections = 0;
  const server = net.createServer((client) => {
    const n = ++connections;
    if (reset(n)) {
      client.once('data', () => client.resetAndDestroy());
      return;
    }
    const upstream = net.connect(Number(port), '127.0.0.1');
    client.pipe(upstream).pipe(client);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("listing a task's attachments", () => {
  it('pages oldest first with ?limit= and ?cursor=: every attachment once, the last page without a cursor', async () => {
    const taskId = await newTask(plain);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await upload(plain, team.users.member, Buffer.from(`notes ${i}`), `notes-${i}.txt`, taskId);
      expect(res.status).toBe(201);
      made.push(res.body.id);
    }
    // A deleted one is not listed.
    await plain.http().delete(`${V1}/attachments/${made[2]}`).set(auth(team.users.member)).expect(204);
    // Two added at the same instant (ties go by id), one a microsecond later: the cursor keeps microseconds.
    await plain.deps.pool.query(
      `update attachments set created_at = case when id = $3 then '2026-01-01T00:00:00.000201Z'::timestamptz
                                                else '2026-01-01T00:00:00.000200Z'::timestamptz end
        where id in ($1, $2, $3)`,
      [made[3], made[4], made[0]],
    );
    const { rows } = await plain.deps.pool.query<{ id: string }>(
      'select id from attachments where task_id = $1 and deleted_at is null order by created_at, id',
      [taskId],
    );
    const order = rows.map((r) => r.id);
    expect(order).toHaveLength(4);
    const path = `${V1}/tasks/${taskId}/attachments`;
    const all = await plain.http().get(path).set(auth(team.users.viewer));
    expect(all.body.items.map((a: { id: string }) => a.id)).toEqual(order);
    expect(all.body.nextCursor).toBeNull();
    for (const limit of [1, 3]) {
      const pages = await pageThrough<{ id: string }>(plain, team.users.viewer, path, limit);
      expect(pages.flatMap((p) => p.items.map((a) => a.id))).toEqual(order);
      expect(pages).toHaveLength(Math.ceil(4 / limit));
      expect(pages.at(-1)!.nextCursor).toBeNull();
    }
    // Members page by (joined, id): a cursor of the same shape that is still not this list's.
    const members = await plain
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/members?limit=1`)
      .set(auth(team.users.viewer));
    await expectPagingRefused(plain, team.users.viewer, path, members.body.nextCursor);
  });
});

describe('when the store drops the connection', () => {
  it('sends the file again from its start after a reset mid-upload, and stores it once', async () => {
    const proxy = await resettingProxy(plain.deps.env.S3_ENDPOINT!, (n) => n === 1);
    const api = await startApi({ S3_ENDPOINT: proxy.url });
    try {
      const res = await upload(api, team.users.member, TINY_PNG, 'retried.png');
      expect(res.status).toBe(201);
      expect(proxy.connections()).toBeGreaterThanOrEqual(2);
      expect(await objectExists(plain, storageKeyFor(team.workspaceId, res.body.id))).toBe(true);
      const list = await plain
        .http()
        .get(`${V1}/tasks/${team.taskId}/attachments`)
        .set(auth(team.users.member));
      expect(list.body.items.filter((a: { fileName: string }) => a.fileName === 'retried.png')).toHaveLength(
        1,
      );
    } finally {
      await api.close();
      await proxy.close();
    }
  });

  it('answers 503 in the error shape when every attempt is reset, and keeps no attachment', async () => {
    const proxy = await resettingProxy(plain.deps.env.S3_ENDPOINT!, () => true);
    const api = await startApi({ S3_ENDPOINT: proxy.url });
    try {
      const res = await upload(api, team.users.member, TINY_PNG, 'never-stored.png');
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(proxy.connections()).toBe(3);
      const list = await plain
        .http()
        .get(`${V1}/tasks/${team.taskId}/attachments`)
        .set(auth(team.users.member));
      expect(list.body.items.some((a: { fileName: string }) => a.fileName === 'never-stored.png')).toBe(
        false,
      );
    } finally {
      await api.close();
      await proxy.close();
    }
  });
});

describe('readiness and the store', () => {
  it('is not ready (503, checks.storage down) while the store does not answer; without a store it is ready', async () => {
    const proxy = await resettingProxy(plain.deps.env.S3_ENDPOINT!, () => true);
    const unreachable = await startApi({ S3_ENDPOINT: proxy.url });
    const storeless = await startApi({ S3_BUCKET: '' });
    try {
      const down = await unreachable.http().get('/health/ready');
      expect([down.status, down.body]).toEqual([
        503,
        { status: 'unavailable', checks: { database: 'up', redis: 'up', storage: 'down' } },
      ]);
      const off = await storeless.http().get('/health/ready');
      expect([off.status, off.body.checks.storage]).toEqual([200, 'not_configured']);
      const up = await plain.http().get('/health/ready');
      expect([up.status, up.body.checks.storage]).toEqual([200, 'up']);
    } finally {
      await unreachable.close();
      await storeless.close();
      await proxy.close();
    }
  });
});

describe('what may be uploaded', () => {
  it('decides the type from the bytes: an executable named .png is 415, text named .exe is text', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(64)]);
    const disguised = await upload(plain, team.users.member, exe, 'holiday.png');
    expect(disguised.status).toBe(415);
    expect(disguised.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const text = await upload(plain, team.users.member, Buffer.from('just text'), 'readme.exe');
    expect(text.status).toBe(201);
    expect(text.body.contentType).toBe('text/plain');
  });

  it('refuses a file over 10 MiB with 413 and stores nothing', async () => {
    const taskId = await newTask(plain);
    const res = await upload(
      plain,
      team.users.member,
      Buffer.alloc(10 * 1024 * 1024 + 1, 0x61),
      'big.txt',
      taskId,
    );
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const list = await plain.http().get(`${V1}/tasks/${taskId}/attachments`).set(auth(team.users.member));
    expect(list.body.items).toEqual([]);
  });

  it('refuses the upload that would take a task over 50 MiB with 413', async () => {
    const taskId = await newTask(plain);
    const tenMiB = Buffer.alloc(10 * 1024 * 1024, 0x61);
    for (let i = 0; i < 5; i++)
      expect((await upload(plain, team.users.member, tenMiB, `part-${i}.txt`, taskId)).status).toBe(201);
    const over = await upload(plain, team.users.member, Buffer.from('one byte too many'), 'last.txt', taskId);
    expect(over.status).toBe(413);
    const list = await plain.http().get(`${V1}/tasks/${taskId}/attachments`).set(auth(team.users.member));
    expect(list.body.items).toHaveLength(5);
  });

  it('answers 415 to a body that is not multipart and 400 to a form without the file field', async () => {
    const json = await plain
      .http()
      .post(`${V1}/tasks/${team.taskId}/attachments`)
      .set(auth(team.users.member))
      .send({ file: 'x' });
    expect(json.status).toBe(415);
    const noFile = await plain
      .http()
      .post(`${V1}/tasks/${team.taskId}/attachments`)
      .set(auth(team.users.member))
      .field('other', 'value');
    expect(noFile.status).toBe(400);
    expect(noFile.body.error.details).toEqual([{ field: 'file', message: expect.any(String) }]);
  });

  it('allows RATE_LIMIT_UPLOADS_PER_HOUR uploads per user, then 429 with Retry-After', async () => {
    const limited = await startApi({ RATE_LIMIT_UPLOADS_PER_HOUR: '2' });
    try {
      for (let i = 0; i < 2; i++)
        expect((await upload(limited, team.users.admin, TINY_PNG, `p${i}.png`)).status).toBe(201);
      const third = await upload(limited, team.users.admin, TINY_PNG, 'p3.png');
      expect(third.status).toBe(429);
      expect(third.body.error.code).toBe('RATE_LIMIT_EXCEEDED');
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      // Another user has their own allowance.
      expect((await upload(limited, team.users.owner, TINY_PNG, 'p.png')).status).toBe(201);
    } finally {
      await limited.close();
    }
  });
});

describe('who may do what', () => {
  it('lets editors upload, viewers only read, and strangers learn nothing (404)', async () => {
    expect((await upload(plain, team.users.viewer, TINY_PNG, 'v.png')).status).toBe(403);
    expect((await upload(plain, team.users.stranger, TINY_PNG, 's.png')).status).toBe(404);
    const mine = await upload(plain, team.users.member, TINY_PNG, 'm.png');
    const asStranger = await plain
      .http()
      .get(`${V1}/attachments/${mine.body.id}/download`)
      .set(auth(team.users.stranger));
    expect(asStranger.status).toBe(404);
  });

  it('lets the uploader, an admin or the owner delete, not another member; the bytes leave the bucket', async () => {
    const byAdmin = await upload(plain, team.users.admin, TINY_PNG, 'a.png');
    expect(
      (await plain.http().delete(`${V1}/attachments/${byAdmin.body.id}`).set(auth(team.users.member))).status,
    ).toBe(403);
    const own = await upload(plain, team.users.member, TINY_PNG, 'own.png');
    expect(
      (await plain.http().delete(`${V1}/attachments/${own.body.id}`).set(auth(team.users.member))).status,
    ).toBe(204);
    expect(await objectExists(plain, storageKeyFor(team.workspaceId, own.body.id))).toBe(false);
    expect(
      (await plain.http().delete(`${V1}/attachments/${byAdmin.body.id}`).set(auth(team.users.owner))).status,
    ).toBe(204);
    expect(
      (await plain.http().get(`${V1}/attachments/${byAdmin.body.id}`).set(auth(team.users.owner))).status,
    ).toBe(404);
  });
});

describe('virus scanning with clamd', () => {
  it('marks a scanned file clean and serves it', async () => {
    const res = await upload(scanned, team.users.member, Buffer.from('meeting notes'), 'notes.txt');
    expect(res.status).toBe(201);
    expect(res.body.scanStatus).toBe('clean');
    expect(res.body.scannedAt).toEqual(expect.any(String));
    expect(
      (await scanned.http().get(`${V1}/attachments/${res.body.id}/download`).set(auth(team.users.member)))
        .status,
    ).toBe(200);
  });

  it('refuses an infected file with 422 INFECTED and keeps nothing of it', async () => {
    const taskId = await newTask(scanned);
    const res = await upload(scanned, team.users.member, eicarTestFile(), 'invoice.txt', taskId);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'INFECTED', details: { threat: 'Eicar-Test-Signature' } });
    const list = await scanned.http().get(`${V1}/tasks/${taskId}/attachments`).set(auth(team.users.member));
    expect(list.body.items).toEqual([]);
  });

  it('keeps an upload pending while clamd is away; the scan job later quarantines it if infected', async () => {
    // A scanner is configured but nothing listens on its port.
    const away = await startApi({ CLAMAV_HOST: '127.0.0.1', CLAMAV_PORT: '9', CLAMAV_TIMEOUT_MS: '2000' });
    try {
      const taskId = await newTask(away);
      const infected = await upload(away, team.users.member, eicarTestFile(), 'later.txt', taskId);
      const clean = await upload(away, team.users.member, Buffer.from('fine'), 'fine.txt', taskId);
      expect([infected.status, clean.status]).toEqual([201, 201]);
      expect(infected.body.scanStatus).toBe('pending');
      const early = await away
        .http()
        .get(`${V1}/attachments/${infected.body.id}/download`)
        .set(auth(team.users.member));
      expect(early.status).toBe(409);
      expect(early.body.error.details).toEqual({ scanStatus: 'pending' });
      const staged = await away.deps.pool.query(
        `select payload from job_outbox where name = 'scan-attachment' and payload->>'attachmentId' = $1`,
        [infected.body.id],
      );
      expect(staged.rowCount).toBe(1);

      // The worker's job, now that clamd answers.
      expect(await scanAttachment(scanned.deps, infected.body.id)).toBe('infected');
      expect(await scanAttachment(scanned.deps, clean.body.id)).toBe('clean');
      // A retried job finds nothing left to do.
      expect(await scanAttachment(scanned.deps, infected.body.id)).toBe('skipped');

      expect(await objectExists(away, storageKeyFor(team.workspaceId, infected.body.id))).toBe(false);
      const after = await away
        .http()
        .get(`${V1}/attachments/${infected.body.id}`)
        .set(auth(team.users.member));
      expect(after.body).toMatchObject({ scanStatus: 'infected', threat: 'Eicar-Test-Signature' });
      expect(
        (await away.http().get(`${V1}/attachments/${infected.body.id}/download`).set(auth(team.users.member)))
          .status,
      ).toBe(409);
      expect(
        (await away.http().get(`${V1}/attachments/${clean.body.id}/download`).set(auth(team.users.member)))
          .status,
      ).toBe(200);

      const events = await away.deps.pool.query(
        `select payload->'data'->>'scanStatus' as status from outbox
          where type = 'ATTACHMENT_UPDATED' and entity_id = $1 order by id`,
        [infected.body.id],
      );
      expect(events.rows.map((r) => r.status)).toEqual(['pending', 'infected']);
    } finally {
      await away.close();
    }
  });
});
