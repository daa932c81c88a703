import nextPlugin from '@next/eslint-plugin-next';
import { base } from '@teamflow/eslint-config/base';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default [
  ...base,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { '@next/next': nextPlugin, 'react-hooks': reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    // The env modules: server config (env.ts) and the build-time NEXT_PUBLIC_* values (public-env.ts).
    files: ['src/lib/env.ts', 'src/lib/public-env.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
];
