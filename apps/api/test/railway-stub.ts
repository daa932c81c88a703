import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RailwayCall {
  query: string;
  variables: Record<string, unknown>;
  token: string | undefined;
}

export interface RailwayStub {
  /** The GraphQL endpoint, for RAILWAY_API_URL. */
  url: string;
  calls: RailwayCall[];
  /** Each service's image, as Railway would report it. */
  images: Map<string, string>;
  /** Statuses the next deployment polls answer, in order; SUCCESS once empty. */
  outcome: string[];
  close(): Promise<void>;
}

/**
 * Railway is not reachable here, so this answers its public GraphQL API the way Railway does for
 * the four operations scripts/deploy/railway.mjs uses: it keeps each service's image and walks a
 * deployment through the statuses a test asks for.
 */
export async function startRailwayStub(): Promise<RailwayStub> {
  const calls: RailwayCall[] = [];
  const images = new Map<string, string>();
  const stub = { calls, images, outcome: [] as string[] };
  let deployments = 0;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const { query, variables } = JSON.parse(raw) as Omit<RailwayCall, 'token'>;
      calls.push({ query, variables, token: req.headers['project-access-token'] as string | undefined });
      const reply = (data: unknown) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
      if (query.includes('serviceInstanceUpdate')) {
        const input = variables.input as { source: { image: string } };
        images.set(variables.serviceId as string, input.source.image);
        return reply({ serviceInstanceUpdate: true });
      }
      if (query.includes('serviceInstanceDeployV2'))
        return reply({ serviceInstanceDeployV2: `dep-${++deployments}` });
      if (query.includes('deployment('))
        return reply({ deployment: { status: stub.outcome.shift() ?? 'SUCCESS' } });
      if (query.includes('serviceInstance(')) {
        const image = images.get(variables.serviceId as string);
        return reply({ serviceInstance: { source: image ? { image } : null } });
      }
      res.writeHead(400).end(JSON.stringify({ errors: [{ message: 'unknown query' }] }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return Object.assign(stub, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql/v2`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  });
}

/** The images deployed, in order (each serviceInstanceUpdate). */
export function deployedImages(stub: RailwayStub): string[] {
  return stub.calls
    .filter((c) => c.query.includes('serviceInstanceUpdate'))
    .map((c) => (c.variables.input as { source: { image: string } }).source.image);
}
