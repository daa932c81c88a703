import { connection } from 'next/server';

// Only in the e2e suite's build (`*.e2e.tsx` are pages only when E2E_TEST_ROUTES=true, see
// next.config.ts): a server component that fails while rendering, for e2e/specs/error-reporting.
// The web server renders page shells and calls nothing that can fail on request, so there is no
// real server failure for the test to provoke.
export default async function ServerErrorProbe(): Promise<never> {
  await connection();
  throw new Error('e2e probe: a server component failed while rendering');
}
