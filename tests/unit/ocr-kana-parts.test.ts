import { describe, expect, it } from 'vitest';
import { byParts, nearestKnownReading, partSupport, printedGlyphs, readAsKnownReading } from '../../main/ocr-engine/reread-fields';
import { buildNameReadings } from '../../common/names/name-readings';
import type { RecognizedSymbol } from '../../common/ocr/recognized-line';

/**
 * A read of a ruby row: 16 px kana 20 px apart from x = 100, a 50 px gap (156–206) after the family name's
 * `gapAfter` characters; with `junkInGap` the character after them is the gap itself read as one (centred at 181).
 */
function read(text: string, confidence: number, gapAfter: number, junkInGap = false): { text: string; confidence: number; symbols: RecognizedSymbol[] } {
  const cs = [...text.replace(/\s/g, '')];
  let x = 100;
  const symbols = cs.map((c, i) => {
    if (junkInGap && i === gapAfter) return { text: c, confidence, x0: 173, x1: 189 };
    if (i === gapAfter + (junkInGap ? 1 : 0)) x = 206;
    const s = { text: c, confidence, x0: x, x1: x + 16 };
    x += 20;
    return s;
  });
  return { text, confidence, symbols };
}

const names = buildNameReadings([
  [
    { kind: '姓', surface: '福田', readings: ['ふくだ', 'ふくた'] },
    { kind: '名', surface: '拓也', readings: ['たくや'] },
  ],
]);

describe('フリガナ resolved part by part', () => {
  it('takes the family reading from one read and the given reading from another, each as the name tables know it', () => {
    // the gap read as ー in both: neither read splits at a space, both split at the printed gap
    const a = read('ラクザータクヤ', 0.59, 3, true);
    const b = read('フクダータタ', 0.53, 3, true);
    // the blank between フクダ (ends 156) and タクヤ (starts 206), where the model read its ー
    const gap = { x0: 157, x1: 205 };
    const out = byParts(a, [a, b], gap, 20, partSupport('福田\u3000拓也', names));
    expect(out.text).toBe('フクダ タクヤ');
    // the tables chose a part: the clerk is asked to look
    expect(out.confidence).toBeLessThanOrEqual(0.75);
    expect(out.symbols.map((s) => s.text).join('')).toBe('フクダタクヤ');
  });

  it('votes part by part without the tables too, and keeps the whole choice when its parts are the ones chosen', () => {
    const a = read('アンドウ トコ', 0.5, 4);
    const b = read('アンドウ トモコ', 0.56, 4);
    const c = read('アンドウ トモコ', 0.6, 4);
    expect(byParts(c, [a, b, c], null, 20, null)).toBe(c);
    // one read only splits: nothing to vote on
    const joined = read('アンドウトモコ', 0.6, 99);
    expect(byParts(joined, [joined, b], null, 20, null)).toBe(joined);
  });

  it('drops only what lies in the blank between the names, and the 長音 a part ends with', () => {
    // no space and nothing read in the blank: split there, nothing dropped
    const a = read('フクダタクヤ', 0.7, 3);
    const b = read('フクダー タクヤ', 0.6, 4);
    expect(byParts(a, [a, b], { x0: 157, x1: 205 }, 20, null).text).toBe('フクダ タクヤ');
    // a kana whose loose box reaches into the blank is no blank read as something
    const wide = { ...a, symbols: a.symbols.map((s, i) => (i === 2 ? { ...s, x1: 190 } : s)) };
    expect(byParts(wide, [wide, b], { x0: 157, x1: 205 }, 20, null).text).toBe('フクダ タクヤ');
  });
});

describe('フリガナ parts and the glyphs the print shows', () => {
  it('takes the part with as many kana as the line finder saw glyphs, where two weak reads differ by one kana', () => {
    // blurred ruby over 田中 隆 (タナカ タカシ, three glyphs each): one read drops a kana, the other doubles one
    const a = read('ナカ タカクン', 0.41, 2);
    const b = read('ナナカ タカン', 0.36, 3);
    const plain = byParts(a, [a, b], null, 20, null);
    expect(plain.text).toBe('ナカ タカクン');
    const counted = byParts(a, [a, b], null, 20, null, [3, 3]);
    expect(counted.text).toBe('ナナカ タカン');
    // the count chose the parts, not the model's vote: marked as the cross-check's (要確認)
    expect(counted.provenance).toBe('cross-field');
  });

  it('counts the glyphs on each side of the blank, a kana whose strokes stand apart as one', () => {
    const box = (x0: number, x1: number) => ({ x0, y0: 19, x1, y1: 34 });
    // シバタ タクヤ at a 15 px glyph height: バ's ノ (220–225) and the rest (227–235) are two boxes, one glyph
    const shibata = [box(201, 215), box(220, 225), box(227, 235), box(240, 254), box(280, 293), box(301, 313), box(320, 334)];
    expect(printedGlyphs(shibata, { x0: 255, x1: 279 }, 15)).toEqual([3, 3]);
    // a small kana beside a full one stays two glyphs (タ + ャ: 1.6 glyphs wide together)
    const takuya = [box(100, 114), box(118, 127), box(140, 154)];
    expect(printedGlyphs(takuya, { x0: 128, x1: 139 }, 15)).toEqual([2, 1]);
    // no blank between the parts, or nothing on one side: no count
    expect(printedGlyphs(shibata, null, 15)).toBeNull();
    expect(printedGlyphs(shibata, { x0: 400, x1: 420 }, 15)).toBeNull();
  });

  it('does not outvote reads that agree, nor choose where no reading has the printed count', () => {
    const a = read('アンドウ トモコ', 0.6, 4);
    const b = read('アンドウ トモコ', 0.55, 4);
    const c = read('アンド トモコ', 0.5, 3);
    // a speck counted as a glyph (5 for アンドウ) speaks for none of them
    expect(byParts(a, [a, b, c], null, 20, null, [5, 3]).text).toBe('アンドウ トモコ');
    // two agreeing reads outweigh the count's half vote for the third
    expect(byParts(a, [a, b, c], null, 20, null, [3, 3]).text).toBe('アンドウ トモコ');
  });
});

describe('a フリガナ part the name tables do not know, read again with only the kana of the readings they give', () => {
  const tables = buildNameReadings([
    [
      { kind: '姓', surface: '柴田', readings: ['しばた'] },
      { kind: '名', surface: '達也', readings: ['たつや'] },
    ],
  ]);
  const row = { x0: 180, y0: 37, x1: 320, y1: 56 };
  const gap = { x0: 234, x1: 255 };

  it('takes the read when it spells a known reading exactly, reading only that part, in its half of the row', async () => {
    const asked: { rect: typeof row; whitelist: string }[] = [];
    const out = await readAsKnownReading('ンパタ\u3000タツヤ', '柴田\u3000達也', tables, gap, row, async (rect, whitelist) => {
      asked.push({ rect, whitelist });
      return [{ text: 'シバタ', confidence: 0.8, symbols: [] }];
    });
    expect(out).toBe('シバタ\u3000タツヤ');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.rect).toEqual({ ...row, x1: 234 });
    expect([...asked[0]!.whitelist].sort().join('')).toBe([...'シバター'].sort().join(''));
  });

  it('keeps the part as read when the constrained read spells no known reading, or there is no blank to split at', async () => {
    const read = async (): Promise<{ text: string; confidence: number; symbols: [] }[]> => [{ text: 'シババタ', confidence: 0.8, symbols: [] }];
    expect(await readAsKnownReading('ンパタ\u3000タツヤ', '柴田\u3000達也', tables, gap, row, read)).toBe('ンパタ\u3000タツヤ');
    expect(await readAsKnownReading('ンパタ\u3000タツヤ', '柴田\u3000達也', tables, null, row, read)).toBe('ンパタ\u3000タツヤ');
    // a name the tables know no reading of: nothing to read against
    expect(await readAsKnownReading('ンパタ\u3000タツヤ', '某某\u3000達也', tables, gap, row, read)).toBe('ンパタ\u3000タツヤ');
  });

  const pale = buildNameReadings([
    [
      { kind: '姓', surface: '橋本', readings: ['はしもと'] },
      { kind: '名', surface: '美穂', readings: ['みほ', 'よしほ'] },
      { kind: '名', surface: '太郎', readings: ['たろう'] },
    ],
  ]);
  const reads = (...texts: string[]) => async () => texts.map((text) => ({ text, confidence: 0.5, symbols: [] as [] }));

  it('takes the one known reading as long as the glyphs printed there that holds, in order, what pale ruby was read as', async () => {
    // ハシモト's four glyphs, read ハンモル, read again with its kana only as ハシ
    expect(await readAsKnownReading('ハンモル\u3000タロウ', '橋本\u3000太郎', pale, gap, row, reads('ハシ'), [4, 3])).toBe('ハシモト\u3000タロウ');
    // ミホ's two glyphs, ホ too pale for any read: ミ as read is half of the one two-kana reading (not ヨシホ)
    expect(await readAsKnownReading('サカイ\u3000ミ', '橋本\u3000美穂', pale, gap, row, reads(), [3, 2])).toBe('サカイ\u3000ミホ');
  });

  it('keeps the part when no printed count is known, the count fits no reading, two fit, or less than half was read', async () => {
    expect(await readAsKnownReading('ハンモル\u3000タロウ', '橋本\u3000太郎', pale, gap, row, reads('ハシ'))).toBe('ハンモル\u3000タロウ');
    expect(await readAsKnownReading('ハンモル\u3000タロウ', '橋本\u3000太郎', pale, gap, row, reads('ハシ'), [5, 3])).toBe('ハンモル\u3000タロウ');
    // (read three of four kana off, and again as less than half of it: neither holds it nor is near it)
    expect(await readAsKnownReading('ロンモル\u3000タロウ', '橋本\u3000太郎', pale, gap, row, reads('ハ'), [4, 3])).toBe('ロンモル\u3000タロウ');
    expect(await readAsKnownReading('ロンモル\u3000タロウ', '橋本\u3000太郎', pale, gap, row, reads('シハ'), [4, 3])).toBe('ロンモル\u3000タロウ');
    expect(await readAsKnownReading('サカイ\u3000ホ', '橋本\u3000美穂', pale, gap, row, reads(), [3, 1])).toBe('サカイ\u3000ホ');
  });

  it('asks the print, with the readings of its glyph count, when the reads tell none of them', async () => {
    const asked: [number, string[], string][] = [];
    const print = (answer: (readings: string[], read: string) => string) => async (part: 0 | 1, readings: string[], read: string) => (asked.push([part, readings, read]), answer(readings, read));
    // ロンモル: no reading holds it nor is near it; the print shows ハシモト
    expect(await readAsKnownReading('ロンモル\u3000タロウ', '橋本\u3000太郎', pale, gap, row, reads('ハ'), [4, 3], print((rs) => rs[0]!))).toBe('ハシモト\u3000タロウ');
    expect(asked).toEqual([[0, ['ハシモト'], 'ロンモル']]);
    // the print showing none of them: the part as it was
    expect(await readAsKnownReading('ロンモル\u3000タロウ', '橋本\u3000太郎', pale, gap, row, reads('ハ'), [4, 3], print((_, read) => read))).toBe('ロンモル\u3000タロウ');
    // the print is not asked where the reads decide (ハシ held by the one reading) or no reading has the print's count
    asked.length = 0;
    expect(await readAsKnownReading('ハンモル\u3000タロウ', '橋本\u3000太郎', pale, gap, row, reads('ハシ'), [4, 3], print(() => 'ハハハハ'))).toBe('ハシモト\u3000タロウ');
    expect(await readAsKnownReading('ロンモル\u3000タロウ', '橋本\u3000太郎', pale, gap, row, reads('ハ'), [5, 3], print(() => 'ハハハハ'))).toBe('ロンモル\u3000タロウ');
    expect(asked).toEqual([]);
  });
});

describe('a フリガナ part read so far off that no known reading holds it', () => {
  const blurred = buildNameReadings([
    [
      { kind: '姓', surface: '長谷川', readings: ['はせがわ'] },
      { kind: '名', surface: '京子', readings: ['きょうこ', 'けいこ'] },
      { kind: '名', surface: '花子', readings: ['はなこ'] },
    ],
  ]);
  const row = { x0: 180, y0: 37, x1: 320, y1: 56 };
  const gap = { x0: 234, x1: 255 };
  const reads = (...texts: string[]) => async () => texts.map((text) => ({ text, confidence: 0.5, symbols: [] as [] }));

  it('becomes the known reading of the printed length nearest the reads, half its kana off at most (ruby of a camera photo)', async () => {
    // キョウコ's four glyphs read キックコ (ョ read ッ, ウ read ク) and again as キックウコ: キョウコ is two off, ケイコ is three kana
    expect(await readAsKnownReading('ハセガワ\u3000キックコ', '長谷川\u3000京子', blurred, gap, row, reads('キックウコ'), [4, 4])).toBe('ハセガワ\u3000キョウコ');
  });

  it('keeps the part when the print shows another count, two readings are as near, or the nearest is too far', async () => {
    // three glyphs: キヨコ is a reading the tables do not know, not a misread キョウコ, and two kana from ケイコ
    // are too many of three (ハラ over ハナコ's three glyphs stays too)
    expect(await readAsKnownReading('ハセガワ\u3000キヨコ', '長谷川\u3000京子', blurred, gap, row, reads(), [4, 3])).toBe('ハセガワ\u3000キヨコ');
    expect(await readAsKnownReading('ハセガワ\u3000ハラ', '長谷川\u3000花子', blurred, gap, row, reads(), [4, 3])).toBe('ハセガワ\u3000ハラ');
    expect(nearestKnownReading(['キョウコ', 'ケイコ'], 4, ['キックコ'])).toBe('キョウコ');
    expect(nearestKnownReading(['キョウコ', 'キュウコ'], 4, ['キックコ'])).toBeNull();
    expect(nearestKnownReading(['ワタナベ'], 4, ['リタスペ'])).toBeNull();
    expect(nearestKnownReading(['ワタナベ'], 4, [])).toBeNull();
  });
});
