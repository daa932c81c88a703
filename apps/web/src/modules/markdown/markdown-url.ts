import { MARKDOWN_URL_SCHEMES } from '@teamflow/contracts/markdown';

const SCHEMES: readonly string[] = MARKDOWN_URL_SCHEMES;
// What a browser ignores when it reads a URL (so "java\tscript:" is "javascript:" to it): spaces
// and control characters.
const asBrowsersRead = (url: string) =>
  [...url].filter((c) => c.charCodeAt(0) > 0x20 && c.charCodeAt(0) !== 0x7f).join('');
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * A link or image URL as written, or '' when it would run anything: only http, https and mailto
 * (the api's schemes), relative paths and #fragments pass.
 */
export function safeUrl(url: string): string {
  const scheme = SCHEME.exec(asBrowsersRead(url))?.[1];
  if (scheme === undefined) return url.includes(':') && !/^[./?#]/.test(url.trim()) ? '' : url;
  return SCHEMES.includes(scheme.toLowerCase()) ? url : '';
}

export const ATTACHMENTS_PATH = '/api/v1/attachments/';

/**
 * The absolute URL of one of our own attachments (the api origin's /api/v1/attachments/…), or
 * undefined for any other image: images are shown only from there.
 */
export function attachmentUrl(src: string, apiUrl: string): string | undefined {
  let api: URL;
  let url: URL;
  try {
    api = new URL(apiUrl);
    url = new URL(src, api);
  } catch {
    return undefined;
  }
  if (url.origin !== api.origin || !url.pathname.startsWith(ATTACHMENTS_PATH)) return undefined;
  return url.pathname.length > ATTACHMENTS_PATH.length ? url.href : undefined;
}
