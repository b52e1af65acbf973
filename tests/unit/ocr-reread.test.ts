import { describe, expect, it } from 'vitest';
import { consensus, dedupe, kanjiLookAlikes, mendBlock, trimKanaTail } from '../../main/ocr-engine/reread-fields';
import type { LineRequest, LineResult, TesseractPool } from '../../main/ocr-engine/tesseract/tesseract-pool';
import { cleanBackground, createGray } from '../../main/ocr-engine/image/gray-image';
import { findCardQuad, rectangleInView } from '../../main/ocr-engine/image/find-card';
import type { DecodedImage } from '../../main/ocr-engine/image/decode';

describe('re-read vote', () => {
  it('keeps the read the others agree with, not the most confident outlier', () => {
    const reads = [
      { text: 'サンライズマンション303号', confidence: 0.8 },
      { text: 'サジンライズマンション3.0.3号', confidence: 0.95 },
      { text: 'サンライズマンション303号', confidence: 0.7 },
      { text: 'サンライズマンション30 3号', confidence: 0.6 },
    ];
    expect(consensus(reads, (s) => s.replace(/\s/g, '')).text).toBe('サンライズマンション303号');
  });

  it('of two reads, the more confident wins', () => {
    expect(consensus([{ text: 'タカハンシ', confidence: 0.7 }, { text: 'タカハシ', confidence: 0.86 }], (s) => s).text).toBe('タカハシ');
  });

  it('of reads that agree exactly, the surer one is kept (its confidence goes on to the clerk)', () => {
    const best = consensus([{ text: '坂本翔', confidence: 0 }, { text: '坂本 翔', confidence: 0.73 }, { text: '坂本 翔', confidence: 0.45 }], (s) => s.replace(/\s/g, ''));
    expect(best).toEqual({ text: '坂本 翔', confidence: 0.73 });
  });

  it('chooses among reads of the shape the field must have, while all of them vote', () => {
    const reads = [
      { text: '下鴨クー14一29', confidence: 0.9 },
      { text: '下鴨クー14一29', confidence: 0.91 },
      { text: '下鴨2クー14一29', confidence: 0.91 },
      { text: '下鴨2ー14一29', confidence: 0.88 },
    ];
    const digitsOnly = (r: { text: string }): boolean => /^下鴨[0-9ー一]+$/.test(r.text);
    expect(consensus(reads, (s) => s).text).toBe('下鴨クー14一29');
    expect(consensus(reads, (s) => s, digitsOnly).text).toBe('下鴨2ー14一29');
    // when none has the shape, the vote is as before
    expect(consensus(reads.slice(0, 3), (s) => s, digitsOnly).text).toBe('下鴨クー14一29');
  });

  it('drops a 長音 the kanji under the ruby added to a フリガナ part, never a part of ー alone', () => {
    expect(trimKanaTail('タケウチ\u3000コウジー')).toBe('タケウチ\u3000コウジ');
    expect(trimKanaTail('カネコ\u3000ナオキーー')).toBe('カネコ\u3000ナオキ');
    expect(trimKanaTail('ミウラ\u3000アヤ')).toBe('ミウラ\u3000アヤ');
    expect(trimKanaTail('ー\u3000ユウキ')).toBe('ー\u3000ユウキ');
  });

  it('drops a character given twice at the same place', () => {
    const s = dedupe([
      { text: '長', confidence: 0.9, x0: 10, x1: 50 },
      { text: '長', confidence: 0.95, x0: 12, x1: 52 },
      { text: '谷', confidence: 0.9, x0: 60, x1: 100 },
    ], 40);
    expect(s.map((x) => x.text).join('')).toBe('長谷');
    expect(s[0]!.confidence).toBe(0.95);
  });

  it('turns a lone katakana look-alike inside a kanji name into the kanji, and leaves kana names alone', () => {
    expect(kanjiLookAlikes('林\u3000浩ニ')).toBe('林\u3000浩二');
    expect(kanjiLookAlikes('田中\u3000ー郎')).toBe('田中\u3000一郎');
    expect(kanjiLookAlikes('ハセガワ\u3000ユミ')).toBe('ハセガワ\u3000ユミ');
    // exact code points otherwise: no folding of variants
    expect(kanjiLookAlikes('髙橋\u3000京子')).toBe('髙橋\u3000京子');
  });
});

describe('card image clean-up and finding', () => {
  it('removes a faint background pattern but keeps the ink', () => {
    const img = createGray(40, 10, 235);
    for (let x = 0; x < 40; x += 4) img.data[5 * 40 + x] = 205; // pale guilloche
    for (let y = 2; y < 8; y++) img.data[y * 40 + 20] = 30; // a stroke
    const out = cleanBackground(img);
    expect(out.data[5 * 40 + 4]).toBe(255);
    expect(out.data[4 * 40 + 20]).toBe(0);
  });

  it('finds a pale card on a white scanner bed by its outline', () => {
    const W = 900;
    const H = 600;
    const rgb = new Uint8Array(W * H * 3).fill(251);
    const gray = createGray(W, H, 251);
    const card = { x0: 150, y0: 120, x1: 150 + 510, y1: 120 + 321 };
    for (let y = card.y0; y <= card.y1; y++) for (let x = card.x0; x <= card.x1; x++) {
      const edge = y === card.y0 || y === card.y1 || x === card.x0 || x === card.x1;
      const v = edge ? 200 : 244; // a pale card, a thin shadow line around it
      gray.data[y * W + x] = v;
      rgb.fill(v, (y * W + x) * 3, (y * W + x) * 3 + 3);
    }
    const img: DecodedImage = { rgb, gray, sourceWidth: W, sourceHeight: H };
    const q = findCardQuad(img);
    expect(q).not.toBeNull();
    const xs = q!.corners.map((p) => p.x);
    expect(Math.min(...xs)).toBeGreaterThan(card.x0 - 6);
    expect(Math.max(...xs)).toBeLessThan(card.x1 + 6);
  });

  it('takes no outline for a card that no camera sees: a skewed blob inside a card filling the frame; a tilted card is found', () => {
    // a camera's 4:3 frame (an image of the card's own proportions is the card alone: the test below)
    const W = 1025;
    const H = 769;
    /** the image, `inside` (a convex polygon, corners clockwise) painted `ink` on `paper` */
    const paint = (corners: { x: number; y: number }[], ink: number, paper: number): DecodedImage => {
      const rgb = new Uint8Array(W * H * 3).fill(paper);
      const gray = createGray(W, H, paper);
      const inside = (x: number, y: number): boolean =>
        corners.every((p, i) => {
          const q = corners[(i + 1) % corners.length]!;
          return (q.x - p.x) * (y - p.y) - (q.y - p.y) * (x - p.x) >= 0;
        });
      for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
        if (!inside(x, y)) continue;
        gray.data[y * W + x] = ink;
        rgb.fill(ink, (y * W + x) * 3, (y * W + x) * 3 + 3);
      }
      return { rgb, gray, sourceWidth: W, sourceHeight: H };
    };
    // a card filling the frame: its watermark ring and portrait make one dark region of this shape
    // (opposite sides 0.52 of each other, corners 21° off square)
    const blob = [{ x: 97, y: 117 }, { x: 581, y: 117 }, { x: 471, y: 448 }, { x: 94, y: 299 }];
    expect(rectangleInView(blob)).toBe(false);
    expect(findCardQuad(paint(blob, 120, 236))).toBeNull();
    // a pale card photographed at a tilt on a dark desk (far side 0.86 of the near one, 8° off square)
    const tilted = [{ x: 240, y: 150 }, { x: 760, y: 150 }, { x: 800, y: 480 }, { x: 200, y: 480 }];
    expect(rectangleInView(tilted)).toBe(true);
    const q = findCardQuad(paint(tilted, 236, 60));
    expect(q).not.toBeNull();
    expect(Math.min(...q!.corners.map((p) => p.x))).toBeGreaterThan(200 - 8);
  });

  it('finds a card on a coloured desk with a glare spot joined to its side: by its straight sides, not the bulged region', () => {
    const W = 1600;
    const H = 1200;
    const desk = [40, 90, 60];
    const cream = [232, 226, 204];
    const card = { x0: 340, y0: 520, x1: 860, y1: 848 };
    /** the card, and a bright spot whose halo fades into the desk over the card's right side */
    const scene = (glare: { x: number; y: number; core: number; halo: number; peak: number }): DecodedImage => {
      const rgb = new Uint8Array(W * H * 3);
      const gray = createGray(W, H, 0);
      for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
        const onCard = x >= card.x0 && x < card.x1 && y >= card.y0 && y < card.y1;
        const d = Math.hypot(x - glare.x, y - glare.y);
        const g = d < glare.core ? glare.peak : d < glare.halo ? glare.peak * (1 - (d - glare.core) / (glare.halo - glare.core)) : 0;
        const c = onCard ? cream : desk.map((v) => Math.round(v + g * (225 - v)));
        rgb.set(c, (y * W + x) * 3);
        gray.data[y * W + x] = Math.max(...c);
      }
      return { rgb, gray, sourceWidth: W, sourceHeight: H };
    };
    // near the top corner (the region's hull is no card's), beside the middle (its biggest quad takes the spot
    // in), and one whose halo joins only as far as the desk's own threshold (a stricter one leaves it out)
    for (const glare of [{ x: 880, y: 560, core: 90, halo: 200, peak: 0.9 }, { x: 900, y: 600, core: 80, halo: 200, peak: 0.8 }, { x: 950, y: 690, core: 120, halo: 200, peak: 0.7 }]) {
      const q = findCardQuad(scene(glare));
      expect(q, JSON.stringify(glare)).not.toBeNull();
      for (const [i, want] of [{ x: card.x0, y: card.y0 }, { x: card.x1, y: card.y0 }, { x: card.x1, y: card.y1 }, { x: card.x0, y: card.y1 }].entries()) {
        expect(Math.hypot(q!.corners[i]!.x - want.x, q!.corners[i]!.y - want.y), `${JSON.stringify(glare)} corner ${i}`).toBeLessThan(10);
      }
    }
  });

  it('takes no outline inside an image of the card’s own proportions unless it covers most of it: that image is the card alone', () => {
    // a dark block (the portrait with its frame) of card proportions, a fifth of the image
    const block = (W: number, H: number): DecodedImage => {
      const rgb = new Uint8Array(W * H * 3).fill(236);
      const gray = createGray(W, H, 236);
      for (let y = 180; y < 180 + 290; y++) for (let x = 280; x < 280 + 460; x++) {
        gray.data[y * W + x] = 90;
        rgb.fill(90, (y * W + x) * 3, (y * W + x) * 3 + 3);
      }
      return { rgb, gray, sourceWidth: W, sourceHeight: H };
    };
    expect(findCardQuad(block(1025, 646))).toBeNull();
    // the same in a camera's 4:3 frame is a card lying in the photo
    expect(findCardQuad(block(1025, 769))).not.toBeNull();
  });

  it('finds it when its faint rounded corner leaves a gap in the outline', () => {
    const W = 900;
    const H = 600;
    const rgb = new Uint8Array(W * H * 3).fill(251);
    const gray = createGray(W, H, 251);
    const card = { x0: 150, y0: 120, x1: 150 + 510, y1: 120 + 321 };
    // the card is the bed's white, its rim a 3 px shadow; at the top-left corner the rim is too faint to be
    // an edge: 24 px of each side next to it are missing
    const gap = (x: number, y: number): boolean => x - card.x0 + (y - card.y0) < 24;
    for (let y = card.y0; y <= card.y1; y++) for (let x = card.x0; x <= card.x1; x++) {
      const rim = y < card.y0 + 3 || y > card.y1 - 3 || x < card.x0 + 3 || x > card.x1 - 3;
      const v = rim && !gap(x, y) ? 200 : 251;
      gray.data[y * W + x] = v;
      rgb.fill(v, (y * W + x) * 3, (y * W + x) * 3 + 3);
    }
    // the print inside (a name, an address) gives the flood something to go round
    for (const row of [170, 230, 300]) for (let y = row; y < row + 14; y++) for (let x = 330; x < 600; x++) if ((x >> 3) % 2) {
      gray.data[y * W + x] = 40;
      rgb.fill(40, (y * W + x) * 3, (y * W + x) * 3 + 3);
    }
    const q = findCardQuad({ rgb, gray, sourceWidth: W, sourceHeight: H });
    expect(q).not.toBeNull();
    const xs = q!.corners.map((p) => p.x);
    const ys = q!.corners.map((p) => p.y);
    expect(Math.min(...xs)).toBeGreaterThan(card.x0 - 8);
    expect(Math.max(...xs)).toBeLessThan(card.x1 + 8);
    expect(Math.min(...ys)).toBeGreaterThan(card.y0 - 8);
    expect(Math.max(...ys)).toBeLessThan(card.y1 + 8);
    expect(Math.min(...xs)).toBeLessThan(card.x0 + 6);
  });
});

describe('番地 read again as numbers', () => {
  const row = '京都府京都市左京区下鴨4オー30一9';
  const place = '京都府京都市左京区下鴨';
  const syms = (t: string, x = 10): { text: string; confidence: number; x0: number; x1: number }[] => [...t].map((ch, i) => ({ text: ch, confidence: 0.9, x0: x + 30 * i, x1: x + 30 * i + 28 }));
  const read = { text: row, confidence: 0.83, symbols: syms(row) };
  const card = createGray(700, 60, 236);
  const rect = { x0: 10, y0: 10, x1: 600, y1: 45 };
  const at = { start: [...place].length, end: [...row].length };
  /** answers with `text` and records what it was asked to allow */
  const poolSaying = (text: string, asked: string[]): TesseractPool =>
    ({ recognize: (req: LineRequest): Promise<LineResult> => (asked.push(req.whitelist ?? ''), Promise.resolve({ text, confidence: 0.8, symbols: syms(text) } as unknown as LineResult)) }) as unknown as TesseractPool;

  it('reads the row from its start with the place\'s own characters allowed, and takes the part after the place', async () => {
    const asked: string[] = [];
    const got = await mendBlock(poolSaying(`${place}4ー30ー9`, asked), card, read, at, rect, 30, []);
    expect(got.text).toBe(`${place}4ー30ー9`);
    expect(got.symbols.map((y) => y.text).join('')).toBe(`${place}4ー30ー9`);
    expect(asked.length).toBeGreaterThan(0);
    for (const w of asked) for (const ch of `${place}0123456789丁目番地号ー`) expect(w).toContain(ch);
    expect(asked[0]).not.toContain('オ');
  });

  it('ends a 番地 that a building follows in no join, though the numbers-only read saw one there (５ハイツ read ５－)', async () => {
    const row2 = `${place}4オ3-5ハイツ`;
    const read2 = { text: row2, confidence: 0.83, symbols: syms(row2) };
    const got = await mendBlock(poolSaying(`${place}4-3-5-`, []), card, read2, { start: [...place].length, end: [...place].length + 5 }, rect, 30, []);
    expect(got.text).toBe(`${place}4-3-5ハイツ`);
    expect(got.symbols).toHaveLength([...got.text].length);
  });

  it('before a building, a digit one read adds at the 番地\'s end is the building\'s first character when another read and the row\'s read agree without it', async () => {
    const row2 = `${place}5.7.6ハイツ`;
    const read2 = { text: row2, confidence: 0.83, symbols: syms(row2) };
    const part = { start: [...place].length, end: [...place].length + 5 };
    /** answers each read with the next of `texts` */
    const poolSayingEach = (texts: string[]): TesseractPool => {
      let i = 0;
      const recognize = (): Promise<LineResult> => {
        const text = texts[i++ % texts.length]!;
        return Promise.resolve({ text, confidence: 0.8, symbols: syms(text) } as unknown as LineResult);
      };
      return { recognize } as unknown as TesseractPool;
    };
    expect((await mendBlock(poolSayingEach([`${place}5-7-67`, `${place}5-7-6`]), card, read2, part, rect, 30, [])).text).toBe(`${place}5-7-6ハイツ`);
    // no read agrees with the row's: the fullest read, as before (a digit the row's read dropped)
    expect((await mendBlock(poolSayingEach([`${place}5-7-67`, `${place}5-7-68`]), card, read2, part, rect, 30, [])).text).toBe(`${place}5-7-67ハイツ`);
    // no building after the 番地: the fullest read
    const row3 = `${place}5.7.6`;
    const read3 = { text: row3, confidence: 0.83, symbols: syms(row3) };
    expect((await mendBlock(poolSayingEach([`${place}5-7-67`, `${place}5-7-6`]), card, read3, part, rect, 30, [])).text).toBe(`${place}5-7-67`);
  });

  it('a read that spells the place otherwise (only its characters allowed) gives its 番地 after the place\'s last character', async () => {
    const got = await mendBlock(poolSaying('京都府京都市左下鴨4ー30ー9', []), card, read, at, rect, 30, []);
    expect(got.text).toBe(`${place}4ー30ー9`);
    expect(got.symbols).toHaveLength([...got.text].length);
  });

  it('a read that spells the place so far off that its last character is not found gives its 番地 after its last non-番地 character', async () => {
    const got = await mendBlock(poolSaying('京府京市左鴨下4ー30ー9', []), card, read, at, rect, 30, []);
    expect(got.text).toBe(`${place}4ー30ー9`);
    expect(got.symbols).toHaveLength([...got.text].length);
  });

  it('a 番地 ending in 一 after its digits is taken again only as a read that keeps the join or reads the digit after it', async () => {
    const row3 = `${place}3-25一`;
    const read3 = { text: row3, confidence: 0.9, symbols: syms(row3) };
    const span = { start: [...place].length, end: [...row3].length };
    // the join before a number the row wraps, lost by the numbers-only read: the read stays
    expect(await mendBlock(poolSaying(`${place}3-25`, []), card, read3, span, rect, 30, [])).toBe(read3);
    expect((await mendBlock(poolSaying(`${place}3-25-`, []), card, read3, span, rect, 30, [])).text).toBe(`${place}3-25-`);
    expect((await mendBlock(poolSaying(`${place}3-25-7`, []), card, read3, span, rect, 30, [])).text).toBe(`${place}3-25-7`);
  });

  it('numbers kept apart by a join misread as a word\'s character stay two numbers (７見４０番 is never ７１４０番)', async () => {
    const row4 = `${place}7見40番`;
    const read4 = { text: row4, confidence: 0.9, symbols: syms(row4) };
    const span = { start: [...place].length, end: [...row4].length };
    expect(await mendBlock(poolSaying(`${place}7140番`, []), card, read4, span, rect, 30, [])).toBe(read4);
    expect((await mendBlock(poolSaying(`${place}7丁目40番`, []), card, read4, span, rect, 30, [])).text).toBe(`${place}7丁目40番`);
  });

  it('read again for a gap between numbers: taken only with a join more than the first read (一 between digits is one)', async () => {
    const gapRow = `${place}5-34 23`;
    const gapRead = { text: gapRow, confidence: 0.8, symbols: syms(gapRow.replace(' ', '')) };
    const span = { start: [...place].length, end: [...place].length + 6 };
    expect((await mendBlock(poolSaying(`${place}5-34-23`, []), card, gapRead, span, rect, 30, [], undefined, true)).text).toBe(`${place}5-34-23`);
    const dashes = `${place}6一2 6一27`;
    const dashRead = { text: dashes, confidence: 0.8, symbols: syms(dashes.replace(' ', '')) };
    expect(await mendBlock(poolSaying(`${place}626ー27`, []), card, dashRead, { start: [...place].length, end: [...place].length + 7 }, rect, 30, [], undefined, true)).toBe(dashRead);
  });

  it('does not show the model the building\'s first character, though the crop\'s margin reaches into it (４第 read ４３)', async () => {
    const row2 = `${place}4オ3-5ハイツ`;
    const read2 = { text: row2, confidence: 0.83, symbols: syms(row2) };
    const boxes = [...row2].map((_, i) => ({ x0: 10 + 30 * i, y0: 15, x1: 10 + 30 * i + 27, y1: 40 }));
    // only ハ is inked: the 番地 ends right before it
    const inked = createGray(700, 60, 236);
    const ha = boxes[[...place].length + 5]!;
    for (let y = ha.y0; y <= ha.y1; y++) for (let x = ha.x0; x <= ha.x1; x++) inked.data[y * 700 + x] = 30;
    const darkest: number[] = [];
    const pool = {
      recognize: (req: LineRequest): Promise<LineResult> => {
        darkest.push(Math.min(...req.image.data));
        return Promise.resolve({ text: '', confidence: 0, symbols: [] } as unknown as LineResult);
      },
    } as unknown as TesseractPool;
    await mendBlock(pool, inked, read2, { start: [...place].length, end: [...place].length + 5 }, rect, 30, boxes);
    expect(darkest.length).toBeGreaterThan(0);
    for (const d of darkest) expect(d).toBeGreaterThan(128);
  });

  it('keeps the first read when no 番地 starts after the place as read, or a digit is lost', async () => {
    expect(await mendBlock(poolSaying('京都府京都市左京区下ー30ー9', []), card, read, at, rect, 30, [])).toBe(read);
    expect(await mendBlock(poolSaying(`${place}ー30ー9`, []), card, read, at, rect, 30, [])).toBe(read);
  });
});

