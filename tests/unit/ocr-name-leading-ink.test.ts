import { describe, expect, it } from 'vitest';
import { extractFields } from '../../common/ocr/extract-fields';
import { applyReread, rereadPatch } from '../../main/ocr-engine/reread-fields';
import { createGray, type GrayImage } from '../../main/ocr-engine/image/gray-image';
import { aspectModel, bareLine as line } from '../support/recognized-lines';

/** A character's print: a hollow box with a bar across, 3 px strokes. */
function glyph(card: GrayImage, x0: number, y0: number, x1: number, y1: number): void {
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      const edge = x - x0 < 3 || x1 - x < 3 || y - y0 < 3 || y1 - y < 3 || Math.abs(y - (y0 + y1) / 2) < 1.5;
      if (edge) card.data[y * card.width + x] = 40;
    }
}

/**
 * A next-generation card as first read: 吉田 拓也 with its 吉 broken apart by the line finder (its 士 a line
 * of its own read ービ, its 口 joined to the roman name under it), so the name was found as 田 拓也.
 */
const LINES = [
  line('氏名', 347, 43, 396, 66, 24, 0.94),
  line('ヨシダ', 352, 79, 437, 102, 20, 0.92),
  line('タクヤ', 477, 80, 561, 102, 22, 0.92),
  line('拓也', 486, 117, 570, 154, 36, 0.56),
  line('ービ', 349, 118, 385, 135, 18, 0.5),
  line('田', 397, 121, 429, 153, 33, 0.9),
  line('住所', 347, 219, 399, 243, 23, 0.93),
  line('高知県安芸郡芸西村国光2553番地', 348, 260, 880, 286, 26, 0.77),
  line('生年月日', 348, 342, 450, 365, 23, 0.96),
  line('1931年 2月25日', 378, 374, 615, 400, 23, 0.93),
  line('有効期限', 347, 416, 453, 439, 24, 0.94),
  line('2020年 2月25日まで有効', 376, 448, 745, 475, 23, 0.93),
];

function card(withLead: boolean): GrayImage {
  const c = createGray(1200, 757, 236);
  if (withLead) glyph(c, 352, 119, 390, 153);
  glyph(c, 397, 121, 429, 153);
  glyph(c, 486, 117, 524, 154);
  glyph(c, 532, 117, 570, 154);
  return c;
}

/**
 * The model reads the whole name where the band takes in 吉 (~3.9 times as wide as tall with its margins),
 * 田 拓也 where it does not (~3.1), and nothing else.
 */
function nameModel(): ReturnType<typeof aspectModel> {
  return aspectModel([
    { from: 3.5, to: 5, text: '吉田 拓也', confidence: 0.85 },
    { from: 2.5, to: 3.5, text: '田 拓也', confidence: 0.85 },
  ]);
}

describe('the name\'s first character broken apart by the line finder', () => {
  it('is read with the name from its ink right before it (吉 of 吉田)', async () => {
    const pool = nameModel();
    const ex = extractFields(LINES, '2026-01-01');
    expect(ex.fields.name.value).toBe('田\u3000拓也');
    const patch = await rereadPatch(pool, card(true), LINES, [], ex);
    expect(extractFields(applyReread(LINES, patch), '2026-01-01').fields.name.value).toBe('吉田\u3000拓也');
  });

  it('leaves the name as its lines give it where no ink stands before it', async () => {
    const pool = nameModel();
    const ex = extractFields(LINES, '2026-01-01');
    const patch = await rereadPatch(pool, card(false), LINES, [], ex);
    expect(extractFields(applyReread(LINES, patch), '2026-01-01').fields.name.value).toBe('田\u3000拓也');
  });
});
