import { describe, expect, it } from 'vitest';
import { warpQuad } from '../../main/ocr-engine/image/homography';
import { createGray, histogram, paperLevel } from '../../main/ocr-engine/image/gray-image';

describe('warping a card outline to the card image', () => {
  const src = createGray(40, 30);
  for (let y = 0; y < 30; y++) for (let x = 0; x < 40; x++) src.data[y * 40 + x] = (x * 7 + y * 3) % 256;

  it('gives the source back for its own rectangle', () => {
    const out = warpQuad(src, [{ x: 0, y: 0 }, { x: 39, y: 0 }, { x: 39, y: 29 }, { x: 0, y: 29 }], 40, 30);
    expect(Array.from(out.data)).toEqual(Array.from(src.data));
  });

  it('samples between pixels bilinearly, rounding half up, and leaves what lies outside the source white', () => {
    // half a pixel to the right: each output is the mean of two neighbours
    const out = warpQuad(src, [{ x: 0.5, y: 0 }, { x: 39.5, y: 0 }, { x: 39.5, y: 29 }, { x: 0.5, y: 29 }], 40, 30);
    for (let y = 0; y < 30; y++) for (let x = 0; x < 39; x++) {
      expect(out.data[y * 40 + x]).toBe(Math.round((src.data[y * 40 + x]! + src.data[y * 40 + x + 1]!) / 2));
    }
    // the last column samples past the source's edge
    expect(out.data[39]).toBe(255);
  });
});

describe('grey level counts and the levels taken from them', () => {
  it('counts every pixel once per level; the paper level is the bright 30 % percentile', () => {
    const img = createGray(10, 10, 240);
    for (let i = 0; i < 20; i++) img.data[i] = 10;
    const hist = histogram(img.data);
    expect(hist[240]).toBe(80);
    expect(hist[10]).toBe(20);
    expect(hist.reduce((a, b) => a + b, 0)).toBe(100);
    expect(paperLevel(img)).toBe(240);
  });
});
