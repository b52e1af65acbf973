import { describe, expect, it } from 'vitest';
import { findTextLines } from '../../main/ocr-engine/layout/text-lines';
import { printedLabel } from '../../main/ocr-engine/layout/printed-label';
import { recognizeLine } from '../../main/ocr-engine/recognize-lines';
import type { TesseractPool } from '../../main/ocr-engine/tesseract/tesseract-pool';
import { FONTS, LOOKS, render, svgText, type Look } from '../support/glyph-render';

/** A warped card's width of paper with one line of text at a label's size (2 mm at 14 px/mm), left to the line finder. */
async function printedLine(text: string, font: string, look: Look, spacing = 0) {
  const size = 28;
  const body = [...text].map((ch, i) => svgText(ch, 60 + i * size * (1 + spacing), 80, size, font, look.ink ?? 17)).join('');
  const card = await render(body, 1200, 160, look);
  const lines = findTextLines(card);
  expect(lines.length, `${text} in ${font}, ${look.name}`).toBe(1);
  return { card, line: lines[0]! };
}

const LABELS = ['氏名', '住所', '生年月日', '有効期限', '性別'];
const flat = LOOKS[0]!;
const scanner = LOOKS[2]!;
const camera = LOOKS[3]!;

describe('a label known by its print', () => {
  for (const font of FONTS) {
    it(`${font}: every kanji label, solid and letter-spaced, printed plainly; scanned or blurred, the label or the model's`, async () => {
      for (const label of LABELS) {
        for (const spacing of [0, 0.5]) {
          const { card, line } = await printedLine(label, font, flat, spacing);
          expect(printedLabel(card, line)?.text, `${label} flat spacing ${spacing}`).toBe(label);
        }
        // a print the test cannot vouch for is left to the model, never taken for another label
        for (const look of [scanner, camera]) {
          const { card, line } = await printedLine(label, font, look);
          expect([label, undefined], `${label} ${look.name}`).toContain(printedLabel(card, line)?.text);
        }
      }
    });

    it(`${font}: names, a date and words one character off a label are no label`, async () => {
      for (const text of ['生田', '住田', '氏家', '有田', '性格', '住居', '名所', '有効期間', '生年月齢', '令和元年', '月日', '日月']) {
        for (const look of [flat, scanner]) {
          const { card, line } = await printedLine(text, font, look);
          expect(printedLabel(card, line), `${text} ${look.name}`).toBeNull();
        }
      }
    });
  }

  it('is a read line without the model: the label over its characters’ cells', async () => {
    const { card, line } = await printedLine('住所', FONTS[0]!, flat);
    const label = printedLabel(card, line)!;
    const pool = { recognize: () => Promise.reject(new Error('the model was asked')) } as unknown as TesseractPool;
    const read = await recognizeLine(pool, card, { ...line, label });
    expect(read.text).toBe('住所');
    expect(read.symbols.map((s) => s.text)).toEqual(['住', '所']);
    expect(read.symbols[0]!.x1).toBeLessThan(read.symbols[1]!.x0);
    expect(read.symbols[0]!.x0).toBeGreaterThanOrEqual(line.x0);
    expect(read.confidence).toBeGreaterThan(0.8);
  });
});
