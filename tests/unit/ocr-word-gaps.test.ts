import { describe, expect, it } from 'vitest';
import { printedLetters, printedWordGaps, spacedAsPrinted, wordCount, wordsBetween } from '../../main/ocr-engine/layout/word-gaps';
import type { RecognizedSymbol } from '../../common/ocr/recognized-line';
import { resolve, type Candidate } from '../../main/ocr-engine/reread/candidates';
import type { CharBox } from '../../main/ocr-engine/layout/text-lines';

/** Letter boxes on one row from their x extents (as the line finder gives a roman name's letters). */
const row = (xs: [number, number][], y0 = 39, y1 = 72): CharBox[] => xs.map(([x0, x1]) => ({ x0, y0, x1, y1 }));

// measured on generated foreign cards (text height 33 and 38 px): CHEN JI HOON, LE ANNA
const CHEN_JI_HOON = row([[104, 128], [135, 159], [170, 189], [197, 221], [240, 257], [267, 272], [293, 317], [326, 353], [360, 387], [396, 419]]);
// a phone photo, set tighter (text height 41): SHARMA JI HOON
const SHARMA_JI_HOON = row([[142, 167], [173, 212], [217, 253], [257, 291], [295, 341], [346, 383], [398, 417], [424, 440], [461, 501], [506, 540], [548, 582], [588, 625]]);
// a flat print set small (text height 22): OLIVEIRA DAVID, its letters' widths and the gaps after each, as measured
const OLIVEIRA_DAVID = ((widths: number[], gaps: number[]): CharBox[] => {
  let x = 100;
  return row(widths.map((w, i): [number, number] => {
    const box: [number, number] = [x, x + w - 1];
    x += w + (gaps[i] ?? 0);
    return box;
  }));
})([21, 14, 4, 20, 15, 3, 17, 20, 19, 19, 20, 3, 19], [5, 3, 3, 3, 5, 6, 1, 12, 3, 1, 3, 7]);
const LE_ANNA = row([[169, 191], [199, 221], [239, 269], [276, 303], [315, 341], [349, 379]]);

const printedWords = (pieces: CharBox[], glyphH: number): number | null => wordsBetween(printedWordGaps(pieces, glyphH));

describe("a roman name's words, by the gaps in its print", () => {
  it('counts the gaps clearly wider than those between letters (a thin I widens its own gaps, not into a word gap)', () => {
    expect(printedWords(CHEN_JI_HOON, 33)).toBe(3);
    expect(printedWords(LE_ANNA, 38)).toBe(2);
  });
  it('a gap beside a thin I in small print is no word gap, though it passes the cut: the word gap is a step wider', () => {
    const gaps = printedWordGaps(OLIVEIRA_DAVID, 22)!;
    expect(gaps).toHaveLength(1);
    // between OLIVEIRA's A and DAVID's D
    expect(gaps[0]).toEqual({ x0: 100 + 21 + 5 + 14 + 3 + 4 + 3 + 20 + 3 + 15 + 5 + 3 + 6 + 17 + 1 + 20, x1: 100 + 21 + 5 + 14 + 3 + 4 + 3 + 20 + 3 + 15 + 5 + 3 + 6 + 17 + 1 + 20 + 11 });
  });
  it('judges a gap against the row\'s own: a tightly set photo has narrower word gaps', () => {
    expect(printedWords(SHARMA_JI_HOON, 41)).toBe(3);
  });
  it('a letter-spaced row is one word: its gaps are wide, but alike', () => {
    const spaced = row(Array.from({ length: 6 }, (_, i): [number, number] => [100 + i * 40, 120 + i * 40]));
    expect(printedWords(spaced, 30)).toBe(1);
  });
  it('pieces of one letter (overlapping across) are one letter, not a gap', () => {
    const broken = [...LE_ANNA, { x0: 245, y0: 39, x1: 262, y1: 50 }];
    expect(printedWords(broken, 38)).toBe(2);
  });
  it('says nothing on fewer than three letters', () => {
    expect(printedWords(row([[10, 30], [60, 80]]), 30)).toBeNull();
  });
  it('counts a reading\'s words at spaces of either width', () => {
    expect(wordCount('CHEN\u3000JI HOON')).toBe(3);
    expect(wordCount(' CHEN  JIHOON ')).toBe(2);
  });
});

describe('a reading that runs two printed words together', () => {
  // a phone photo of NGUYEN JI HOON (20270103 #35, text height 34): every read gave NGUYEN JIHOON
  const NGUYEN_JI_HOON = row([[153, 178], [185, 210], [217, 241], [245, 267], [273, 292], [299, 324], [341, 359], [366, 372], [392, 416], [423, 450], [456, 483], [491, 514]]);
  const boxes = (text: string, xs: [number, number][]): RecognizedSymbol[] => [...text.replace(/ /g, '')].map((c, i) => ({ text: c, confidence: 90, x0: xs[i]![0], x1: xs[i]![1] }));
  // the model's boxes, a few px off the print
  const MODEL = boxes('NGUYENJIHOON', [[154, 179], [185, 210], [217, 242], [246, 268], [273, 293], [300, 323], [347, 359], [367, 373], [392, 417], [423, 451], [456, 484], [491, 511]]);

  it('is spaced where the print has its word gaps', () => {
    const gaps = printedWordGaps(NGUYEN_JI_HOON, 34)!;
    expect(gaps).toHaveLength(2);
    expect(spacedAsPrinted('NGUYEN JIHOON', MODEL, gaps, 34)).toBe('NGUYEN JI HOON');
    expect(spacedAsPrinted('NGUYENJIHOON', MODEL, gaps, 34)).toBe('NGUYEN JI HOON');
    // spaced as printed already: unchanged
    expect(spacedAsPrinted('NGUYEN JI HOON', MODEL, gaps, 34)).toBe('NGUYEN JI HOON');
  });

  it('is left as read when its boxes are not its letters one for one, or place no boundary near a gap', () => {
    const gaps = printedWordGaps(NGUYEN_JI_HOON, 34)!;
    // a letter more than the boxes (a read whose boxes were lost)
    expect(spacedAsPrinted('NGUYEN JIHOONN', MODEL, gaps, 34)).toBe('NGUYEN JIHOONN');
    // boxes a whole letter off the gap
    const shifted = MODEL.map((s) => ({ ...s, x0: s.x0 + 40, x1: s.x1 + 40 }));
    expect(spacedAsPrinted('NGUYEN JIHOON', shifted.slice(0, 12), [{ x0: 700, x1: 720 }], 34)).toBe('NGUYEN JIHOON');
    // a space the print does not show (the reading has more words than the print): not the print's to mend
    expect(spacedAsPrinted('NGU YEN JIHOON', MODEL, [gaps[0]!], 34)).toBe('NGU YEN JIHOON');
  });

  // a scan of CHEN JI HOON (20270126 #5, text height 27): the model's J and I boxes overlap, their boundary nearer
  // the gap after the I than the one between J and I is
  const CHEN = row([[145, 165], [171, 190], [199, 214], [221, 240], [256, 270], [279, 282], [300, 319], [326, 349], [355, 377], [384, 403]]);
  const CHEN_MODEL = boxes('CHENJIHOON', [[146, 165], [171, 191], [199, 215], [222, 240], [260, 283], [282, 303], [301, 320], [327, 350], [355, 378], [384, 398]]);

  it('as many letters as the print: each letter is its printed one, whatever the model\'s boxes say', () => {
    const gaps = printedWordGaps(CHEN, 27)!;
    expect(gaps).toHaveLength(2);
    // by the model's boxes alone, the gap after JI lands after the J
    expect(spacedAsPrinted('CHEN JIHOON', CHEN_MODEL, gaps, 27)).toBe('CHEN J IHOON');
    expect(spacedAsPrinted('CHEN JIHOON', CHEN_MODEL, gaps, 27, printedLetters(CHEN))).toBe('CHEN JI HOON');
    // a letter fewer than the print (the I lost): placed by the model's boxes, as without the print's letters
    const lost = CHEN_MODEL.filter((s) => s.x0 !== 282);
    expect(spacedAsPrinted('CHEN JHOON', lost, gaps, 27, printedLetters(CHEN))).toBe(spacedAsPrinted('CHEN JHOON', lost, gaps, 27));
  });
});

describe('the resolver: the print speaks only among reads of the same letters', () => {
  const c = (text: string, confidence: number): Candidate => ({ text, confidence, symbols: [], provenance: 're-read' });
  const key = (s: string): string => s.replace(/[\s\u3000]/g, '');
  const threeWords = (x: Candidate): boolean => wordCount(x.text) === 3;
  it('of reads that agree but for a space, the one with the printed words wins over a surer one', () => {
    const cands = [c('CHEN JIHOON', 0.88), c('CHEN JI HOON', 0.81), c('CHEN JIHOON', 0.83)];
    expect(resolve(cands, key).text).toBe('CHEN JIHOON');
    expect(resolve(cands, key, { prefer: threeWords }).text).toBe('CHEN JI HOON');
  });
  it('never chooses other letters for their spaces', () => {
    const cands = [c('CHEN JIHOON', 0.88), c('CHEN JIHOON', 0.83), c('CHEN JI HOOM', 0.81)];
    expect(resolve(cands, key, { prefer: threeWords }).text).toBe('CHEN JIHOON');
  });
});
