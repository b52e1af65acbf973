import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { runPrep } from '../../main/ocr-engine/prep/prepare';
import { isCardShaped, photoSideScore } from '../../main/ocr-engine/layout/photo-side';
import { createGray, rotate180 } from '../../main/ocr-engine/image/gray-image';

const fixture = (name: string): Buffer => fs.readFileSync(path.join(__dirname, '../fixtures/cards', name));
const FRONTS = ['card-101-0000-current-flat.jpg', 'card-102-0000-next-gen-scanner.png', 'card-103-0000-foreign-camera.jpg'];

describe('which way up a card is', () => {
  it.each(FRONTS)('turns %s upright whichever way it was put down', async (name) => {
    const upright = await runPrep({ op: 'prepare', bytes: fixture(name) });
    const turned = await runPrep({ op: 'prepare', bytes: await sharp(fixture(name)).rotate(180).toBuffer() });
    for (const r of [upright, turned]) {
      const view = r.views[0]!;
      expect(isCardShaped(view.card)).toBe(true);
      // the portrait ends up in the right column
      expect(photoSideScore(view.card)).toBeGreaterThan(0.1);
    }
    expect(turned.views[0]!.flipped).toBe(!upright.views[0]!.flipped);
  });

  it('tells the portrait side only on card-shaped images and scores a plain card as undecided', () => {
    const plain = createGray(1200, 757, 230);
    expect(isCardShaped(plain)).toBe(true);
    expect(photoSideScore(plain)).toBe(0);
    expect(isCardShaped(createGray(1200, 900))).toBe(false);
    // a dark block where the photo is: upright; the same card turned over: upside down
    const card = createGray(1200, 757, 230);
    for (let y = 200; y < 520; y++) card.data.fill(70, y * 1200 + 880, y * 1200 + 1130);
    expect(photoSideScore(card)).toBeGreaterThan(0.3);
    expect(photoSideScore(rotate180(card))).toBeLessThan(-0.3);
  });
});
