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
