import { base } from '@teamflow/eslint-config/base';

// The suite's TypeScript; start-topology.cjs is plain Node, read by scripts/topology.mjs and the bench too.
export default [{ ignores: ['**/*.cjs', '**/*.mjs'] }, ...base];
