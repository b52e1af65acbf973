import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inkMask } from '../../main/ocr-engine/image/binarize';
import type { GrayImage } from '../../main/ocr-engine/image/gray-image';

/** The mask as defined: each pixel against the mean of its window clamped to the image, summed directly. */
function definedMask(img: GrayImage, radius: number, offset: number): Uint8Array {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let sum = 0;
      let n = 0;
      for (let yy = Math.max(0, y - radius); yy < Math.min(h, y + radius + 1); yy++)
        for (let xx = Math.max(0, x - radius); xx < Math.min(w, x + radius + 1); xx++) {
          sum += data[yy * w + xx]!;
          n++;
        }
      out[y * w + x] = data[y * w + x]! + offset < sum / n ? 1 : 0;
    }
  return out;
}

describe('the ink mask', () => {
  it('is the local-mean test at every pixel, the edges and windows wider than the image included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (w, h, radius, offset, seed) => {
          let s = seed;
          const data = new Uint8Array(w * h).map(() => ((s = (s * 1103515245 + 12345) >>> 0) >>> 24) & 255);
          const img = { width: w, height: h, data };
          expect(Buffer.from(inkMask(img, radius, offset)).equals(Buffer.from(definedMask(img, radius, offset)))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('marks dark print on pale paper and leaves the paper', () => {
    const w = 60;
    const h = 20;
    const data = new Uint8Array(w * h).fill(230);
    for (let y = 6; y < 14; y++) for (let x = 20; x < 24; x++) data[y * w + x] = 30;
    const mask = inkMask({ width: w, height: h, data }, 6, 18);
    expect(mask[10 * w + 21]).toBe(1);
    expect(mask[10 * w + 40]).toBe(0);
    expect(mask.reduce((a, b) => a + b, 0)).toBe(32);
  });
});
