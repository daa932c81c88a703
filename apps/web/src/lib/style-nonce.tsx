'use client';

import { setNonce } from 'get-nonce';

/**
 * Hands this page's CSP nonce to get-nonce, where react-remove-scroll (Radix dialogs and menus)
 * looks for one when it injects its scroll-lock <style> element: with it, style-src needs no
 * 'unsafe-inline' for elements. Set during render, so it is in place before any dialog opens.
 */
export function StyleNonce({ nonce }: { nonce: string | undefined }): null {
  // Browser only: on the server the module is shared by every request.
  if (typeof window !== 'undefined' && nonce) setNonce(nonce);
  return null;
}
