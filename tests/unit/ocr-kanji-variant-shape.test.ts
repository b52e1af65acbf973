import { describe, expect, it } from 'vitest';
import { differingStrokesFit, settleNameVariants, settleVariant } from '../../main/ocr-engine/kanji/variant-shape';
import { crop } from '../../main/ocr-engine/image/gray-image';
import { FONTS, LOOKS, glyph, render, svgText } from '../support/glyph-render';
import { LOOKALIKE_GROUPS } from '../../common/kanji/lookalike-table';

/**
 * The model reads 髙橋 as 高橋 and 宮﨑 as 宮崎: the printed shape decides. Names drawn with the card fonts,
 * sharp and degraded; a variant may be missed (the clerk's picker remains) but a common form on the card
 * must never be turned into a variant.
 */
const PAIRS: [string, string][] = [
  ['高', '髙'],
  ['崎', '﨑'],
  ['辺', '邉'],
  ['浜', '濵'],
  ['沢', '澤'],
  ['吉', '𠮷'],
];

async function nameImage(family: string, given: string, font: string, look: (typeof LOOKS)[number]) {
  const s = 2 * look.size;
  const text = `${family}　${given}`;
  const img = await render(svgText(text, 10, 10 + 0.88 * s, s, font, look.ink ?? 17), ([...text].length + 1) * s, s + 20, look);
  const band = { x0: 6, y0: 6, x1: 10 + [...text].length * s, y1: 14 + s };
  const gapX = 10 + ([...family].length + 0.5) * s;
  return { img, band, gapX, s };
}

describe('kanji variants by printed shape', () => {
  for (const font of FONTS) {
    for (const look of LOOKS) {
      it(`${font}, ${look.name}: common forms stay, variants are found`, async () => {
        let found = 0;
        for (const [common, variant] of PAIRS) {
          const plain = await nameImage(`${common}田`, '一郎', font, look);
          expect(settleNameVariants(`${common}田\u3000一郎`, plain.img, plain.band, plain.gapX), `${common} stays`).toBe(`${common}田\u3000一郎`);
          const v = await nameImage(`${variant}田`, '一郎', font, look);
          if (settleNameVariants(`${common}田\u3000一郎`, v.img, v.band, v.gapX) === `${variant}田\u3000一郎`) found++;
        }
        if (look.name === 'flat') expect(found).toBeGreaterThanOrEqual(4);
      });
    }
  }

  for (const font of FONTS) {
    for (const look of LOOKS) {
      it(`${font}, ${look.name}: a look-alike the model read right stays, one it read wrong is put right`, async () => {
        let wrongReads = 0;
        let putRight = 0;
        for (const group of LOOKALIKE_GROUPS) {
          for (const printed of group) {
            const img = await nameImage('山', `${printed}子`, font, look);
            // the model read it right: never changed
            expect(settleNameVariants(`山\u3000${printed}子`, img.img, img.band, img.gapX), `${printed} stays`).toBe(`山\u3000${printed}子`);
            for (const read of group) {
              if (read === printed) continue;
              wrongReads++;
              if (settleNameVariants(`山\u3000${read}子`, img.img, img.band, img.gapX) === `山\u3000${printed}子`) putRight++;
            }
          }
        }
        if (look.name === 'flat') expect(putRight / wrongReads).toBeGreaterThanOrEqual(0.6);
      });
    }
  }

  it('leaves names without variant characters, unsplit names and blank crops alone', async () => {
    const { img, band, gapX, s } = await nameImage('山田', '花子', FONTS[0]!, LOOKS[0]!);
    expect(settleNameVariants('山田\u3000花子', img, band, gapX)).toBe('山田\u3000花子');
    expect(settleNameVariants('高田花子', img, band, gapX)).toBe('高田花子');
    expect(settleNameVariants('高田\u3000花子', img, band, null)).toBe('高田\u3000花子');
    expect(settleVariant(crop(img, 0, 0, s, 4), '高')).toBe('高');
  });
});

describe('where two variants differ', () => {
  for (const font of FONTS) {
    // (at the camera look's 20 px, blurred, the few differing cells say nothing either way: the local
    // margin then changes nothing, which the tests above check as "common forms stay")
    it(`${font}: the strokes that tell 髙 from 高 (and 﨑 from 崎) fit the printed one better, from 22 px up`, async () => {
      for (const look of LOOKS.filter((l) => l.name !== 'camera')) {
        for (const [common, variant] of [['高', '髙'], ['崎', '﨑']] as const) {
          const v = differingStrokesFit(await glyph(variant, font, look), common, variant)!;
          expect(v.alternative, `${variant} ${look.name}`).toBeLessThan(v.read);
          const c = differingStrokesFit(await glyph(common, font, look), common, variant)!;
          expect(c.read, `${common} ${look.name}`).toBeLessThan(c.alternative);
        }
      }
    });
  }

  it('is not judged without drawn shapes or contrast', () => {
    const blank = { width: 30, height: 30, data: new Uint8Array(900).fill(230) };
    expect(differingStrokesFit(blank, '高', '髙')).toBeNull();
  });
});
