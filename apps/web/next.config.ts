import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

// The monorepo root holds the one lockfile; pointing Turbopack at it lets it resolve workspace packages.
const monorepoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const nextConfig: NextConfig = {
  // Workspace packages export TypeScript source.
  transpilePackages: ['@teamflow/contracts'],
  turbopack: { root: monorepoRoot },
  poweredByHeader: false,
};

export default nextConfig;
