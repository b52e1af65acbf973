import { describe, expect, it } from 'vitest';
import { birthDateOnly, decideSex, refineLines, sexRightOfBirthDate, smallLabelAtRowEnd } from '../../main/ocr-engine/refine-lines';
import { findTextLines } from '../../main/ocr-engine/layout/text-lines';
import { firstInk, SEX_INLINE } from '../../main/ocr-engine/reread/sex-value';
import { sexShape } from '../../main/ocr-engine/reread/sex-shape';
import { createGray, crop, type GrayImage } from '../../main/ocr-engine/image/gray-image';
import { FONTS, glyph, LOOKS, render, svgText as text, type Look } from '../support/glyph-render';
import type { LineRequest, LineResult, TesseractPool } from '../../main/ocr-engine/tesseract/tesseract-pool';
import type { RecognizedLine } from '../../common/ocr/recognized-line';
import { PrepWorker } from '../../main/ocr-engine/prep/prep-client';

/** 性別 on real glyph renderings, and a card line whose symbol boxes are off the way the OCR model's are. */
describe('性別 shape test on rendered glyphs', () => {
  for (const font of FONTS) {
    for (const look of LOOKS) {
      it(`${font}, ${look.name}: 男 is M, 女 is F`, async () => {
        const m = sexShape(await glyph('男', font, look));
        const f = sexShape(await glyph('女', font, look));
        expect(m).toMatchObject({ sex: 'M' });
        expect(f).toMatchObject({ sex: 'F' });
      });
    }
  }
});

describe('性別 shape test on a blurred phone photo', () => {
  // blurrier than any look above: the counters of 田 close up, the strokes of 女 run together
  const phone: Look = { name: 'phone', size: 22, blur: 1.3, ink: 50, jpeg: 55, shrink: true };
  for (const font of FONTS) {
    it(`${font}: still 男 and 女, by the drawings' shapes rather than by counting counters`, async () => {
      expect(sexShape(await glyph('男', font, phone)).sex).toBe('M');
      expect(sexShape(await glyph('女', font, phone)).sex).toBe('F');
    });
  }
  it('reads a value printed in pale grey (paper and ink ~50 apart), down to the floor the atlas itself uses', async () => {
    const pale: Look = { name: 'pale', size: 24, blur: 0.7, jpeg: 60 };
    // cut where the glyph is drawn (the test helper's own crop looks for darker ink)
    const paleGlyph = async (ch: string, font: string): Promise<GrayImage> => crop(await render(text(ch, 8, 8 + 0.88 * 24, 24, font, 185), 40, 40, pale), 6, 6, 28, 28);
    // the gothic faces: a mincho's hairlines in such pale ink fall under the floor, and are left to the clerk
    for (const font of [FONTS[0]!, FONTS[2]!]) {
      const m = await paleGlyph('男', font);
      const sorted = Uint8Array.from(m.data).sort();
      expect(sorted[Math.floor(0.9 * sorted.length)]! - sorted[Math.floor(0.02 * sorted.length)]!).toBeLessThan(60);
      expect(sexShape(m).sex, font).toBe('M');
      expect(sexShape(await paleGlyph('女', font)).sex, font).toBe('F');
    }
  });
});

describe('性別 shape test refuses what is not one glyph', () => {
  it('gives null for paper, a card edge and a photo corner, never 女', () => {
    const gray = (w: number, h: number, f: (x: number, y: number) => number): GrayImage => {
      const data = new Uint8Array(w * h);
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = f(x, y);
      return { width: w, height: h, data };
    };
    // the crop the reader took on the e2e card: the card's edge against the scanner lid, a grey slab
    expect(sexShape(gray(12, 61, (x) => (x < 3 ? 236 : 180))).sex).toBeNull();
    expect(sexShape(gray(30, 30, () => 235)).sex).toBeNull();
    expect(sexShape(gray(30, 30, (x, y) => 230 - ((x * 7 + y * 3) % 9))).sex).toBeNull();
    expect(sexShape(gray(40, 40, (x, y) => (x > 20 && y > 20 ? 120 : 236))).sex).toBeNull();
  });
});

/** A pool that answers every 性別 re-read with the same text: the model's read is under test's control. */
function fakePool(text: string, confidence: number): TesseractPool {
  return { recognize: (req: LineRequest): Promise<LineResult> => Promise.resolve({ text: req.whitelist === '男女' ? text : '', confidence, symbols: [] } as unknown as LineResult) } as unknown as TesseractPool;
}

describe('性別 found, tested and tiled in the preprocessing worker', () => {
  it('gives the same line as inline, and the reads get the strip made there', async () => {
    const prep = PrepWorker.start();
    try {
      expect(prep.inline).toBe(false);
      for (const ch of ['男', '女'] as const) {
        const { card, line } = await sexLine(ch, FONTS[0]!, LOOKS[0]!, 'touching');
        const asked: LineRequest[] = [];
        const pool = {
          recognize: (req: LineRequest): Promise<LineResult> => (asked.push(req), Promise.resolve({ text: req.whitelist === '男女' ? ch.repeat(3) : '', confidence: 0.9, symbols: [] } as unknown as LineResult)),
        } as unknown as TesseractPool;
        const [off] = await refineLines(pool, card, [line], '2026-06-01', [line], { value: (req) => prep.sexValue(req), firstInk: (req) => prep.firstInk(req) });
        const [inline] = await refineLines(fakePool(ch.repeat(3), 0.9), card, [line], '2026-06-01');
        expect(off).toEqual(inline);
        expect(sexOf(off!).value).toBe(ch);
        // three glyphs side by side: wider than twice its height
        const strip = asked.find((r) => r.whitelist === '男女')!.image;
        expect(strip.width).toBeGreaterThan(2 * strip.height);
      }
    } finally {
      await prep.close();
    }
  });
});

/**
 * The 性別 line of a current card at the scale the reader works at: the small grey label, the value after it,
 * the photo's edge beyond, and the model's symbol boxes for 性 別 as loose as it gives them (別's box running up
 * to or into the value).
 */
async function sexLine(ch: '男' | '女', font: string, look: Look, labEndAt: 'touching' | 'inside'): Promise<{ card: GrayImage; line: RecognizedLine }> {
  const lx = 40;
  const vx = 112;
  const vs = 34;
  // the photo's edge a little right of the value: tall ink that is no character
  const photo = `<rect x="${(vx + vs + 30) * 2}" y="0" width="200" height="200" transform="scale(0.5) scale(__K__)" fill="rgb(170,180,190)" stroke="rgb(120,120,120)" stroke-width="2"/>`;
  const img = await render(`${text('性別', lx, 60, 24, font, 68)}${text(ch, vx, 56 + 0.1 * vs, vs, font, look.ink ?? 17)}${photo}`, 260, 100, look);
  const top = 56 + 0.1 * vs - 0.88 * vs;
  const labEnd = labEndAt === 'touching' ? vx + 1 : vx + 0.7 * vs;
  const line: RecognizedLine = {
    x0: lx,
    y0: Math.round(top),
    x1: vx + vs,
    y1: Math.round(top + vs),
    glyphH: 26,
    text: `性別 ${ch}`,
    confidence: 0.6,
    symbols: [
      { text: '性', confidence: 0.6, x0: lx, x1: vx + vs },
      { text: '別', confidence: 0.6, x0: lx + 24, x1: labEnd },
      { text: ch, confidence: 0.6, x0: vx + 12, x1: vx + vs + 6 },
    ],
  };
  return { card: img, line };
}

const sexOf = (l: RecognizedLine): { value: string; confidence: number } => {
  const sym = l.symbols.filter((s) => s.text === '男' || s.text === '女').at(-1)!;
  return { value: l.text.slice(-1), confidence: sym.confidence };
};

describe('性別 re-read on a card line', () => {
  const cases = FONTS.flatMap((font) => [LOOKS[0]!, LOOKS[2]!, LOOKS[3]!].flatMap((look) => (['touching', 'inside'] as const).map((at) => ({ font, look, at }))));
  for (const { font, look, at } of cases) {
    it(`${font}, ${look.name}, 別's box ${at} the value: 男 stays 男, 女 stays 女`, async () => {
      for (const ch of ['男', '女'] as const) {
        const { card, line } = await sexLine(ch, font, look, at);
        // the model gives nothing for the glyph: the shape alone decides, below the clerk's check threshold
        const [blind] = await refineLines(fakePool('', 0), card, [line], '2026-06-01');
        expect(sexOf(blind!).value).toBe(ch);
        expect(sexOf(blind!).confidence).toBeLessThan(0.8);
        // the model agrees: sure
        const [agree] = await refineLines(fakePool(ch.repeat(3), 0.9), card, [line], '2026-06-01');
        expect(sexOf(agree!)).toEqual({ value: ch, confidence: expect.any(Number) as number });
        expect(sexOf(agree!).confidence).toBeGreaterThanOrEqual(0.9);
        // the model says the other one: whatever wins, the clerk is told to look
        const [clash] = await refineLines(fakePool((ch === '男' ? '女' : '男').repeat(3), 0.9), card, [line], '2026-06-01');
        expect(sexOf(clash!).confidence).toBeLessThanOrEqual(0.3);
      }
    });
  }
});

/**
 * The label given a line of its own, printed small (14 px), and the value twice its size after it, a line of
 * its own that the model misread (">"): as on the varied generator's foreign and current designs.
 */
async function smallLabelLine(ch: '男' | '女', label: string, font: string, look: Look): Promise<{ card: GrayImage; label: RecognizedLine; value: RecognizedLine }> {
  const img = await render(`${text('性別', 40, 62, 14, font, 68)}${text(ch, 90, 68, 34, font, look.ink ?? 17)}`, 200, 100, look);
  const labelLine: RecognizedLine = { x0: 40, y0: 50, x1: 69, y1: 64, glyphH: 14, text: label, confidence: 0.8, symbols: [...label].map((c, i) => ({ text: c, confidence: 0.8, x0: 40 + 14 * i, x1: 54 + 14 * i })) };
  const valueLine: RecognizedLine = { x0: 90, y0: 38, x1: 124, y1: 72, glyphH: 34, text: '>', confidence: 0.4, symbols: [{ text: '>', confidence: 0.4, x0: 90, x1: 124 }] };
  return { card: img, label: labelLine, value: valueLine };
}

describe('性別 beside a small label of its own line', () => {
  for (const font of FONTS) {
    it(`${font}: the value twice the label's size is found, with the label misread in either character`, async () => {
      for (const ch of ['男', '女'] as const) {
        for (const label of ['性別', '性列', '生別']) {
          const { card, label: l, value } = await smallLabelLine(ch, label, font, LOOKS[0]!);
          // the line finder's boxes of the row are the neighbours: the value's height sizes the search
          const [read] = await refineLines(fakePool(ch.repeat(3), 0.9), card, [l], '2026-06-01', [l, value]);
          expect(sexOf(read!).value, `${ch} ${label}`).toBe(ch);
          expect(sexOf(read!).confidence).toBeGreaterThanOrEqual(0.85);
        }
      }
    });
  }
});

/**
 * A label known by its print (layout/printed-label.ts) ends where its ink does, not at a box that runs into
 * the value as the model's do: the value's search still reaches as far as SEX_VALUE says a value may be (a
 * foreign resident's card: 性別 18 px tall, 男 30 starting two label heights after it, no line beside it found).
 */
describe('性別 beside a label whose end is its ink', () => {
  for (const font of FONTS) {
    it(`${font}: the value two label heights on is found whole`, async () => {
      for (const ch of ['男', '女'] as const) {
        const probe = await render(text('性別', 40, 60, 21, font, 68), 260, 100, LOOKS[0]!);
        let x0 = probe.width;
        let x1 = 0;
        let y0 = probe.height;
        let y1 = 0;
        for (let y = 0; y < probe.height; y++) for (let x = 0; x < probe.width; x++) if (probe.data[y * probe.width + x]! < 150) [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
        const card = await render(`${text('性別', 40, 60, 21, font, 68)}${text(ch, x1 + 42, 66, 31, font, 17)}`, 260, 100, LOOKS[0]!);
        const mid = Math.round((x0 + x1) / 2);
        const l: RecognizedLine = { x0, y0, x1, y1, glyphH: y1 - y0, text: '性別', confidence: 0.9, symbols: [{ text: '性', confidence: 0.9, x0, x1: mid - 1 }, { text: '別', confidence: 0.9, x0: mid + 1, x1 }] };
        const [read] = await refineLines(fakePool(ch.repeat(3), 0.9), card, [l], '2026-06-01', [l]);
        expect(sexOf(read!).value, ch).toBe(ch);
        expect(sexOf(read!).confidence).toBeGreaterThanOrEqual(0.85);
      }
    });
  }
});

describe('a short label line that is no 性別', () => {
  it('takes 住所 or 氏名 read with a 性 first (性所, 性名) for that label, and reads no 性別 beside it', async () => {
    const { card, value } = await smallLabelLine('女', '性別', FONTS[0]!, LOOKS[0]!);
    for (const label of ['性所', '性名']) {
      const l: RecognizedLine = { x0: 40, y0: 50, x1: 69, y1: 64, glyphH: 14, text: label, confidence: 0.6, symbols: [...label].map((c, i) => ({ text: c, confidence: 0.6, x0: 40 + 14 * i, x1: 54 + 14 * i })) };
      const [read] = await refineLines(fakePool('女女女', 0.9), card, [l], '2026-06-01', [l, value]);
      expect(read!.text, label).toBe(label);
      expect(read!.text).not.toMatch(/[男女]/);
    }
  });
});

/**
 * A current card's birth-date row whose 性別 no line named (the label misread past recognition): the date, then
 * the small label and the value, at the reader's scale. `value` null: nothing printed right of the date.
 */
async function birthDateRow(value: '男' | '女' | null, font: string, look: Look, labelX = 250, portraitX: number | null = null): Promise<{ card: GrayImage; birth: { x: number; y: number; width: number; height: number } }> {
  const size = 24;
  const date = '昭和60年4月1日生';
  // the portrait's edge when the value is printed close to it: what a card's portrait leaves in a row's ink
  // mask, a dark band about a character wide, from the row's middle down past it
  const portrait = portraitX === null ? '' : `<rect x="${portraitX}" y="44" width="30" height="56" transform="scale(__K__)" fill="rgb(90,90,90)"/>`;
  const parts = text(date, 10, 60, size, font, 40) + text('性別', labelX, 60, 18, font, 68) + (value ? text(value, labelX + 50, 62, 30, font, look.ink ?? 17) : '') + portrait;
  const card = await render(parts, labelX + 170, 100, look);
  return { card, birth: { x: 10, y: 60 - size, width: [...date].length * size, height: Math.round(1.2 * size) } };
}

describe('性別 right of the birth date when no line names it', () => {
  for (const font of [FONTS[0]!, FONTS[3]!]) {
    it(`${font}: kept only when the shape test and the reads agree`, async () => {
      for (const ch of ['男', '女'] as const) {
        const { card, birth } = await birthDateRow(ch, font, LOOKS[0]!);
        const agree = await sexRightOfBirthDate(fakePool(ch.repeat(3), 0.9), card, birth, 24);
        expect(agree?.text).toBe(`性別 ${ch}`);
        expect(agree!.confidence).toBeGreaterThanOrEqual(0.85);
        // the shape alone, or a read that contradicts it: not taken from bare ink (the clerk types it)
        expect(await sexRightOfBirthDate(fakePool('', 0), card, birth, 24)).toBeNull();
        expect(await sexRightOfBirthDate(fakePool((ch === '男' ? '女' : '男').repeat(3), 0.9), card, birth, 24)).toBeNull();
      }
      // nothing printed there: the model's forced 男 is not enough
      const { card, birth } = await birthDateRow(null, font, LOOKS[0]!);
      expect(await sexRightOfBirthDate(fakePool('男男男', 0.9), card, birth, 24)).toBeNull();
    });

    it(`${font}: a label set several characters after the date is looked for where its ink begins`, async () => {
      // the date ends at x 226; the label starts 4.5 characters later, the value ends ~6.5 after the date
      const prep = PrepWorker.start();
      try {
        for (const ch of ['男', '女'] as const) {
          const { card, birth } = await birthDateRow(ch, font, LOOKS[0]!, 334);
          const inline = await sexRightOfBirthDate(fakePool(ch.repeat(3), 0.9), card, birth, 24);
          expect(inline?.text).toBe(`性別 ${ch}`);
          // the same found in the preprocessing worker
          const off = await sexRightOfBirthDate(fakePool(ch.repeat(3), 0.9), card, birth, 24, { value: (req) => prep.sexValue(req), firstInk: (req) => prep.firstInk(req) });
          expect(off).toEqual(inline);
        }
      } finally {
        await prep.close();
      }
    });

    it(`${font}: a value printed close to the portrait is the value, not the portrait's edge`, async () => {
      // 20270132 #47: the portrait starts a third of a character after 女; its edge, cut by the row's band and taller
      // than the value inside it, was taken
      for (const ch of ['男', '女'] as const) {
        const { card, birth } = await birthDateRow(ch, font, LOOKS[0]!, 250, 340);
        const found = await sexRightOfBirthDate(fakePool(ch.repeat(3), 0.9), card, birth, 24);
        expect(found?.text).toBe(`性別 ${ch}`);
        expect(found!.symbols.at(-1)!.x1).toBeLessThan(340);
      }
    });

    it(`${font}: the label and value misread into the date's own line (日生 内女) are looked for after its 生`, async () => {
      const { card, birth } = await birthDateRow('女', font, LOOKS[0]!);
      // the line as the model gave it runs over the label and the value: its box ends after them
      const whole = { ...birth, width: 330 - birth.x };
      const sym = (text: string, x0: number, x1: number): RecognizedLine['symbols'][number] => ({ text, confidence: 0.8, x0, x1 });
      const line: RecognizedLine = { x0: whole.x, y0: whole.y, x1: whole.x + whole.width, y1: whole.y + whole.height, glyphH: 24, text: '昭和60年4月1日生 内女', confidence: 0.7, symbols: [sym('日', 190, 214), sym('生', 216, 240), sym('内', 250, 270), sym('女', 300, 330)] };
      expect(birthDateOnly(whole, line)).toEqual({ ...whole, width: 240 - whole.x });
      expect(await sexRightOfBirthDate(fakePool('女女女', 0.9), card, whole, 24)).toBeNull();
      expect((await sexRightOfBirthDate(fakePool('女女女', 0.9), card, birthDateOnly(whole, line), 24))?.text).toBe('性別 女');
      // no 生 symbol, or one outside the box: the box as it is
      expect(birthDateOnly(whole, { ...line, symbols: line.symbols.filter((x) => x.text !== '生') })).toEqual(whole);
      expect(birthDateOnly(whole, undefined)).toEqual(whole);
    });
  }
});

describe('where the 性別 label begins right of the birth date (firstInk)', () => {
  it('skips a sliver of the date\'s last character the area cuts at its left edge; a piece half a character wide is a character', async () => {
    // 20270133 #32: the model's box of 生 stopped 5 px short of its ink; that 5 × 15 px piece was taken for the label
    for (const font of FONTS) {
      for (const sliver of [5, 14]) {
        // a 24 px row: the end of a stroke `sliver` px wide at the left edge, the label 性別 (18 px) from x 60
        const card = await render(`<rect x="0" y="10" width="${sliver}" height="15" transform="scale(__K__)" fill="rgb(40,40,40)"/>${text('性別', 60, 30, 18, font, 68)}`, 140, 36, LOOKS[0]!);
        const at = firstInk({ op: 'first-ink', crop: card, h: 24, minH: 0.3 * 24 });
        if (sliver < 12) expect(at, `${font} sliver ${sliver}`).toBeGreaterThanOrEqual(58);
        else expect(at, `${font} piece ${sliver}`).toBe(0);
      }
    }
  });
});

describe('date lines the first read could not make out', () => {
  const dateLine = (text: string, confidence: number): RecognizedLine => ({ x0: 20, y0: 20, x1: 200, y1: 50, glyphH: 28, text, confidence, symbols: [] });
  const card = createGray(260, 80, 236);
  /** answers whitelisted (date) requests with `date`, anything else with noise */
  const datePool = (date: string): TesseractPool => ({ recognize: (req: LineRequest): Promise<LineResult> => Promise.resolve({ text: req.whitelist ? date : 'ノイズ', confidence: 0.9, symbols: [] } as unknown as LineResult) }) as unknown as TesseractPool;

  it('re-reads a line drowned in the card pattern (digits, no 年月日) and takes the date it turns out to be', async () => {
    const [l] = await refineLines(datePool('1977年8月3日生'), card, [dateLine('リリッッルル/だ考2が5選5介由回', 0.2)], '2026-06-01');
    expect(l!.text).toBe('1977年8月3日生');
    // a long line read as nothing at all, one digit left
    const [m] = await refineLines(datePool('1982年7月15日'), card, [dateLine('騰9妥認首留貞庫詳可上第', 0.1)], '2026-06-01');
    expect(m!.text).toBe('1982年7月15日');
    // an era and its 年, the digits read as kanji (letter-spaced Gothic): no line but a date begins so
    const [e] = await refineLines(datePool('昭和44年7月4日生'), card, [dateLine('昭和較剛年旧月過4.目生.', 0.32)], '2026-06-01');
    expect(e!.text).toBe('昭和44年7月4日生');
  });

  it('leaves a drowned line alone when the re-reads are no date, and a sure line without digits unread', async () => {
    const [junk] = await refineLines(datePool('606'), card, [dateLine('ジラオズシンジジジン66i6三', 0.1)], '2026-06-01');
    expect(junk!.text).toBe('ジラオズシンジジジン66i6三');
    let calls = 0;
    const counting = { recognize: () => (calls++, Promise.resolve({ text: '', confidence: 0, symbols: [] })) } as unknown as TesseractPool;
    await refineLines(counting, card, [dateLine('サンライズマンション606号', 0.95)], '2026-06-01');
    expect(calls).toBe(0);
    // a place name with 日 or 生 in it is no date, however its 番地 reads
    await refineLines(counting, card, [dateLine('神奈川県横浜市中区日本大通え4ー32ー14', 0.88), dateLine('兵庫県神戸市中央区生田町1ー2', 0.85)], '2026-06-01');
    expect(calls).toBe(0);
    // a date with its 年 lost still is one
    await refineLines(counting, card, [dateLine('2031 7月18日まで', 0.6)], '2026-06-01');
    expect(calls).toBeGreaterThan(0);
  });
});

describe('a date no read gives whole', () => {
  const dateLine = (text: string, confidence: number): RecognizedLine => ({ x0: 20, y0: 20, x1: 200, y1: 50, glyphH: 28, text, confidence, symbols: [] });
  const card = createGray(260, 80, 236);
  /** answers the whitelisted reads in turn with `reads` */
  const poolOf = (reads: string[]): TesseractPool => {
    let i = 0;
    return { recognize: (req: LineRequest): Promise<LineResult> => Promise.resolve({ text: req.whitelist ? (reads[i++ % reads.length] ?? '') : '', confidence: 0.7, symbols: [] } as unknown as LineResult) } as unknown as TesseractPool;
  };

  it('is put together from the parts the reads show, and marked for the clerk to check', async () => {
    // 1997年10月 9日 on a phone photo: the first read lost the year, the re-reads the end of the line
    const [l] = await refineLines(poolOf(['1997年10', '1997年10', '1 297年10月  日']), card, [dateLine('田萌年10月9日', 0.5)], '2026-12-05');
    expect(l!.text).toBe('1997年10月9日');
    expect(l!.confidence).toBeLessThanOrEqual(0.75);
  });

  it('is left as read when a part is in no read, or the parts make no date', async () => {
    const [noDay] = await refineLines(poolOf(['1997年10', '1997年10月']), card, [dateLine('田萌年10月', 0.5)], '2026-12-05');
    expect(noDay!.text).toBe('田萌年10月');
    const [impossible] = await refineLines(poolOf(['平成32年2', '平成32年2']), card, [dateLine('田萌年2月30日', 0.5)], '2026-12-05');
    expect(impossible!.text).toBe('田萌年2月30日');
  });
});

describe('性別 decided from the shape test and the whitelisted reads', () => {
  it('trusts agreement, and lets reads that agree among themselves overrule the shape', () => {
    expect(decideSex('M', [{ text: '男男男', confidence: 0.9 }, { text: '男男男', confidence: 0.9 }])).toEqual({ sex: 'M', confidence: 0.99 });
    expect(decideSex('M', [{ text: '女女女', confidence: 0.9 }, { text: '女女女', confidence: 0.9 }])).toMatchObject({ sex: 'F', confidence: 0.3 });
    // reads that cancel out leave it to the shape alone, below the clerk's check threshold
    expect(decideSex('M', [{ text: '女女女', confidence: 0.9 }, { text: '男男男', confidence: 0.9 }])).toMatchObject({ sex: 'M', confidence: 0.7 });
  });

  it('counts a read that gave nothing as no evidence, not as a vote against the one that answered', () => {
    // a phone photo's 男: the shape test said 女, one mode read nothing, the other 男男男
    expect(decideSex('F', [{ text: '', confidence: 0 }, { text: '男男男', confidence: 0.91 }])).toMatchObject({ sex: 'M', confidence: 0.3 });
    expect(decideSex(null, [{ text: '', confidence: 0 }, { text: '男男男', confidence: 0.88 }])).toMatchObject({ sex: 'M' });
    expect(decideSex(null, [{ text: '', confidence: 0 }, { text: '', confidence: 0 }])).toBeNull();
  });
});

/**
 * A foreign resident's birth-date row at the reader's scale: the date, the small 性別 label close after it and the
 * value, set close enough that the line finder makes them one line (as it did on such cards).
 */
async function foreignBirthRow(value: '男' | '女' | null, font: string): Promise<{ card: GrayImage; row: ReturnType<typeof findTextLines>[number] }> {
  const parts = text('2003年12月24日生', 200, 100, 28, font, 40) + text('性別', 460, 100, 18, font, 68) + (value ? text(value, 520, 102, 32, font, 17) : '');
  const card = await render(parts, 1200, 200, LOOKS[0]!);
  const lines = findTextLines(card);
  expect(lines).toHaveLength(1);
  return { card, row: lines[0]! };
}

describe('性別 whose small label lies inside the birth date\'s box', () => {
  for (const font of [FONTS[0]!, FONTS[3]!]) {
    it(`${font}: the value after the label the line finder saw is kept when the shape test and the reads agree`, async () => {
      for (const ch of ['男', '女'] as const) {
        const { card, row } = await foreignBirthRow(ch, font);
        // the date's box as the extraction found it runs over the label and the value (no 生 was read to cut it at)
        const whole = { x: row.x0, y: row.y0, width: row.x1 - row.x0, height: row.y1 - row.y0 };
        expect(await sexRightOfBirthDate(fakePool(ch.repeat(3), 0.9), card, whole, row.glyphH, SEX_INLINE)).toBeNull();
        const found = await sexRightOfBirthDate(fakePool(ch.repeat(3), 0.9), card, whole, row.glyphH, SEX_INLINE, row.chars);
        expect(found?.text).toBe(`性別 ${ch}`);
        expect(found!.confidence).toBeGreaterThanOrEqual(0.85);
        // a read that contradicts the shape: not taken
        expect(await sexRightOfBirthDate(fakePool((ch === '男' ? '女' : '男').repeat(3), 0.9), card, whole, row.glyphH, SEX_INLINE, row.chars)).toBeNull();
      }
    });
  }

  it('finds no label where the row ends in the date or the label', async () => {
    const { row } = await foreignBirthRow(null, FONTS[0]!);
    // the label's glyphs end the row: no value after them
    expect(smallLabelAtRowEnd(row.chars)).toBeNull();
    const label = smallLabelAtRowEnd((await foreignBirthRow('女', FONTS[0]!)).row.chars);
    expect(label!.x0).toBeGreaterThanOrEqual(455);
    expect(label!.x1).toBeLessThan(520);
    // a date alone, its 生 the tallest glyph
    const date = row.chars.filter((c) => c.x1 < 450);
    expect(smallLabelAtRowEnd(date)).toBeNull();
    expect(smallLabelAtRowEnd(null)).toBeNull();
  });
});
