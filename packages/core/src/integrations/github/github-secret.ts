import { randomBytes } from 'node:crypto';

/** What GitHub signs each delivery with: 32 random bytes, hex (GitHub takes any string). */
export const newGithubSecret = (): string => randomBytes(32).toString('hex');
