import { Client } from 'pg';

/** Drops the run's own database (the api created it); FORCE ends connections a killed api left behind. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  if (!/^teamflow_e2e_[a-z0-9]+$/.test(name))
    throw new Error(`refusing to drop ${name}: not an e2e database`);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * The newest email the dev outbox (dev_mail) holds for an address and template, waiting for the
 * worker to deliver it (the job goes through the job outbox and BullMQ first).
 */
export async function waitForMail(
  to: string,
  template: string,
  timeoutMs = 20_000,
): Promise<{ subject: string; text: string }> {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  if (!databaseUrl) throw new Error('E2E_DATABASE_URL is not set: run through playwright.config.ts');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ subject: string; text: string }>(
        `select subject, text from dev_mail where "to" = $1 and template = $2 order by created_at desc limit 1`,
        [to, template],
      );
      if (rows[0]) return rows[0];
      if (Date.now() > deadline) throw new Error(`no ${template} email for ${to} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await client.end();
  }
}
