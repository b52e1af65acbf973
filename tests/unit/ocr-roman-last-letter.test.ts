import { describe, expect, it } from 'vitest';
import { lastLetterByShape } from '../../main/ocr-engine/reread-fields';
import { settleGlyph } from '../../main/ocr-engine/reread/glyph-choice';
import { render, svgText as text, LOOKS } from '../support/glyph-render';
import type { GrayImage } from '../../main/ocr-engine/image/gray-image';
import type { CharBox } from '../../main/ocr-engine/layout/text-lines';

/** The ink box of the rightmost run of inked columns: the line finder's last character of a rendered word. */
function lastChar(img: GrayImage): CharBox {
  const inked = (x: number): boolean => {
    for (let y = 0; y < img.height; y++) if (img.data[y * img.width + x]! < 140) return true;
    return false;
  };
  let x1 = img.width - 1;
  while (x1 > 0 && !inked(x1)) x1--;
  let x0 = x1;
  while (x0 > 0 && inked(x0 - 1)) x0--;
  let y0 = img.height;
  let y1 = 0;
  for (let y = 0; y < img.height; y++) for (let x = x0; x <= x1; x++) if (img.data[y * img.width + x]! < 140) { y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
  return { x0, y0, x1, y1 } as CharBox;
}

const inline = async (req: Parameters<typeof settleGlyph>[0]): Promise<string> => settleGlyph(req);

describe('a roman name\'s last letter by its print', () => {
  for (const font of ['Noto Serif CJK JP', 'IPAexMincho', 'Noto Sans CJK JP']) {
    it(`${font}: RAJ read RAT or RAI is RAJ, MEI read MEL is MEI, and RAT stays RAT`, async () => {
      for (const [word, read] of [['RAJ', 'RAT'], ['RAJ', 'RAI'], ['MEI', 'MEL'], ['RAT', 'RAT']] as const) {
        // the letters set apart a little, as the card designs space a roman name (and as the line finder then
        // finds the last one as a character of its own)
        const card = await render(text(word.slice(0, -1), 10, 44, 36, font, 30) + text(word.at(-1)!, 64, 44, 36, font, 30), 120, 60, LOOKS[0]!);
        expect(await lastLetterByShape(`LE ${read}`, [lastChar(card)], card, inline), `${word} read ${read}`).toBe(`LE ${word}`);
      }
    });
  }

  it('leaves a name alone whose last letter no other is taken for, or whose characters were not found', async () => {
    const card = await render(text('KIM', 10, 44, 36, 'Noto Sans CJK JP', 30), 120, 60, LOOKS[0]!);
    const never = async (): Promise<string> => { throw new Error('no shape test expected'); };
    expect(await lastLetterByShape('LEE KIM', [lastChar(card)], card, never)).toBe('LEE KIM');
    expect(await lastLetterByShape('LE RAT', [], card, never)).toBe('LE RAT');
  });
});
