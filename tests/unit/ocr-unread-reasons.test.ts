import { describe, expect, it } from 'vitest';
import { extractFields } from '../../common/ocr/extract-fields';
import { UNREAD_REASON, type CardReadResult } from '../../common/ocr/card-result';
import { toCliLine } from '../../main/ocr-engine/cli-output';
import type { RecognizedLine } from '../../common/ocr/recognized-line';

const l = (text: string, x0: number, y0: number, x1: number, y1: number, glyphH: number): RecognizedLine => ({ x0, y0, x1, y1, glyphH, text, confidence: 0.9, symbols: [] });

describe('never silently empty', () => {
  it('gives each printed field without a value its reason, and none to a field the layout does not print', () => {
    const r = extractFields([l('氏名', 30, 50, 75, 70, 20), l('山田　花子', 130, 40, 380, 85, 45), l('住所', 30, 150, 75, 170, 20), l('平成32年 4月 1日生', 130, 260, 420, 288, 26), l('性別 女', 500, 260, 580, 288, 26), l('2031年 4月 1日まで有効', 130, 310, 470, 338, 26)], '2026-01-01');
    expect(r.layout).toBe('current');
    expect(r.fields.address).toMatchObject({ value: null, reason: UNREAD_REASON.notFound });
    // found, but 平成32年 does not exist: said so, not guessed
    expect(r.fields.birthDate.value).toBeNull();
    expect(r.fields.birthDate.reason).toMatch(/読み取れませんでした（.+）/);
    // the current card prints no フリガナ: nothing to explain
    expect(r.fields.nameKana.reason).toBeUndefined();
    expect(r.fields.name.reason).toBeUndefined();
  });
  it('does not ask for 性別 on a next-generation card, and the CLI line carries the reasons', () => {
    const r = extractFields([l('ヤマダ　ハナコ', 130, 10, 330, 30, 20), l('氏名', 30, 50, 75, 70, 20), l('山田　花子', 130, 40, 380, 85, 45), l('住所', 30, 150, 75, 170, 20), l('生年月日', 30, 262, 110, 282, 20), l('1990年 4月 1日', 130, 258, 420, 288, 26)], '2026-01-01');
    expect(r.layout).toBe('next-gen');
    expect(r.fields.sex.reason).toBeUndefined();
    expect(r.fields.expiryDate.reason).toBe(UNREAD_REASON.notFound);
    const result: CardReadResult = { ...r, warnings: [], rotation: 0, card: { width: 1, height: 1, data: new Uint8Array(1) }, ms: 1 };
    const line = toCliLine('a.jpg', result);
    expect(line.fields.address).toEqual({ value: null, confidence: 0, reason: UNREAD_REASON.notFound });
    expect(line.fields.sex).toEqual({ value: null, confidence: 0 });
    expect(line.fields.name.reason).toBeUndefined();
  });
});
