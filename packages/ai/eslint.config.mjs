import { base } from '@teamflow/eslint-config/base';

export default base;
