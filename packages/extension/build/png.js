// A PNG writer for the extension's icons, drawn at build time (no binary in the repository, no image library):
// RGBA pixels, one IDAT chunk deflated by Node's zlib.
import { deflateSync } from 'node:zlib';
import { crc32 } from './crc32.js';

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** @param {number} size @param {(x: number, y: number) => [number, number, number, number]} pixel RGBA 0-255 */
export function png(size, pixel) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const hex = (c) => [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)];

/**
 * The cluster's mark as an icon: a Mediterranean sun over two waves, on a rounded blue tile. Drawn with signed
 * distances and 4×4 supersampling, so edges are smooth at 16 px as at 128 px.
 */
export function iconPng(size) {
  const tile = hex('#0b5a87');
  const sun = hex('#f59b54');
  const wave = hex('#ffffff');
  const inside = (u, v) => {
    // u, v in [0, 32), the cluster mark's own coordinates.
    const r = 6.5;
    const dx = Math.max(Math.abs(u - 16) - (16 - r), 0);
    const dy = Math.max(Math.abs(v - 16) - (16 - r), 0);
    if (Math.hypot(dx, dy) > r) return undefined;
    if (Math.hypot(u - 16, v - 12.5) <= 7) return sun;
    for (const base of [21, 27]) {
      const crest = base - 1.6 * Math.sin(((u - 3) / 10) * Math.PI);
      if (u > 3 && u < 29 && Math.abs(v - crest) <= 1.4) return wave;
    }
    return tile;
  };
  const n = 4;
  return png(size, (x, y) => {
    const acc = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const colour = inside(((x + (i + 0.5) / n) * 32) / size, ((y + (j + 0.5) / n) * 32) / size);
        if (!colour) continue;
        acc[0] += colour[0];
        acc[1] += colour[1];
        acc[2] += colour[2];
        acc[3] += 255;
      }
    }
    const hits = acc[3] / 255;
    return hits ? [acc[0] / hits, acc[1] / hits, acc[2] / hits, acc[3] / (n * n)].map(Math.round) : [0, 0, 0, 0];
  });
}
