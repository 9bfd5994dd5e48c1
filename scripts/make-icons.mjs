// Draws the Teams app icons (a stylised @) as PNG with no image library: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel(x + 0.5, y + 0.5), 1 + x * 4);
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
/** Inside the @ glyph: an open ring, its inner bowl and the tail joining them (unit square coordinates). */
function inAt(u, v) {
  const dx = u - 0.5, dy = v - 0.5, r = Math.hypot(dx, dy), angle = Math.atan2(dy, dx);
  const ring = r > 0.30 && r < 0.40 && !(angle > 0.05 && angle < 0.75);
  const bowl = Math.hypot(u - 0.5, v - 0.5) > 0.085 && Math.hypot(u - 0.5, v - 0.5) < 0.17;
  const stem = u > 0.63 && u < 0.71 && v > 0.36 && v < 0.62;
  const tail = Math.hypot(u - 0.76, v - 0.62) > 0.04 && Math.hypot(u - 0.76, v - 0.62) < 0.11 && v > 0.6 && u > 0.67;
  return ring || bowl || stem || tail;
}
const blue = [0x1f, 0x5f, 0xa6, 255], white = [255, 255, 255, 255], clear = [0, 0, 0, 0];
writeFileSync('appPackage/color.png', png(192, (x, y) => (inAt(x / 192, y / 192) ? white : blue)));
writeFileSync('appPackage/outline.png', png(32, (x, y) => (inAt(x / 32, y / 32) ? white : clear)));
console.log('appPackage/color.png (192×192), appPackage/outline.png (32×32)');
