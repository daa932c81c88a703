import type { AttachmentType } from '@teamflow/contracts/attachments';

/** How many leading bytes `sniffContentType` wants: magic numbers, and enough text to judge UTF-8. */
export const SNIFF_BYTES = 8192;

const startsWith = (head: Buffer, bytes: number[], offset = 0) =>
  head.length >= offset + bytes.length && bytes.every((b, i) => head[offset + i] === b);

/**
 * The type of a file from its first bytes (never from its name or the client's claim), or
 * undefined when it is none of the allowed types. `complete` says `head` is the whole file, so a
 * UTF-8 sequence cut at the end of a longer file's head is not held against it.
 */
export function sniffContentType(head: Buffer, complete: boolean): AttachmentType | undefined {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (
    startsWith(head, [0x47, 0x49, 0x46, 0x38]) &&
    (head[4] === 0x37 || head[4] === 0x39) &&
    head[5] === 0x61
  )
    return 'image/gif';
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8))
    return 'image/webp';
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  // Local file header, or the end-of-central-directory record of an empty archive.
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]))
    return 'application/zip';
  if (isText(head, complete)) return 'text/plain';
  return undefined;
}

/** UTF-8 without NUL or other control bytes (tab, newlines and form feed aside). */
function isText(head: Buffer, complete: boolean): boolean {
  if (head.length === 0) return true;
  for (const byte of head) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false;
    if (byte === 0x7f) return false;
  }
  // Drop a multi-byte sequence the head cut in two before checking the rest.
  let end = head.length;
  if (!complete) {
    let i = end - 1;
    while (i > 0 && end - i < 4 && (head[i]! & 0xc0) === 0x80) i--;
    const lead = head[i]!;
    const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    if (end - i < need) end = i;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}
