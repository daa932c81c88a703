import { createServer } from 'node:http';
import { freePort } from '@teamflow/local-services';

export interface OtherOrigin {
  /** http://127.0.0.1:<port>: another site than the app's http://localhost:<port>. */
  origin: string;
  /** Requests it has had for a path. */
  hits: (path: string) => number;
  close: () => Promise<void>;
}

/** A server on another origin, as an attacker's site would be: fixed bodies by path. */
export async function startOtherOrigin(
  pages: Record<string, { type: string; body: string }>,
): Promise<OtherOrigin> {
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const page = pages[path];
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': page.type }).end(page.body);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    hits: (path) => counts.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
