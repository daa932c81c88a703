// What PostgreSQL spends on the task create statement alone, without the api around it: each
// tree's `draftTask` + `writeNewTask` (the bench api's path: committed on its own, the relay told
// in-process) run by `--clients` connections in a closed loop against the bench database
// (`pnpm bench:api` leaves it seeded), for `--seconds` per turn, the trees taking turns. Prints
// creates/s and PostgreSQL's CPU per create (every `postgres` process, from /proc) per turn, and
// the medians. Use it to A/B a change to the statement between two checkouts:
//
//   npx tsx tools/create-statement.mjs --tree=/work/main --tree=/work/wt/other --turns=6
//
// tsx, because it loads each tree's TypeScript. Each tree must have its dependencies installed. Writes tasks and unpublished outbox rows into
// project BENCH; rerun `pnpm bench:api` to start clean.
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

const args = process.argv.slice(2);
const option = (name, fallback) =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const trees = args.filter((a) => a.startsWith('--tree=')).map((a) => a.slice(7));
const turns = Number(option('turns', '4'));
const seconds = Number(option('seconds', '8'));
const clients = Number(option('clients', '10'));
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://127.0.0.1:5432/teamflow_bench';
if (trees.length === 0) throw new Error('name at least one --tree=<checkout>');

function postgresTicks() {
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
      const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(after[11]) + Number(after[12]);
    } catch {
      // the process ended between the listing and the read
    }
  }
  return ticks;
}

/** One checkout's create path, on its own pool. */
async function loadTree(path) {
  const load = (file) => import(pathToFileURL(`${path}/${file}`).href);
  const { createDb } = await load('packages/db/src/client.ts');
  const { draftTask } = await load('packages/core/src/tasks/create-task.ts');
  const { writeNewTask } = await load('packages/core/src/tasks/write-new-task.ts');
  const { TaskCreate } = await load('packages/contracts/src/tasks.ts');
  const handle = createDb(url, { max: clients, applicationName: 'create-statement' });
  const found = await handle.pool.query(
    `select p.id as project_id, p.workspace_id, m.user_id, u.name, w.time_zone
       from projects p join workspace_members m on m.workspace_id = p.workspace_id and m.role = 'owner'
       join users u on u.id = m.user_id join workspaces w on w.id = p.workspace_id
      where p.key = 'BENCH' and p.deleted_at is null limit 1`,
  );
  const row = found.rows[0];
  if (!row) throw new Error('no project BENCH: run `pnpm bench:api` first');
  const ctx = {
    actor: { id: row.user_id, name: row.name },
    requestId: 'create-statement',
    logger: { child: () => ctx.logger, info() {}, warn() {}, error() {}, debug() {} },
    workspaceId: row.workspace_id,
    role: 'owner',
    timeZone: row.time_zone,
  };
  const relay = { committed() {} };
  let n = 0;
  return {
    path,
    create: async () => {
      const input = TaskCreate.parse({ title: `Statement bench ${n++}`, priority: 'medium' });
      const draft = draftTask(ctx, row.project_id, input);
      if (!(await writeNewTask(handle.db, ctx, draft, relay))) throw new Error('the create wrote nothing');
    },
    close: () => handle.close(),
  };
}

async function turn(tree) {
  let done = 0;
  let running = true;
  const loop = async () => {
    while (running) {
      await tree.create();
      done++;
    }
  };
  // A second of warm-up: every connection prepares the named statement first.
  const loops = Array.from({ length: clients }, loop);
  await sleep(1000);
  const [t0, d0, c0] = [Date.now(), done, postgresTicks()];
  await sleep(seconds * 1000);
  const [t1, d1, c1] = [Date.now(), done, postgresTicks()];
  running = false;
  await Promise.all(loops);
  const creates = d1 - d0;
  return { perSecond: (creates * 1000) / (t1 - t0), pgMsPerCreate: ((c1 - c0) * 10) / creates };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const loaded = [];
for (const path of trees) loaded.push(await loadTree(path));
const results = new Map(trees.map((t) => [t, { perSecond: [], pg: [] }]));
for (let i = 0; i < turns; i++) {
  // Alternate which tree goes first, so neither always runs on the warmer machine.
  const order = i % 2 === 0 ? loaded : [...loaded].reverse();
  for (const tree of order) {
    const r = await turn(tree);
    results.get(tree.path).perSecond.push(r.perSecond);
    results.get(tree.path).pg.push(r.pgMsPerCreate);
    console.log(
      `turn ${i + 1} ${tree.path}: ${r.perSecond.toFixed(0)} creates/s, PostgreSQL ${r.pgMsPerCreate.toFixed(3)} ms CPU per create`,
    );
  }
}
console.log('\nmedians');
for (const [path, r] of results)
  console.log(
    `${path}: ${median(r.perSecond).toFixed(0)} creates/s, PostgreSQL ${median(r.pg).toFixed(3)} ms CPU per create`,
  );
for (const tree of loaded) await tree.close();
