import type { Playbook } from './playbook';

// Making it faster: caching and performance work.

export const CACHING_PLAYBOOK: Playbook = {
  kind: 'caching',
  label: 'caching',
  triggers: ['cache', 'caching', 'cached', 'redis', 'memoize', 'memoise', 'ttl'],
  steps: [
    {
      title: 'Choose what to cache and for how long',
      description: 'A time-to-live per kind of data.',
      hours: 1,
      phase: 'setup',
    },
    {
      title: 'Cache the read-heavy responses',
      description: 'Keyed by everything the answer depends on.',
      hours: 3,
    },
    {
      title: 'Invalidate cached entries when the data changes',
      description: 'On every write path.',
      hours: 3,
    },
    {
      title: 'Fall back to the source when the cache is unavailable',
      description: 'A cache outage is not an outage.',
      hours: 2,
    },
  ],
  test: {
    title: 'Measure hit rate and response times with the cache',
    description: 'Metrics for hits and misses.',
    hours: 2,
  },
};

export const PERFORMANCE_PLAYBOOK: Playbook = {
  kind: 'performance',
  label: 'performance work',
  triggers: [
    'slow',
    'performance',
    'optimize',
    'optimise',
    'optimization',
    'latency',
    'speed',
    'fast',
    'lighthouse',
    'bundle',
    'scale',
  ],
  steps: [
    {
      title: 'Measure the current numbers and set a target',
      description: 'A benchmark or profile to compare against.',
      hours: 2,
    },
    { title: 'Find the bottleneck', description: 'Profile queries, network and rendering.', hours: 3 },
    {
      title: 'Optimise the slow path',
      description: 'The smallest change that removes the cost.',
      hours: 4,
    },
  ],
  test: {
    title: 'Measure again and keep the benchmark as a regression check',
    description: 'Before and after, on the same machine.',
    hours: 2,
  },
};
