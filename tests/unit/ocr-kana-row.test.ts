import { describe, expect, it } from 'vitest';
import { extractFields } from '../../common/ocr/extract-fields';
import type { RecognizedLine, RecognizedSymbol } from '../../common/ocr/recognized-line';
import { applyReread, INLINE_PIXELS, namesReadAs, rereadPatch, type RereadPixels } from '../../main/ocr-engine/reread-fields';
import { renderInline, type ShapeRequest } from '../../main/ocr-engine/reread/variant-images';
import { settleGlyph } from '../../main/ocr-engine/reread/glyph-choice';
import { voicingInline } from '../../main/ocr-engine/voicing-mark';
import { inkInline } from '../../main/ocr-engine/reread/ink-mask-request';
import { repeatedGlyphs, withoutRepeatedGlyphs } from '../../main/ocr-engine/reread/repeated-glyphs';
import { createGray } from '../../main/ocr-engine/image/gray-image';
import type { LineRequest, TesseractPool } from '../../main/ocr-engine/tesseract/tesseract-pool';
import { bareLine, fakeModel } from '../support/recognized-lines';
import { buildNameReadings } from '../../common/names/name-readings';

const sym = (text: string, x0: number, x1: number, confidence = 0.95): RecognizedSymbol => ({ text, x0, x1, confidence });
const spell = (syms: RecognizedSymbol[], space: number): string => syms.map((s, i) => (i === space ? ' ' : '') + s.text).join('');

describe('a glyph of letter-spaced ruby read twice', () => {
  // reads of real letter-spaced フリガナ (text height ~21 px), with the model's symbol boxes
  it('drops a character inside another with the same text, and a sliver between glyphs', () => {
    // ヒラノ マユミ read ヒラヲラノ: ラ's box spans ラ and ノ, a 4 px ヲ and a second ラ sit inside it
    const hiranoRead = [sym('ヒ', 205, 222), sym('ラ', 237, 286), sym('ヲ', 249, 253), sym('ラ', 253, 265), sym('ノ', 265, 286), sym('マ', 335, 356), sym('ユ', 367, 390), sym('ミ', 405, 418)];
    expect(withoutRepeatedGlyphs({ text: spell(hiranoRead, 5), symbols: hiranoRead }, 21).text).toBe('ヒラノ マユミ');
    // シバタ read シバパバタ
    const shibataRead = [sym('シ', 251, 271), sym('バ', 280, 331), sym('パ', 292, 296), sym('バ', 296, 308), sym('タ', 307, 331), sym('マ', 372, 395)];
    expect(withoutRepeatedGlyphs({ text: spell(shibataRead, 5), symbols: shibataRead }, 22).text).toBe('シバタ マ');
  });

  it('makes one of two identical characters that together are no wider than a glyph, keeping the surer', () => {
    const s = [sym('ヒ', 205, 215, 0.7), sym('セ', 214, 219), sym('ヒ', 219, 233, 0.9), sym('ラ', 237, 256)];
    expect([...repeatedGlyphs(s, 22)].sort()).toEqual([0, 1]);
  });

  it('keeps repeated kana that are two glyphs (ササキ), small kana, and a read whose symbols do not spell it', () => {
    const sasaki = [sym('サ', 100, 120), sym('サ', 124, 144), sym('キ', 148, 168)];
    expect(repeatedGlyphs(sasaki, 21).size).toBe(0);
    const small = [sym('キ', 100, 120), sym('ャ', 123, 134), sym('ン', 137, 157)];
    expect(repeatedGlyphs(small, 21).size).toBe(0);
    const c = { text: 'ヒラノ', symbols: [sym('ヒ', 0, 20)] };
    expect(withoutRepeatedGlyphs(c, 21)).toBe(c);
  });
});

const line = bareLine;
/** A model that reads nothing, recording the フリガナ reads (katakana whitelisted) it was asked for. */
function kanaRecorder(): { pool: TesseractPool; kanaReads: LineRequest[] } {
  const asked: LineRequest[] = [];
  const pool = fakeModel(() => ({ text: '', confidence: 0 }), asked);
  return { pool, get kanaReads() { return asked.filter((r) => r.whitelist?.includes('ア')); } };
}
/** A next-generation card as first read (rows design): フリガナ row above the name, found only over ワタナベ. */
const NEXT_GEN = [
  line('ワタナベ', 302, 46, 418, 69, 23, 0.94),
  line('フリガナ', 59, 48, 157, 69, 19),
  line('渡邉 康介', 301, 91, 539, 135, 43, 0.95),
  line('氏名', 57, 103, 104, 126, 23),
  line('住所', 56, 251, 104, 273, 22),
  line('千葉県佐倉市藤沢町5-34-17', 304, 252, 714, 279, 25),
  line('1974年 6月19日', 304, 329, 547, 355, 24),
  line('生年月日', 57, 332, 156, 355, 21),
  line('2031年 7月19日', 301, 380, 547, 406, 24),
  line('有効期限', 57, 382, 158, 405, 22),
];

describe('the フリガナ row', () => {
  it('is read as far right as its ink goes, past the end of the name under it (コウスケ over 康介)', async () => {
    const card = createGray(1200, 757, 236);
    // eight ruby glyphs 18 px tall, letter-spaced; the last two end at x 575, beyond the name's 539
    const glyphs = [302, 330, 358, 386, 460, 488, 516, 557];
    for (const gx of glyphs) for (let y = 48; y < 66; y++) card.data.fill(40, y * 1200 + gx, y * 1200 + gx + 18);
    const rec = kanaRecorder();
    const pool = rec.pool;
    const ex = extractFields(NEXT_GEN, '2026-01-01');
    expect(ex.layout).toBe('next-gen');
    await rereadPatch(pool, card, NEXT_GEN, [], ex);
    expect(rec.kanaReads.length).toBeGreaterThan(0);
    for (const r of rec.kanaReads) {
      // the crop is the 18 px row with 6 px above and below, scaled to the variant's glyph size: back in
      // card pixels it must cover 302..575
      const scale = r.image.height / 30;
      expect(r.image.width / scale).toBeGreaterThan(575 - 302);
    }
  });

  it('stays as read when every read says the same, sure of it, though the name tables give the name beside it another reading', async () => {
    const card = createGray(1200, 757, 236);
    const glyphs = [302, 330, 358, 386, 460, 488, 516, 557];
    for (const gx of glyphs) for (let y = 48; y < 66; y++) card.data.fill(40, y * 1200 + gx, y * 1200 + gx + 18);
    const names = buildNameReadings([
      [
        { kind: '姓', surface: '渡邉', readings: ['わたなべ'] },
        { kind: '名', surface: '康介', readings: ['こうすけ'] },
      ],
    ]);
    const kanaOf = (reads: { text: string; confidence: number }) => {
      const lines = NEXT_GEN.map((l, i) => (i === 0 ? { ...l, text: 'ワタナベ コウスキ', x1: 575 } : l));
      const pool = fakeModel((req) => (req.whitelist?.includes('ア') ? reads : { text: '', confidence: 0 }));
      return rereadPatch(pool, card, lines, [], extractFields(lines, '2026-01-01'), null, names).then((p) => extractFields(applyReread(lines, p), '2026-01-01').fields.nameKana.value);
    };
    // the print read the same three times at 0.9: コウスキ, as printed (the tables' コウスケ for 康介 does not change it)
    expect(await kanaOf({ text: 'ワタナベ コウスキ', confidence: 0.9 })).toBe('ワタナベ\u3000コウスキ');
    // reads less sure of it: the tables' reading one kana off, for the clerk to look at
    expect(await kanaOf({ text: 'ワタナベ コウスキ', confidence: 0.6 })).toBe('ワタナベ\u3000コウスケ');
  });

  describe('and the name under it', () => {
    const names = buildNameReadings([
      [
        { kind: '姓', surface: '池田', readings: ['いけだ'] },
        { kind: '名', surface: '和志', readings: ['かずし'] },
        { kind: '名', surface: '和也', readings: ['かずや'] },
        { kind: '名', surface: '和人', readings: ['かずと'] },
      ],
    ]);

    it('proposes the known names one character off whose reading is the フリガナ, where the read\'s is not (和志 under カズヤ: 和也)', () => {
      expect(namesReadAs('池田\u3000和志', 'イケダ カズヤ', names)).toEqual(['池田\u3000和也']);
      expect(namesReadAs('池田\u3000和也', 'イケダ カズヤ', names)).toEqual([]);
      expect(namesReadAs('池田\u3000和志', 'イケダ', names)).toEqual([]);
    });

    it('gives the print those names to choose from when every read of the フリガナ agrees, sure of it', async () => {
      const card = createGray(1200, 757, 236);
      for (const gx of [302, 330, 358, 460, 488, 516]) for (let y = 48; y < 66; y++) card.data.fill(40, y * 1200 + gx, y * 1200 + gx + 18);
      const lines = NEXT_GEN.map((l, i) => (i === 0 ? { ...l, text: 'イケダ カズヤ', x1: 534 } : i === 2 ? { ...l, text: '池田 和志', confidence: 0.5 } : l));
      const proposalsWith = async (kanaConfidence: number): Promise<readonly string[]> => {
        const asked: ShapeRequest[] = [];
        const pixels: RereadPixels = { ...INLINE_PIXELS, variants: renderInline, glyph: async (req) => settleGlyph(req), voicing: voicingInline, ink: inkInline, shape: async (req) => (asked.push(req), req.name) };
        const pool = fakeModel((req) => (req.whitelist?.includes('ア') ? { text: 'イケダ カズヤ', confidence: kanaConfidence } : { text: '', confidence: 0 }));
        await rereadPatch(pool, card, lines, [], extractFields(lines, '2026-01-01'), null, names, pixels);
        return asked.flatMap((r) => r.proposals);
      };
      expect(await proposalsWith(0.92)).toContain('池田\u3000和也');
      expect(await proposalsWith(0.6)).not.toContain('池田\u3000和也');
    });
  });

  it('is found as its own row on a hatched card, the hatching no ink (モリ    マサト over a striped background)', async () => {
    const card = createGray(1200, 757, 236);
    // the card's printed pattern: thin diagonal lines, darker than the paper, across the whole card
    for (let y = 0; y < 757; y++) for (let x = 0; x < 1200; x++) if ((x + y) % 7 === 0) card.data[y * 1200 + x] = 196;
    const glyphs = [302, 330, 358, 386, 460, 488, 516, 557];
    for (const gx of glyphs) for (let y = 48; y < 66; y++) card.data.fill(40, y * 1200 + gx, y * 1200 + gx + 18);
    const rec = kanaRecorder();
    await rereadPatch(rec.pool, card, NEXT_GEN, [], extractFields(NEXT_GEN, '2026-01-01'));
    expect(rec.kanaReads.length).toBeGreaterThan(0);
    // the 18 px row (with its margins), as long as the ruby: not the whole search area above the name
    for (const r of rec.kanaReads) expect(r.image.width / r.image.height).toBeGreaterThan(7);
  });

  it('is the row of ink right over the name, not a label as tall standing above it (氏名 over フジイ ユウコ)', async () => {
    const lines = [
      line('氏名', 332, 37, 379, 59, 23, 0.26),
      line('フジイ', 338, 71, 405, 93, 21, 0.92),
      line('【 昌三|', 439, 71, 509, 92, 18, 0.27),
      line('藤井 優子', 334, 99, 653, 157, 58, 0.91),
      line('FUJII YUKO', 334, 180, 496, 201, 22, 0.81),
      line('住所', 334, 237, 384, 259, 23),
      line('山形県最上郡', 338, 280, 578, 316, 35, 0.8),
      line('大蔵村赤松5-28-12', 336, 331, 819, 368, 31, 0.84),
      line('生年月日', 337, 414, 433, 436, 23),
      line('1948年5月13日', 357, 445, 760, 481, 31),
      line('有効期限', 337, 504, 436, 526, 23),
      line('2030年5月13日', 354, 533, 760, 569, 31),
    ];
    const card = createGray(1200, 757, 236);
    const block = (x: number, y0: number, y1: number, w: number): void => {
      for (let y = y0; y < y1; y++) card.data.fill(40, y * 1200 + x, y * 1200 + x + w);
    };
    for (const x of [332, 357]) block(x, 37, 59, 20); // the label, as tall as the ruby
    for (const x of [338, 361, 384, 439, 462, 485]) block(x, 71, 93, 20); // the ruby
    for (const x of [334, 400, 530, 596]) block(x, 101, 155, 54); // the name
    const rec = kanaRecorder();
    await rereadPatch(rec.pool, card, lines, [], extractFields(lines, '2026-01-01'));
    expect(rec.kanaReads.length).toBeGreaterThan(0);
    // the ruby row, 171 px wide and 22 tall (with its margins): not the label's 47 × 22
    for (const r of rec.kanaReads) expect(r.image.width / r.image.height).toBeGreaterThan(3.5);
  });

  it('is found whole when a design sets it further above the name than the search first reaches', async () => {
    const card = createGray(1200, 757, 236);
    // ruby 18 px tall whose top is 1.4 name heights above the name (91 − 60 = 31)
    for (const gx of [302, 330, 358, 386]) for (let y = 31; y < 49; y++) card.data.fill(40, y * 1200 + gx, y * 1200 + gx + 18);
    const rec = kanaRecorder();
    const pool = rec.pool;
    const lines = NEXT_GEN.filter((l) => l.text !== 'ワタナベ');
    await rereadPatch(pool, card, lines, [], extractFields(lines, '2026-01-01'));
    expect(rec.kanaReads.length).toBeGreaterThan(0);
    // the whole 18 px row scaled to the variant's size (≥ 40 px glyphs, with its margins); its lower half
    // alone would be scaled by the cap of 3 to a strip ~40 px tall
    for (const r of rec.kanaReads) expect(r.image.height).toBeGreaterThanOrEqual(60);
  });

  it('found as two lines, is the family and the given name, each glyph once', async () => {
    const card = createGray(1200, 757, 236);
    // サトウ サクラ printed over 佐藤 さくら, the model reading each サ twice (ササトウ, ササクラ)
    for (const gx of [347, 378, 400, 449, 476, 501]) for (let y = 52; y < 72; y++) card.data.fill(40, y * 1200 + gx, y * 1200 + gx + 16);
    const kana = (text: string, xs: number[]): RecognizedLine => ({ ...line(text, xs[0]!, 51, xs.at(-1)! + 16, 73, 20, 0.67), symbols: [...text].map((c, i) => ({ text: c, confidence: 0.95, x0: xs[i]!, x1: xs[i]! + 16 })) });
    // the given name's ruby found first (the line finder's order is not the reading order)
    const lines = [
      kana('ササクラ', [449, 453, 476, 501]),
      kana('ササトウ', [347, 352, 378, 400]),
      line('氏名', 344, 24, 378, 43, 19),
      line('佐藤 さくら', 345, 84, 657, 136, 50, 0.93),
      ...NEXT_GEN.slice(4),
    ];
    const ex = extractFields(lines, '2026-01-01');
    expect(ex.fields.nameKana.value).toBe('ササトウ　ササクラ');
    const patch = await rereadPatch(fakeModel(() => ({ text: '', confidence: 0 })), card, lines, [], ex);
    expect(extractFields(applyReread(lines, patch), '2026-01-01').fields.nameKana.value).toBe('サトウ　サクラ');
  });
});
