import { randomUUID } from 'node:crypto';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { grantFor } from '@teamflow/contracts/permissions';
import { ROUTE_CASES } from '../route-cases';
import type { Who } from '../route-requests';
import { freshWorkspace, someoneElse, teamBase, type Scene } from '../scene-fixtures';
import { encode } from './arbitraries';
import type { Operation } from './operations';
import { errorShape, findEcho, leak, ROLE_RANK, serverError, type Seen } from './oracles';
import type { BodyPlan, CasePlan, Injection, ParamPlan, QueryPlan } from './plan';
import {
  ensureSignedIn,
  foreignIdsFor,
  foreignResourceIds,
  idsFor,
  restoreTeamRoles,
  rolesOf,
  type Caller,
  type World,
} from './world';

/** Where the fuzzer sends requests: the api behind a real http server, and what it reported to Sentry. */
export interface Target {
  world: World;
  baseUrl: string;
  reported: unknown[];
  /** How many answers of each kind (`201`, `400 VALIDATION_ERROR`, …) the run saw. */
  answers: Map<string, number>;
}

/** A case that broke a rule: the message says which, and shows the request and the answer. */
export class FuzzFinding extends Error {}

interface Built {
  method: Operation['method'];
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** The JSON value sent, when the body was JSON. */
  sent?: unknown;
  injected: Injection[];
  /** The path held an id of a workspace the caller is not in, or a write's body did. */
  reachesForeign: boolean;
  usedRecipe: boolean;
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function authorization(target: Target, caller: Caller, plan: CasePlan): string | undefined {
  const owner = target.world.team.users.owner;
  const [, payload = ''] = owner.token.split('.');
  switch (plan.auth) {
    case 'token':
      return caller === 'anonymous' ? undefined : `Bearer ${target.world.team.users[caller].token}`;
    case 'none':
      return undefined;
    case 'garbage':
      return 'Bearer garbage.garbage.garbage';
    case 'empty-bearer':
      return 'Bearer ';
    case 'basic':
      return `Basic ${Buffer.from(`${owner.email}:${owner.password}`).toString('base64')}`;
    // The owner's claims with no signature, or re-signed by nobody: both must be refused.
    case 'alg-none':
      return `Bearer ${b64url({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    case 'tampered': {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      const [head = '', , signature = ''] = owner.token.split('.');
      return `Bearer ${head}.${b64url({ ...claims, sub: target.world.team.users.stranger.id, role: 'owner' })}.${signature}`;
    }
  }
}

function pathSegment(plan: ParamPlan, valid: string | undefined, foreign: string | undefined): string {
  switch (plan.kind) {
    case 'valid':
      return encode(valid ?? randomUUID());
    case 'foreign':
      return encode(foreign ?? randomUUID());
    case 'unknown':
      return plan.id;
    case 'raw':
      return plan.text;
    case 'encoded':
      return encode(plan.text);
  }
}

function queryString(plan: QueryPlan, valid: Record<string, string> | undefined): string {
  const pairs: string[] = [];
  const add = (k: string, v: string) => pairs.push(`${encode(k)}=${encode(v)}`);
  if (plan.kind === 'valid') for (const [k, v] of Object.entries(valid ?? {})) add(k, v);
  if (plan.kind === 'generated') {
    for (const [k, v] of Object.entries(plan.values)) {
      if (Array.isArray(v)) for (const item of v) add(k, String(item));
      else if (v !== undefined) add(k, typeof v === 'string' ? v : JSON.stringify(v));
    }
  }
  if (plan.kind === 'raw') for (const [k, v] of plan.pairs) pairs.push(`${k}=${v}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The JSON value (or raw text) the plan sends, from the recipe's valid body. */
function bodyValue(
  plan: BodyPlan,
  valid: unknown,
  foreign: Record<string, string>,
): { json?: unknown; raw?: string; injected: Injection[]; foreignIds: string[] } {
  const resolve = (key: string, value: unknown) =>
    isObject(value) && value.foreign === true ? (foreign[key] ?? randomUUID()) : value;
  const inject = (base: unknown, injections: Injection[]) => {
    const resolved = injections.map(([k, v]): Injection => [k, resolve(k, v)]);
    return { json: isObject(base) ? { ...base, ...Object.fromEntries(resolved) } : base, injected: resolved };
  };
  switch (plan.kind) {
    case 'valid':
      return { ...inject(valid, plan.inject), foreignIds: [] };
    case 'edited': {
      const edited: Record<string, unknown> = isObject(valid) ? { ...valid } : {};
      const foreignIds: string[] = [];
      const anyForeign = Object.values(foreign);
      for (const edit of plan.edits) {
        if (edit.op === 'set') edited[edit.key] = edit.value;
        if (edit.op === 'drop') delete edited[edit.key];
        if (edit.op === 'foreign') {
          const id = foreign[edit.key] ?? anyForeign[edit.key.length % anyForeign.length] ?? randomUUID();
          edited[edit.key] = Array.isArray(edited[edit.key]) ? [id] : id;
          foreignIds.push(id);
        }
      }
      return { ...inject(edited, plan.inject), foreignIds };
    }
    case 'generated':
    case 'replaced':
      return { json: plan.value, injected: [], foreignIds: [] };
    case 'raw':
      return { raw: plan.text, injected: [], foreignIds: [] };
    case 'none':
      return { injected: [], foreignIds: [] };
  }
}

function encodeBody(bytes: Buffer, encoding: string | null, compress: boolean): Buffer {
  if (!compress || encoding === null) return bytes;
  const e = encoding.toLowerCase();
  if (e === 'gzip' || e === 'x-gzip') return gzipSync(bytes);
  if (e === 'deflate') return deflateSync(bytes);
  if (e === 'br') return brotliCompressSync(bytes);
  return bytes;
}

/** Turns a plan into a concrete request: a valid one from the route's recipe (or the schema), then spoiled as planned. */
async function build(target: Target, op: Operation, caller: Caller, plan: CasePlan): Promise<Built> {
  const { world } = target;
  const preparer: Who = caller === 'anonymous' ? 'owner' : caller;
  const recipe = ROUTE_CASES[op.routeKey];
  const allValid = Object.values(plan.params).every((p) => p.kind === 'valid');
  let params: Record<string, string> = idsFor(world, caller);
  let validBody: unknown = plan.schemaBody;
  let validQuery: Record<string, string> | undefined;
  let usedRecipe = false;
  if (recipe && allValid) {
    const { team } = world;
    const base = recipe.fresh ? await freshWorkspace(world.api, team) : teamBase(team);
    const scene: Scene = {
      api: world.api,
      team,
      base,
      actor: team.users[preparer],
      mine: false,
      author: someoneElse(team, preparer),
    };
    const prepared = await recipe.prepare(scene);
    params = prepared.params;
    validBody = prepared.body ?? (op.body ? plan.schemaBody : undefined);
    validQuery = prepared.query;
    usedRecipe = true;
  }
  const foreign = foreignIdsFor(world, caller);
  const path = op.template.replace(/\{(\w+)\}/g, (_m, name: string) =>
    pathSegment(plan.params[name] ?? { kind: 'valid' }, params[name], foreign[name]),
  );
  const url = `${path}${queryString(plan.query, validQuery)}`;

  const value = bodyValue(plan.body, validBody, foreign);
  let bytes: Buffer | undefined;
  if (value.raw !== undefined)
    bytes = Buffer.from(value.raw, [...value.raw].every((c) => c.charCodeAt(0) < 256) ? 'latin1' : 'utf8');
  else if (value.json !== undefined) bytes = Buffer.from(JSON.stringify(value.json));
  if (bytes) bytes = encodeBody(bytes, plan.transport.contentEncoding, plan.transport.compress);

  const headers: Record<string, string> = { ...plan.transport.headers };
  const authHeader = authorization(target, caller, plan);
  if (authHeader !== undefined) headers.Authorization = authHeader;
  if (plan.transport.contentType !== null) headers['Content-Type'] = plan.transport.contentType;
  if (plan.transport.contentEncoding !== null) headers['Content-Encoding'] = plan.transport.contentEncoding;

  const foreignIds = foreignResourceIds(world, caller);
  const reachesForeign =
    op.pathParams.some(
      (p) => plan.params[p.name]?.kind === 'foreign' && foreignIds.has(foreign[p.name] ?? ''),
    ) ||
    (op.method !== 'get' && value.foreignIds.some((id) => foreignIds.has(id)));
  return {
    method: op.method,
    url,
    headers,
    body: bytes,
    sent: value.json,
    injected: value.injected,
    reachesForeign,
    usedRecipe,
  };
}

async function send(target: Target, built: Built): Promise<Seen> {
  let req = request(target.baseUrl)[built.method](built.url).timeout({ response: 20_000, deadline: 30_000 });
  for (const [name, value] of Object.entries(built.headers)) req = req.set(name, value);
  // Raw text whatever the type, so the oracles see exactly what a client would.
  req = req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
  });
  if (built.body !== undefined)
    req = req.serialize((b: unknown) => b as string).send(built.body as unknown as string);
  const res = await req.ok(() => true);
  const text = typeof res.body === 'string' ? res.body : '';
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

/** Why a 2xx must not have happened, if it must not. */
function deniedBecause(op: Operation, caller: Caller, plan: CasePlan, built: Built): string | undefined {
  const signedIn = caller !== 'anonymous' && plan.auth === 'token';
  if (!op.isPublic && !signedIn) return 'a caller without a valid token';
  if (built.reachesForeign) return 'a request that names another workspace’s resource';
  if (!op.permission || !signedIn) return undefined;
  if (caller === 'stranger') return built.usedRecipe ? 'a stranger to the workspace' : undefined;
  const grant = grantFor(caller, op.permission);
  if (grant === undefined) return `a ${caller}, whom ${op.permission} does not grant`;
  if (grant === 'own' && built.usedRecipe)
    return `a ${caller} on someone else’s resource (${op.permission} is own-only)`;
  return undefined;
}

/** A 2xx that took a protected field, or a version the client chose. */
function massAssignment(op: Operation, built: Built, seen: Seen): string | undefined {
  for (const [key, value] of built.injected) {
    if (key === 'role' || typeof value === 'boolean') continue; // the role oracle covers roles; booleans are not distinctive
    const where = findEcho(seen.body, key, value);
    if (where) return `mass assignment: the injected ${key}=${JSON.stringify(value)} came back at ${where}`;
  }
  const response = isObject(seen.body) ? seen.body : undefined;
  if (response && typeof response.version === 'number') {
    if (seen.status === 201 && response.version !== 1)
      return `a created resource has version ${response.version}, not 1`;
    const sent = isObject(built.sent) ? built.sent.version : undefined;
    if (
      op.body?.properties?.version &&
      typeof sent === 'number' &&
      response.version !== sent &&
      response.version !== sent + 1
    )
      return `sent version ${sent}, the answer has version ${response.version}`;
  }
  return undefined;
}

const describeRequest = (built: Built, seen?: Seen) =>
  [
    `  request:  ${built.method.toUpperCase()} ${built.url.slice(0, 300)}`,
    `  headers:  ${JSON.stringify(built.headers).slice(0, 400)}`,
    built.body
      ? `  body:     ${JSON.stringify(built.body.toString('utf8').slice(0, 300))}`
      : '  body:     (none)',
    seen ? `  answer:   ${seen.status} ${seen.text.slice(0, 400)}` : '',
  ].join('\n');

/** Sends one planned case and checks every oracle; throws a FuzzFinding on the first broken rule. */
export async function runCase(target: Target, op: Operation, caller: Caller, plan: CasePlan): Promise<void> {
  const { world } = target;
  const reportedBeforeSetup = target.reported.length;
  let built: Built;
  try {
    built = await build(target, op, caller, plan);
  } catch (error) {
    // A setup request answered 5xx: say what the api reported, or the finding names only the 500.
    const cause = target.reported.slice(reportedBeforeSetup).map((e) => (e as Error).stack ?? String(e));
    if (cause.length && error instanceof Error) error.message += `\n  reported: ${cause.join('\n  ')}`;
    throw error;
  }
  const member: Who | undefined = caller !== 'anonymous' && caller !== 'stranger' ? caller : undefined;
  const touchesRoles =
    isObject(built.sent) && 'role' in built.sent && member !== undefined && plan.auth === 'token';
  const rolesBefore = touchesRoles ? await rolesOf(world, member) : undefined;
  const reportedBefore = target.reported.length;

  const seen = await send(target, built);
  const code = (seen.body as { error?: { code?: unknown } } | undefined)?.error?.code;
  const kind = `${seen.status}${typeof code === 'string' ? ` ${code}` : ''}`;
  target.answers.set(kind, (target.answers.get(kind) ?? 0) + 1);
  const fail = (reason: string): never => {
    throw new FuzzFinding(`${reason}\n${describeRequest(built, seen)}`);
  };

  const broken = serverError(seen) ?? errorShape(seen) ?? leak(seen);
  if (broken) fail(broken);
  if (target.reported.length > reportedBefore)
    fail(`an error reached the error reporter: ${String(target.reported[target.reported.length - 1])}`);
  const ok = seen.status >= 200 && seen.status < 300;
  if (ok) {
    const denied = deniedBecause(op, caller, plan, built);
    if (denied) fail(`${seen.status} for ${denied}`);
    const assigned = massAssignment(op, built, seen);
    if (assigned) fail(assigned);
  }
  if (rolesBefore && member) {
    const after = await rolesOf(world, member);
    for (const [workspaceId, before] of Object.entries(rolesBefore)) {
      const now = after[workspaceId];
      if (now !== undefined && (ROLE_RANK[now] ?? 0) > (ROLE_RANK[before] ?? 0))
        fail(`role escalation: the ${caller}'s own request raised their role from ${before} to ${now}`);
    }
  }

  // Keep the fixture usable: a revoked token is renewed, a legitimately changed role put back.
  if (caller !== 'anonymous' && plan.auth === 'token' && (seen.status === 401 || (op.isPublic && ok)))
    await ensureSignedIn(world, caller);
  if (ok && (touchesRoles || op.template.includes('/members/'))) await restoreTeamRoles(world);
}
