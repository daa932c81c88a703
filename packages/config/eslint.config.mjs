import { base } from '@teamflow/eslint-config/base';

// This package is the one place that reads the environment.
export default [...base, { files: ['src/**/*.ts'], rules: { 'no-restricted-properties': 'off' } }];
