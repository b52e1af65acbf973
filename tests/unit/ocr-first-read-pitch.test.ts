import { describe, expect, it } from 'vitest';
import { FIRST_READ_PITCH, firstReadCrop, lineCrop, pitchSqueeze } from '../../main/ocr-engine/image/line-crop';
import { createGray } from '../../main/ocr-engine/image/gray-image';
import type { CharBox } from '../../main/ocr-engine/layout/text-lines';

/** `n` pieces `w` px wide, one every `advance` px, on a row `h` px tall. */
function row(n: number, advance: number, w: number, h = 30): { glyphH: number; chars: CharBox[] } {
  return { glyphH: h, chars: Array.from({ length: n }, (_, i) => ({ x0: 10 + i * advance, y0: 5, x1: 10 + i * advance + w - 1, y1: 5 + h - 1 })) };
}

describe('a line brought to the pitch of solid type for its first read', () => {
  it('squeezes a letter-spaced row across to the target pitch, never past the floor', () => {
    // full-width characters 1.2 text heights apart: 1.05 / 1.2
    expect(pitchSqueeze(row(8, 36, 28))).toBeCloseTo(FIRST_READ_PITCH.target / 1.2, 5);
    // set 2 text heights apart: held at the floor
    expect(pitchSqueeze(row(8, 60, 28))).toBe(FIRST_READ_PITCH.minSqueeze);
  });

  it('leaves solid type, roman letters and half-width digits as they are', () => {
    expect(pitchSqueeze(row(8, 30, 28))).toBe(1);
    expect(pitchSqueeze(row(12, 18, 15))).toBe(1);
  });

  it('needs two advances to tell a pitch', () => {
    expect(pitchSqueeze(row(2, 60, 28))).toBe(1);
    expect(pitchSqueeze({ glyphH: 30 })).toBe(1);
  });

  it('takes the median advance: one word gap does not squeeze a name, strokes found apart squeeze less', () => {
    // 福田　翔: two characters, a wide gap, one character
    const name = { glyphH: 30, chars: [...row(2, 31, 29).chars, { x0: 200, y0: 5, x1: 228, y1: 34 }] };
    expect(pitchSqueeze(name)).toBe(1);
    // each character 1.4 apart but found as two strokes: advances alternate 14 and 28 px, the median is short
    const strokes = { glyphH: 30, chars: row(6, 42, 12).chars.flatMap((c) => [c, { ...c, x0: c.x0 + 14, x1: c.x1 + 14 }]) };
    expect(pitchSqueeze(strokes)).toBeGreaterThan(pitchSqueeze(row(6, 42, 28)));
  });

  it('cuts the first-read crop narrower by the squeeze, at the same height, with symbols mapped back across', () => {
    const card = createGray(800, 100, 255);
    const l = { x0: 10, y0: 20, x1: 10 + 7 * 45 + 27, y1: 49, ...row(8, 45, 28) };
    l.chars = l.chars.map((c) => ({ ...c, y0: 20, y1: 49 }));
    for (const c of l.chars) for (let y = c.y0; y <= c.y1; y++) card.data.fill(0, y * 800 + c.x0, y * 800 + c.x1 + 1);
    const plain = lineCrop(card, l);
    const first = firstReadCrop(card, l);
    const k = pitchSqueeze(l);
    expect(k).toBeLessThan(1);
    expect(first.image.height).toBe(plain.image.height);
    expect(first.image.width).toBe(Math.round(plain.image.width * k));
    // crop px → card px: the first character's left edge lands where it is on the card
    const firstInk = [...Array(first.image.width).keys()].find((x) => first.image.data[Math.floor(first.image.height / 2) * first.image.width + x]! < 128)!;
    expect(first.x + firstInk / first.scale).toBeCloseTo(l.chars[0]!.x0, -0.5);
  });
});
