import { describe, expect, it } from 'vitest';
import { settleVoicing, voicingMark, voicingPair } from '../../main/ocr-engine/voicing-mark';
import { PrepWorker } from '../../main/ocr-engine/prep/prep-client';
import { BUILDING_WORDS, spelledByWord } from '../../common/address/building-words';
import { crop, type GrayImage } from '../../main/ocr-engine/image/gray-image';
import type { RecognizedSymbol } from '../../common/ocr/recognized-line';
import { FONTS, LOOKS, render, svgText } from '../support/glyph-render';

/**
 * 半濁点 against 濁点 by shape, on rows drawn with the card fonts, sharp and degraded. The shape test may
 * abstain (the model's read then stands) but must never call a 濁点 a ring or a ring two ticks.
 */
const RING = 'パピプペポぱぴぷぺぽ';
const TICKS = 'バビブベボばびぶべぼ';

async function row(text: string, font: string, look: (typeof LOOKS)[number]) {
  const s = look.size;
  const img = await render(svgText(text, 8, 8 + 0.88 * s, s, font, look.ink ?? 17), ([...text].length + 2) * s, s + 16, look);
  // symbol boxes a little inside each em box, as loose as the model's
  const symbols = [...text].map((c, i) => ({ text: c, confidence: 0.9, x0: 8 + i * s + 1, x1: 8 + (i + 1) * s - 2 }));
  return { img, symbols, band: { y0: 8, y1: 8 + s - 1 }, s };
}

/**
 * A 半濁点 ring of radius `r` drawn as two arcs (SVG, mid grey): the upper and the lower with a gap at each
 * side, or (`sides`) the left and the right, joined at the top and the bottom by pale ink (a faint ring whose
 * thinner parts a photo washed out).
 */
function brokenRing(cx: number, cy: number, r: number, stroke: number, sides = false): string {
  const at = (deg: number): string => `${(cx + r * Math.cos((deg * Math.PI) / 180)).toFixed(2)},${(cy + r * Math.sin((deg * Math.PI) / 180)).toFixed(2)}`;
  const arc = (from: number, to: number, grey = 90): string =>
    `<path d="M ${at(from)} A ${r} ${r} 0 0 1 ${at(to)}" transform="scale(__K__)" fill="none" stroke="rgb(${grey},${grey},${grey})" stroke-width="${stroke}"/>`;
  return sides ? arc(300, 420) + arc(120, 240) + arc(240, 300, 150) + arc(60, 120, 150) : arc(200, 340) + arc(20, 160);
}

describe('voicing mark shape test', () => {
  it('knows the ハ-row pairs and nothing else', () => {
    expect(voicingPair('ポ')).toEqual({ dakuten: 'ボ', handakuten: 'ポ' });
    expect(voicingPair('ぱ')).toEqual({ dakuten: 'ば', handakuten: 'ぱ' });
    expect(voicingPair('ガ')).toBeNull();
    expect(voicingPair('ホ')).toBeNull();
  });

  for (const font of FONTS) {
    for (const look of LOOKS) {
      it(`${font}, ${look.name}: never the wrong mark; rings found on sharp glyphs`, async () => {
        const { img, symbols, band, s } = await row(RING + TICKS, font, look);
        let rings = 0;
        for (const sym of symbols) {
          const got = voicingMark(crop(img, Math.floor(sym.x0 - 0.08 * s), Math.floor(band.y0 - 0.1 * s), Math.ceil(1.2 * s), Math.ceil(1.15 * s)));
          if (RING.includes(sym.text)) {
            expect(got, sym.text).not.toBe('dakuten');
            if (got === 'handakuten') rings++;
          } else expect(got, sym.text).not.toBe('handakuten');
        }
        if (look.name === 'flat') expect(rings).toBeGreaterThanOrEqual(6);
        if (look.name === 'small') expect(rings).toBeGreaterThanOrEqual(3);
      });
    }
  }

  // a small, faint ring the photo broke at its sides: its upper and lower arcs are each as long as a tick
  // (the ポ of コーポ山田 on a phone photo), one over the other where a 濁点's ticks stand side by side
  // … or into a left and a right arc, side by side like ticks, their counter closing at a paler cut-off (the ポ
  // of コーポ on a camera photo)
  for (const look of LOOKS) {
    it(`${look.name}: a ring broken into two arcs, one over the other or side by side, is no 濁点`, async () => {
      for (const font of ['IPAexGothic', 'Noto Sans CJK JP']) {
        for (const sides of [false, true]) {
          const s = 28;
          const img = await render(svgText('ホ', 8, 8 + 0.88 * s, s, font, look.ink ?? 17) + brokenRing(8 + 0.86 * s, 8 + 0.12 * s, 0.11 * s, 0.06 * s, sides), s + 24, s + 16, look);
          expect(voicingMark(crop(img, Math.floor(8 - 0.08 * s), Math.floor(8 - 0.1 * s), Math.ceil(1.2 * s), Math.ceil(1.15 * s))), `${font}${sides ? ', left and right' : ''}`).not.toBe('dakuten');
        }
      }
    });
  }

  it('gives no verdict on blank paper', () => {
    const blank = { width: 30, height: 30, data: new Uint8Array(900).fill(236) };
    expect(voicingMark(blank)).toBeNull();
  });
});

describe('settleVoicing on an address row', () => {
  it('puts the ring back on a パ the model read as バ, and leaves the rest as read', async () => {
    const { img, symbols, band } = await row('パークハウス609号', 'Noto Sans CJK JP', LOOKS[0]!);
    const misread = { text: 'バークハウス609号', confidence: 0.9, symbols: symbols.map((y) => (y.text === 'パ' ? { ...y, text: 'バ' } : y)) };
    expect((await settleVoicing(misread, img, band)).text).toBe('パークハウス609号');
  });

  it('joins ボポ given for one glyph into the one the pixels show', async () => {
    const { img, symbols, band, s } = await row('コーポ山田 401号', 'IPAexGothic', LOOKS[0]!);
    const at = symbols.findIndex((y) => y.text === 'ポ');
    const p = symbols[at]!;
    // the model's two symbols for one glyph: a sliver and the rest
    const split = [...symbols.slice(0, at), { ...p, text: 'ボ', x1: p.x0 + 0.2 * s }, { ...p, x0: p.x0 + 0.2 * s + 1 }, ...symbols.slice(at + 1)].filter((y) => y.text !== ' ');
    const got = await settleVoicing({ text: 'コーボポ山田 401号', confidence: 0.8, symbols: split }, img, band);
    expect(got.text).toBe('コーポ山田 401号');
    expect(got.symbols.map((y) => y.text).join('')).toBe('コーポ山田401号');
  });

  it('keeps a バ that is one, and returns reads without ハ-row kana or with mismatched symbols unchanged', async () => {
    const { img, symbols, band } = await row('バス通り1号', 'Noto Serif CJK JP', LOOKS[2]!);
    const read = { text: 'バス通り1号', confidence: 0.9, symbols };
    expect((await settleVoicing(read, img, band)).text).toBe('バス通り1号');
    const plain = { text: '本町1丁目', confidence: 0.9, symbols: [] };
    expect(await settleVoicing(plain, img, band)).toBe(plain);
    const odd = { text: 'パーク', confidence: 0.9, symbols: symbols.slice(0, 2) };
    expect(await settleVoicing(odd, img, band)).toBe(odd);
  });
});

describe('the mark tested in the preprocessing worker', () => {
  it('settles a row there as inline: only each glyph\'s crop is cut on the calling thread', async () => {
    const prep = PrepWorker.start();
    try {
      expect(prep.inline).toBe(false);
      const { img, symbols, band } = await row('パークハウス609号', 'Noto Sans CJK JP', LOOKS[0]!);
      const misread = { text: 'バークハウス609号', confidence: 0.9, symbols: symbols.map((y) => (y.text === 'パ' ? { ...y, text: 'バ' } : y)) };
      let asked = 0;
      const got = await settleVoicing(misread, img, band, undefined, (req) => (asked++, prep.voicing(req)));
      expect(got).toEqual(await settleVoicing(misread, img, band));
      expect(got.text).toBe('パークハウス609号');
      expect(asked).toBe(1);
    } finally {
      await prep.close();
    }
  });
});

describe('building words where the shape cannot tell', () => {
  it('takes the spelling that makes a building word across the kana, only when exactly one does', () => {
    expect(spelledByWord('コーボ山田', 'コーポ山田', 2)).toBe('b');
    expect(spelledByWord('バークハウス', 'パークハウス', 0)).toBe('b');
    expect(spelledByWord('サンビル', 'サンピル', 2)).toBe('a');
    // the word must span the kana in question
    expect(spelledByWord('コーポバス', 'コーポパス', 3)).toBeNull();
    expect(spelledByWord('ボス', 'ポス', 0)).toBeNull();
  });

  /** A row read as `text` over paper with no ink: the shape test has no verdict for any glyph. */
  const unjudged = (text: string): { read: { text: string; confidence: number; symbols: RecognizedSymbol[] }; blank: GrayImage; band: { y0: number; y1: number } } => ({
    read: { text, confidence: 0.9, symbols: [...text].map((ch, i) => ({ text: ch, confidence: 0.9, x0: 10 + 38 * i, x1: 10 + 38 * i + 34 })) },
    blank: { width: 400, height: 60, data: new Uint8Array(400 * 60).fill(236) },
    band: { y0: 10, y1: 50 },
  });

  it('settles a mark the pixels leave undecided by the word, and never against a verdict', async () => {
    const text = 'コーボ山田401号';
    const { read, blank, band } = unjudged(text);
    expect((await settleVoicing(read, blank, band)).text).toBe(text);
    expect((await settleVoicing(read, blank, band, BUILDING_WORDS)).text).toBe('コーポ山田401号');
    // a ring the pixels show is kept even where the word would want ticks
    const { img, symbols: ps, band: pb } = await row('パークハウス609号', 'Noto Sans CJK JP', LOOKS[0]!);
    const ring = { text: 'パークハウス609号', confidence: 0.9, symbols: ps };
    expect((await settleVoicing(ring, img, pb, ['バーク'])).text).toBe('パークハウス609号');
  });

  it('reads a word on into the next row where the row ends in the kana (２０号バ | ークハウス)', async () => {
    const text = '39番20号バ';
    const { read, blank, band } = unjudged(text);
    // the row alone spells no word either way
    expect((await settleVoicing(read, blank, band, BUILDING_WORDS)).text).toBe(text);
    expect((await settleVoicing(read, blank, band, BUILDING_WORDS, undefined, 'ークハウス903号')).text).toBe('39番20号パ');
    // what follows is context only: it is not added to the row
    expect((await settleVoicing(read, blank, band, BUILDING_WORDS, undefined, 'スタ通り')).text).toBe(text);
  });
});

