import { describe, expect, it } from 'vitest';
import { labelLength, misreadTwoCharLabel } from '../../common/ocr/card-labels';
import { labelAndValue } from '../../main/ocr-engine/reread-fields';
import { classifyLines } from '../../common/ocr/line-kind';
import { extractFields } from '../../common/ocr/extract-fields';
import { expiryFitsBirthday } from '../../common/ocr/birthday-expiry';
import type { RecognizedLine } from '../../common/ocr/recognized-line';

const l = (text: string, x0: number, y0: number, x1: number, y1: number, glyphH: number, confidence = 0.9): RecognizedLine => ({ x0, y0, x1, y1, glyphH, text, confidence, symbols: [] });

describe('line kinds', () => {
  it('tells what a line is by its content and size, whatever stands beside it', () => {
    const kinds = classifyLines([
      l('ヤマダ　ハナコ', 130, 10, 330, 30, 20),
      l('山田　花子', 130, 40, 380, 85, 45),
      l('YAMADA HANAKO', 130, 92, 300, 108, 16),
      l('氏名', 30, 50, 75, 70, 20),
      l('Address', 30, 150, 90, 160, 10),
      l('東京都千代田区永田町1-7-1', 130, 140, 700, 170, 28),
      l('1990年 4月 1日', 130, 260, 420, 288, 26),
      l('千代田区長', 600, 470, 700, 490, 18),
      l('マイナンバーカード', 30, 470, 260, 495, 24),
      l('中山”悠真', 130, 40, 380, 85, 38),
    ]).map((c) => c.kind);
    expect(kinds).toEqual(['kana', 'kanji-name', 'roman-name', 'label', 'label', 'address', 'date', 'issuer', 'title', 'kanji-name']);
  });
  it('takes a run of stroke letters (the stripe pattern read as a word) for noise, and real roman names with I and L for names', () => {
    const kinds = classifyLines([
      l('IIIilllilililililililililiilililililiiiiiil WW', 130, 40, 380, 85, 45),
      l('Il1lIlIl|lI', 130, 92, 300, 108, 16),
      l('LI LILI', 130, 92, 300, 108, 16),
      l('ILLIA KIM', 130, 92, 300, 108, 16),
      l('SMITH ANNA', 130, 92, 300, 108, 16),
    ]).map((c) => c.kind);
    expect(kinds).toEqual(['noise', 'noise', 'roman-name', 'roman-name', 'roman-name']);
  });
});

describe('a note in parentheses after a label', () => {
  it('is the label\'s own: 氏名(ローマ字) holds no name, 氏名(ローマ字) KUDO AYA holds the roman name', () => {
    expect(labelLength('氏名(ローマ字)', 'name')).toBe(8);
    expect(labelLength('氏名（通称） 山田', 'name')).toBe(6);
    expect(labelLength('氏名 山田 花子', 'name')).toBe(2);
    const [note] = classifyLines([l('氏名(ローマ字)', 54, 155, 205, 178, 20)]);
    expect(note!.label).toBe('name');
    expect(note!.value).toBe('');
    const sym = (text: string, i: number) => ({ text, confidence: 0.9, x0: 54 + 16 * i, x1: 54 + 16 * i + 14 });
    const spelled = (text: string): RecognizedLine => ({ ...l(text, 54, 155, 54 + 16 * [...text.replace(/\s/g, '')].length, 178, 20), symbols: [...text.replace(/\s/g, '')].map(sym) });
    expect(labelAndValue(spelled('氏名(ローマ字)'))).toBeNull();
    expect(labelAndValue(spelled('氏名(ローマ字) KUDO AYA'))?.[1].text).toBe('KUDO AYA');
  });
});

describe("an address's first row with its 都道府県 misread", () => {
  it('starts the address at the row whose 都道府県 is one character off (犬阪府), not at the 番地 row under it', () => {
    const rows = [
      l('住所', 57, 246, 105, 268, 23),
      l('犬阪府大阪市阿倍野区松下', 313, 245, 801, 277, 33),
      l('通五丁目4番4号', 313, 289, 607, 321, 31),
      l('1999年1月12日', 337, 375, 742, 407, 28),
    ];
    const [, first, block] = classifyLines(rows);
    expect(first!.kind).toBe('address');
    expect(first!.scores.address).toBeGreaterThan(block!.scores.address);
    expect(extractFields(rows, '2026-01-01').fields.address.value).toBe('犬阪府大阪市阿倍野区松下通五丁目4番4号');
    // a family name with a prefecture's kind character is no address (山県), nor is a prefecture's name alone off by its kind (大阪市)
    expect(classifyLines([l('山県太郎', 130, 40, 380, 85, 45)])[0]!.kind).toBe('kanji-name');
    expect(classifyLines([l('犬阪市', 130, 40, 300, 85, 45)])[0]!.scores.address).toBeLessThan(0.5);
  });
});

describe("an address's first row with its 都道府県 misread in two characters", () => {
  it('takes the row for the address by the places after the prefecture\'s kind (妊泰県東津軽郡差田村…), its labels misread', () => {
    // a camera photo of a foreign resident's card (20270103 #8): 青森県東津軽郡蓬田村広瀬２５１８番地
    const rows = [
      l('民各', 60, 80, 100, 98, 16),
      l('WANG JI HOON', 200, 75, 520, 105, 28),
      l('体可', 60, 150, 100, 168, 16),
      l('妊泰県東津軽郡差田村広認25 18秋地', 200, 145, 900, 175, 28),
      l('企義', 60, 220, 100, 238, 16),
      l('1954年07月11日生', 200, 215, 620, 245, 28),
      l('男', 700, 215, 730, 245, 28),
      l('2029年07月11日まで有効', 200, 280, 760, 310, 28),
    ];
    expect(classifyLines(rows)[3]!.kind).toBe('address');
    expect(extractFields(rows, '2026-12-07').fields.address.value).toBe('妊泰県東津軽郡差田村広認2518秋地');
    // a municipality must follow the kind (no 市 or 郡 + 町村: a name), and the kind must stand where a prefecture's does
    expect(classifyLines([l('小松県男', 130, 40, 380, 85, 45)])[0]!.kind).toBe('kanji-name');
    expect(classifyLines([l('妊泰県東津軽差田', 200, 145, 900, 175, 28)])[0]!.scores.address).toBeLessThan(0.5);
    expect(classifyLines([l('妊泰泰泰県東津軽郡差田村', 200, 145, 900, 175, 28)])[0]!.scores.address).toBeLessThan(0.5);
    // an issuer whose prefecture is misread stays the issuer
    expect(classifyLines([l('=笠県津市長', 600, 650, 760, 670, 18)])[0]!.kind).toBe('issuer');
  });
});

describe("an address's first row with a character read into its 都道府県", () => {
  it('starts the address at the row (熊本和県菊池郡 over its 番地 row, the 住所 label misread) instead of finding none', () => {
    // a camera photo of a current card (20270113 #30)
    const rows = [
      l('藤井　和彦', 163, 32, 424, 81, 49),
      l('儲層', 42, 115, 80, 132, 18),
      l('熊本和県勘池郡', 164, 112, 329, 136, 24),
      l('菊陽町新山5ーク2クー14', 165, 149, 464, 173, 23),
      l('昭和9年6月17日生', 170, 207, 445, 231, 23),
      l('2030年6月17日まで有効', 165, 256, 551, 282, 23),
    ];
    expect(classifyLines(rows)[2]!.kind).toBe('address');
    expect(extractFields(rows, '2026-12-06').fields.address.value).toBe('熊本和県勘池郡菊陽町新山5ーク2クー14');
    // one character read into it, and its kind after the name: not two (熊本和和県), nor another kind (熊本和市)
    expect(classifyLines([l('熊本和和県勘池', 164, 112, 329, 136, 24)])[0]!.scores.address).toBeLessThan(0.5);
    expect(classifyLines([l('熊本和市勘池', 164, 112, 329, 136, 24)])[0]!.scores.address).toBeLessThan(0.5);
  });
});

describe('the field finder takes labels as evidence, not as the value\'s row', () => {
  const rest = [l('住所', 30, 150, 75, 170, 20), l('東京都千代田区永田町1-7-1', 130, 145, 700, 175, 28), l('生年月日', 30, 262, 110, 282, 20), l('1990年 4月 1日', 130, 258, 420, 288, 26), l('有効期限', 30, 312, 110, 332, 20), l('2031年 4月 1日', 130, 308, 420, 338, 26)];
  const kana = l('ヤマダ　ハナコ', 130, 10, 330, 30, 20);
  const name = l('山田　花子', 130, 40, 380, 85, 45);
  const roman = l('YAMADA HANAKO', 130, 92, 300, 108, 16);
  for (const [where, y] of [['beside the ruby row', 12], ['between the ruby and the name', 30], ['beside the name', 52], ['beside the roman name', 92]] as const) {
    it(`finds name and フリガナ with the 氏名 label ${where}`, () => {
      const r = extractFields([kana, l('氏名', 30, y, 75, y + 20, 20), name, roman, ...rest], '2026-01-01');
      expect(r.fields.name.value).toBe('山田\u3000花子');
      expect(r.fields.nameKana.value).toBe('ヤマダ\u3000ハナコ');
      expect(r.layout).toBe('next-gen');
    });
  }
  it('reads labels printed above their values (a design with the photo on the left)', () => {
    const x = 300;
    const r = extractFields(
      [l('氏名', x, 10, x + 40, 26, 16), l('ヤマザキ　マイ', x, 30, x + 150, 46, 15), l('山崎　舞', x, 50, x + 160, 82, 31), l('YAMAZAKI MAI', x, 90, x + 110, 101, 12),
        l('住所', x, 130, x + 40, 146, 16), l('鳥取県西伯郡', x, 155, x + 180, 182, 26), l('日吉津村今吉8-3-27', x, 192, x + 280, 219, 26),
        l('生年月日', x, 240, x + 70, 256, 16), l('1948年 1月 2日', x + 6, 262, x + 215, 288, 23), l('有効期限', x, 310, x + 70, 326, 16), l('2033年 1月 2日', x + 6, 332, x + 215, 358, 23)],
      '2026-01-01',
    );
    expect(r.fields.name.value).toBe('山崎\u3000舞');
    expect(r.fields.nameKana.value).toBe('ヤマザキ\u3000マイ');
    expect(r.fields.address.value).toBe('鳥取県西伯郡日吉津村今吉8-3-27');
    expect(r.fields.birthDate.value).toBe('1948-01-02');
    expect(r.fields.expiryDate.value).toBe('2033-01-02');
  });
  it('takes the name by content when its label is misread beside the ruby (話名)', () => {
    const r = extractFields([l('イケダ', 208, 40, 291, 64, 23), l('ケンタ', 326, 42, 405, 63, 22), l('話名', 35, 43, 81, 65, 23, 0), l('池田 健太', 203, 72, 400, 107, 36), l('IKEDA KENTA', 443, 89, 600, 102, 14), ...rest], '2026-01-01');
    expect(r.fields.name.value).toBe('池田\u3000健太');
    expect(r.fields.nameKana.value).toBe('イケダ\u3000ケンタ');
  });
});

describe('expiry rules per layout', () => {
  it('accepts a next-generation card ending a month after the birthday, not a current card', () => {
    expect(expiryFitsBirthday('birthday', '1990-04-01', '2031-05-01')).toBe(false);
    expect(expiryFitsBirthday('birthday-or-month-after', '1990-04-01', '2031-05-01')).toBe(true);
    expect(expiryFitsBirthday('birthday-or-month-after', '1990-01-31', '2031-02-28')).toBe(true);
    expect(expiryFitsBirthday('birthday-or-month-after', '1990-12-10', '2032-01-10')).toBe(true);
    expect(expiryFitsBirthday('birthday-or-month-after', '1990-04-01', '2031-06-01')).toBe(false);
    expect(expiryFitsBirthday('any', '1990-04-01', '2031-06-01')).toBe(true);
  });
});

describe('a two-character label with its first character misread', () => {
  it('is named by its second character, among the labels asked for', () => {
    expect(misreadTwoCharLabel('兵名', ['name'])).toBe(true);
    expect(misreadTwoCharLabel('性所', ['address', 'name'])).toBe(true);
    expect(misreadTwoCharLabel('生別', ['sex'])).toBe(true);
    expect(misreadTwoCharLabel('生別', ['address', 'name'])).toBe(false);
    expect(misreadTwoCharLabel('宮崎', ['name', 'address', 'sex'])).toBe(false);
    expect(misreadTwoCharLabel('名', ['name'])).toBe(false);
  });
});
