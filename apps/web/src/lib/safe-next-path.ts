// The workspace list, which opens the caller's last (or only) workspace (workspace-list.tsx).
const DEFAULT_PATH = '/workspaces?from=sign-in';

/** Only same-origin paths: `?next=https://evil.example` or `//evil.example` must not redirect off-site. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return DEFAULT_PATH;
  return next;
}
