import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dilateSquare } from '../../main/ocr-engine/image/dilate';

/** The direct form: every set pixel writes its (2r+1)² square, clipped to the image. */
function bruteForce(mask: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    if (!mask[y * w + x]) continue;
    for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) {
      const xx = x + dx;
      const yy = y + dy;
      if (xx >= 0 && yy >= 0 && xx < w && yy < h) out[yy * w + xx] = 1;
    }
  }
  return out;
}

describe('dilation by a square', () => {
  it('marks exactly the pixels within r of a set pixel, at the borders too, for any mask and r', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 17 }), fc.integer({ min: 1, max: 13 }), fc.integer({ min: 0, max: 7 }), fc.infiniteStream(fc.boolean()), (w, h, r, bits) => {
        const it = bits[Symbol.iterator]();
        const mask = Uint8Array.from({ length: w * h }, () => (it.next().value ? 1 : 0));
        expect(Array.from(dilateSquare(mask, w, h, r))).toEqual(Array.from(bruteForce(mask, w, h, r)));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves its input alone', () => {
    const mask = Uint8Array.from([0, 0, 0, 0, 1, 0, 0, 0, 0]);
    const out = dilateSquare(mask, 3, 3, 1);
    expect(Array.from(out)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(Array.from(mask)).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0]);
  });
});
