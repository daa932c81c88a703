import { base } from '@teamflow/eslint-config/base';

// The TypeScript of the AI evaluation; the other benches are plain Node scripts.
export default [{ ignores: ['**/*.mjs', '**/*.cjs', 'results/**'] }, ...base];
