#!/usr/bin/env node
// Draws the web app's icons in apps/web/public/icons (no image tools needed): an indigo square, full-bleed so it
// is also a maskable icon, with three white board columns of different heights inside the
// central safe zone. Run: node scripts/web-app-icons.mjs
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const INDIGO = [0x4f, 0x46, 0xe5];
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Whether pixel (x, y) of a size×size icon is inside one of the three rounded columns. */
function inColumn(x, y, size, safe) {
  const inset = (size * (1 - safe)) / 2;
  const inner = size - 2 * inset;
  const gap = inner * 0.08;
  const width = (inner - 2 * gap) / 3;
  const heights = [0.9, 0.6, 0.75];
  const radius = width * 0.22;
  for (let i = 0; i < 3; i++) {
    const left = inset + i * (width + gap);
    const top = inset + inner * 0.05;
    const bottom = top + inner * 0.9 * heights[i];
    if (x < left || x >= left + width || y < top || y >= bottom) continue;
    // Rounded corners: outside the quarter circles is outside.
    const cx = Math.min(Math.max(x, left + radius), left + width - radius);
    const cy = Math.min(Math.max(y, top + radius), bottom - radius);
    if ((x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2) return true;
  }
  return false;
}

function png(size, safe) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++)
      row.set(inColumn(x + 0.5, y + 0.5, size, safe) ? WHITE : INDIGO, 1 + x * 3);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = join(import.meta.dirname, '..', 'apps', 'web', 'public', 'icons');
writeFileSync(join(out, 'icon-192.png'), png(192, 0.7));
writeFileSync(join(out, 'icon-512.png'), png(512, 0.7));
// Maskable: launchers may crop to a circle of 80%: the columns stay within 60%.
writeFileSync(join(out, 'icon-maskable-512.png'), png(512, 0.55));
