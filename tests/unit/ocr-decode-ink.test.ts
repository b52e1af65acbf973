import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { decodeImage } from '../../main/ocr-engine/image/decode';

/** A 400 × 240 RGB image: pale paper, stripes of a pale colour (a card's security pattern), a block of ink. */
async function patternedCard(stripe: [number, number, number], ink: [number, number, number]): Promise<Uint8Array> {
  const w = 400;
  const h = 240;
  const px = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const inInk = x >= 100 && x < 160 && y >= 80 && y < 140;
      const onStripe = (x + y) % 8 < 2;
      const c = inInk ? ink : onStripe ? stripe : [250, 248, 246];
      px.set(c, (y * w + x) * 3);
    }
  return new Uint8Array(await sharp(px, { raw: { width: w, height: h, channels: 3 } }).png().toBuffer());
}

describe('the image the card reader sees', () => {
  it('drops a pale coloured pattern and keeps the ink', async () => {
    for (const stripe of [
      [240, 150, 170], // pink
      [150, 190, 240], // blue
      [180, 240, 170], // green
    ] as [number, number, number][]) {
      const img = await decodeImage(await patternedCard(stripe, [25, 25, 30]));
      const at = (x: number, y: number): number => img.gray.data[y * img.gray.width + x]!;
      // a stripe pixel (x + y ≡ 0 mod 8), outside the ink: as bright as its brightest channel
      expect(at(8, 0)).toBeGreaterThanOrEqual(235);
      // the ink stays ink
      expect(at(130, 110)).toBeLessThan(40);
    }
  });

  it('keeps ink printed in a dark colour (a label in dark blue or red) dark', async () => {
    for (const ink of [
      [34, 68, 102],
      [119, 51, 51],
    ] as [number, number, number][]) {
      const img = await decodeImage(await patternedCard([240, 150, 170], ink));
      expect(img.gray.data[110 * img.gray.width + 130]!).toBeLessThan(125);
    }
  });
});
