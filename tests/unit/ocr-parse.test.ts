import { describe, expect, it } from 'vitest';
import { looksLikeDate, parseCardDate } from '../../common/ocr/parse-date';
import { parseSex } from '../../common/ocr/parse-sex';
import { parseAddress } from '../../common/ocr/parse-address';
import { splitName } from '../../common/ocr/split-name';
import { digitsLookFullWidth, withDigitWidth } from '../../common/ocr/digit-width';
import { normalizeDashes } from '../../common/ocr/ocr-text';
import { extractFields } from '../../common/ocr/extract-fields';
import type { RecognizedLine } from '../../common/ocr/recognized-line';

/** A recognized line as the field finder gets it: its box, text height, text and confidence, no symbol boxes. */
const lineBox = (text: string, x0: number, y0: number, x1: number, y1: number, glyphH: number, confidence = 0.9): RecognizedLine => ({ x0, y0, x1, y1, glyphH, text, confidence, symbols: [] });

describe('parseCardDate', () => {
  it('reads 和暦 and 西暦 as printed on cards', () => {
    expect(parseCardDate('昭和60年 3月 3日生')).toEqual({ ok: true, iso: '1985-03-03', wareki: true });
    expect(parseCardDate('平成元年 1月 8日生')).toMatchObject({ ok: true, iso: '1989-01-08' });
    expect(parseCardDate('２０３０年　３月　３日まで有効')).toMatchObject({ ok: true, iso: '2030-03-03', wareki: false });
  });
  it('tolerates OCR spacing and a half-read era', () => {
    expect(parseCardDate('昭和5 8年1月15日準別 男')).toMatchObject({ ok: true, iso: '1983-01-15' });
    expect(parseCardDate('昭 33年12月18日生')).toMatchObject({ ok: true, iso: '1958-12-18' });
  });
  it('reads an era known only by its 和 as the one of 昭和 and 令和 whose date has been, else not at all', () => {
    expect(parseCardDate('骨和60年 6月7日生', '2026-12-05')).toEqual({ ok: true, iso: '1985-06-07', wareki: true });
    // 令和 9年 is to come on that day: 昭和 9年
    expect(parseCardDate('口和9年 6月7日生', '2026-12-05')).toMatchObject({ ok: true, iso: '1934-06-07' });
    // both eras have had a 5年 6月7日: the clerk reads it
    expect(parseCardDate('口和5年 6月7日生', '2026-12-05').ok).toBe(false);
    // without the day the read was made, no era is taken from 和 alone
    expect(parseCardDate('骨和60年 6月7日生').ok).toBe(false);
  });
  it('finds a 元年 date line by its shape (a child born in 令和元年)', () => {
    expect(looksLikeDate('令和元年10月2 8日生')).toBe(true);
    const l = lineBox;
    const r = extractFields([l('氏名', 38, 67, 81, 90, 24), l('高橋　崎子', 130, 47, 424, 102, 55), l('住所', 38, 169, 82, 192, 23), l('大阪府大阪市北区中之島一丁目3番20号', 128, 168, 806, 205, 36), l('令和元年10月2 8日生', 106, 304, 544, 340, 34), l('性別 女', 683, 304, 727, 327, 24), l('2031年10月28日まで有効', 138, 370, 722, 406, 28)], '2026-11-27');
    expect(r.fields.birthDate.value).toBe('2019-10-28');
  });
  it('finds a date line whose year was lost by the month and day after its 年, never an address', () => {
    expect(looksLikeDate('田萌年10月9日')).toBe(true);
    expect(looksLikeDate('年1月23日生')).toBe(true);
    expect(looksLikeDate('大月1-2')).toBe(false);
    expect(looksLikeDate('山梨県大月市大月町花咲1番地')).toBe(false);
  });
  it('finds a date line whose digits were read as kanji by its era and the 年 after it, never a place named after an era', () => {
    expect(looksLikeDate('昭和較剛年旧月過4.目生')).toBe(true);
    expect(looksLikeDate('平成 3年 月 日生')).toBe(true);
    expect(looksLikeDate('山梨県中巨摩郡昭和町西条1234番地')).toBe(false);
    expect(looksLikeDate('昭和町西条1234')).toBe(false);
  });
  it('rejects impossible dates instead of guessing', () => {
    expect(parseCardDate('平成32年 1月 1日生').ok).toBe(false);
    expect(parseCardDate('昭和64年 2月 1日生').ok).toBe(false);
    expect(parseCardDate('2030年 2月30日まで有効').ok).toBe(false);
    expect(parseCardDate('性別 男').ok).toBe(false);
  });
});

describe('parseSex', () => {
  it('takes 男/女 after the label or alone', () => {
    expect(parseSex('性別 男')).toBe('M');
    expect(parseSex('1975年1月23日生 性別 女')).toBe('F');
    expect(parseSex('女')).toBe('F');
    expect(parseSex('男女共同参画')).toBeNull();
    // at the end of the birth date's row, after a misread label
    expect(parseSex('昭和3 0年3月2 6日生 融女')).toBe('F');
    expect(parseSex('昭和30年3月26日生 性刷 男')).toBe('M');
    // … and on a foreign resident's card, whose birth date has no 生
    expect(parseSex('1934年08月07日各 男')).toBe('M');
    expect(parseSex('1989年8月19日特史女')).toBe('F');
    // nothing misread between the date and a value is no label: no 性別 there
    expect(parseSex('1989年8月19日女')).toBeNull();
    // a name that ends so is no date's row
    expect(parseSex('山田 日出男')).toBeNull();
    // the label's second character misread, a speck after the value
    expect(parseSex('性唱女 1')).toBe('F');
    expect(parseSex('性別男女')).toBe('M');
  });
});

describe('parseAddress', () => {
  it('splits 都道府県 / 市区町村 / 町字 / 番地 / 方書 and keeps the original', () => {
    const a = parseAddress('東京都千代田区千代田１丁目１番１号コーポ山田１０１号');
    expect(a).toMatchObject({ prefecture: '東京都', municipality: '千代田区', town: '千代田', block: '１丁目１番１号', building: 'コーポ山田１０１号' });
    expect(a.original).toBe('東京都千代田区千代田１丁目１番１号コーポ山田１０１号');
    expect(a.normalized).toBe('東京都千代田区千代田１－１－１コーポ山田１０１号');
  });
  it('keeps a 市 that ends a city name before 市 (四日市市, 廿日市市)', () => {
    expect(parseAddress('三重県四日市市諏訪町1番5号')).toMatchObject({ prefecture: '三重県', municipality: '四日市市', town: '諏訪町' });
    expect(parseAddress('広島県廿日市市下平良一丁目11番1号')).toMatchObject({ municipality: '廿日市市', town: '下平良' });
    expect(parseAddress('千葉県市川市八幡1-1-1')).toMatchObject({ municipality: '市川市', town: '八幡' });
  });
  it('handles 政令市の区, 郡 and kanji 丁目', () => {
    expect(parseAddress('大阪府大阪市北区梅田三丁目4番5号')).toMatchObject({ municipality: '大阪市北区', town: '梅田', normalized: '大阪府大阪市北区梅田３－４－５' });
    expect(parseAddress('長野県北佐久郡軽井沢町大字長倉7-10-12')).toMatchObject({ municipality: '北佐久郡軽井沢町', town: '大字長倉', block: '7-10-12' });
  });
});

describe('name and digits', () => {
  it('splits family and given names by text or by the gap between characters', () => {
    expect(splitName([{ text: '山田 太郎', symbols: [], glyphH: 40 }])).toEqual({ family: '山田', given: '太郎' });
    expect(splitName([{ text: 'NGUYEN VAN AN', symbols: [], glyphH: 40 }])).toEqual({ family: 'NGUYEN', given: 'VAN AN' });
    const sym = (text: string, x0: number): { text: string; confidence: number; x0: number; x1: number } => ({ text, confidence: 0.9, x0, x1: x0 + 38 });
    expect(splitName([{ text: '池田大輔', symbols: [sym('池', 0), sym('田', 42), sym('大', 130), sym('輔', 172)], glyphH: 40 }])).toEqual({ family: '池田', given: '大輔' });
  });
  it('keeps rare kanji code points exactly', () => {
    expect(splitName([{ text: '山\u{FA11} 太郎', symbols: [], glyphH: 40 }])).toEqual({ family: '山\u{FA11}', given: '太郎' });
  });
  it('tells full-width digits from their spacing and writes hyphens to match', () => {
    const run = (adv: number): { text: string; confidence: number; x0: number; x1: number }[] =>
      ['1', '8'].map((t, i) => ({ text: t, confidence: 0.9, x0: i * adv, x1: i * adv + 15 }));
    expect(digitsLookFullWidth(run(38), 40)).toBe(true);
    expect(digitsLookFullWidth(run(20), 40)).toBe(false);
    expect(withDigitWidth(normalizeDashes('山下町7イー18一30'), true)).toBe('山下町７－１８－３０');
    expect(withDigitWidth('１－２', false)).toBe('1-2');
    // a hyphen read short as a dot: an address has no decimals
    expect(normalizeDashes('荒尾1.8-14')).toBe('荒尾1-8-14');
    expect(normalizeDashes('本町２・１５')).toBe('本町２－１５');
  });
});

describe('extractFields', () => {
  const line = (text: string, x0: number, y0: number, glyphH = 30): RecognizedLine => ({ x0, y0, x1: x0 + 20 * text.length, y1: y0 + glyphH, glyphH, text, confidence: 0.9, symbols: [] });
  it('finds fields by labels and text shape, not position', () => {
    const r = extractFields(
      [line('氏名 山田 花子', 40, 40, 45), line('住所 東京都千代田区永田町1-7-1', 40, 130), line('平成2年 4月 1日生 性別 女', 200, 300), line('2031年 4月 1日まで有効', 200, 380)],
      '2026-01-01',
    );
    expect(r.layout).toBe('current');
    expect(r.fields.name.value).toBe('山田\u3000花子');
    expect(r.fields.address.value).toBe('東京都千代田区永田町1-7-1');
    expect(r.fields.birthDate.value).toBe('1990-04-01');
    expect(r.fields.sex.value).toBe('F');
    expect(r.fields.expiryDate.value).toBe('2031-04-01');
    expect(r.warnings).toEqual([]);
  });
  it('takes, of lines that give 性別 differently, the one whose value the model is surest of (a misread 住所 label read as 性別 男)', () => {
    // 20270125 #33: the 住所 label read 性落, read again as the 性別 label with 男 at 0.70; 女 alone after the birth date at 0.92
    const at = (l: RecognizedLine, confidence: number): RecognizedLine => ({ ...l, confidence });
    const lines = [line('平野 恵', 170, 47, 58), at(line('性別 男', 67, 167, 18), 0.7), line('群馬県吾妻郡中之条町四万395番地', 169, 168, 35), line('昭和27年9月7日生', 164, 355, 35), at(line('女', 656, 352, 36), 0.92), line('2026年9月7日まで有効', 235, 428, 33)];
    const r = extractFields(lines, '2026-01-01');
    expect(r.fields.sex.value).toBe('F');
    // the card contradicts itself: the clerk is asked to look
    expect(r.fields.sex.confidence).toBe(0.6);
    // lines that agree: the labelled one, as before
    const agree = extractFields([...lines.slice(0, 4), at(line('男', 656, 352, 36), 0.95), lines[5]!], '2026-01-01');
    expect(agree.fields.sex).toEqual({ value: 'M', confidence: 0.7 });
  });

  it('warns on an expired card and recognises the next-generation layout', () => {
    const r = extractFields(
      [line('ヤマダ ハナコ', 110, 10, 20), line('氏名 山田 花子', 40, 40, 45), line('住所 北海道札幌市中央区南三条東1-2', 40, 130), line('生年月日 1990年 4月 1日', 40, 300), line('有効期限 2024年 4月 1日まで有効', 40, 380)],
      '2026-01-01',
    );
    expect(r.layout).toBe('next-gen');
    expect(r.fields.nameKana.value).toBe('ヤマダ\u3000ハナコ');
    expect(r.fields.sex.value).toBeNull();
    expect(r.warnings).toContainEqual({ code: 'expired', message: '有効期限が切れています（2024-04-01まで）。' });
  });
  it('finds the address when its label was misread into the line or into a word that is no label', () => {
    const merged = extractFields(
      [line('氏名 前田 彩', 40, 40, 45), line('催『 千葉県船橋市本町8-39-28', 40, 130), line('平成25年 2月 19日生 性別 女', 200, 300), line('2026年 2月 19日まで有効', 200, 380)],
      '2026-01-01',
    );
    expect(merged.fields.address.value).toBe('千葉県船橋市本町8-39-28');
    expect(merged.address?.prefecture).toBe('千葉県');
    // a foreign resident's card: the latin name is taller than the labels, 住所 read as 件所
    const short = extractFields(
      [line('氏名', 46, 65, 27), line('MILLER MARIA', 150, 62, 34), line('件所', 46, 174, 27), line('京都府京都市左京区吉田本町5丁目14番19号', 150, 172, 27), line('1950年6月28日生', 134, 323, 32), line('2030年6月28日まで有効', 183, 393, 31)],
      '2026-01-01',
    );
    expect(short.fields.address.value).toBe('京都府京都市左京区吉田本町5丁目14番19号');
    expect(short.layout).toBe('foreign');
  });
  it('finds an address by its full shape when both its label and its 都道府県 are misread, never a 方書 row alone', () => {
    const l = (text: string, x0: number, y0: number, x1: number, y1: number, glyphH: number): RecognizedLine => lineBox(text, x0, y0, x1, y1, glyphH, 0.85);
    const card = [l('氏名', 43, 35, 75, 51, 17), l('三浦 知子', 108, 39, 419, 97, 55), l('十縄県中頭郡西原町棚原3丁目2番6号', 107, 134, 850, 171, 35), l('メゾン緑806号', 111, 181, 437, 218, 31), l('昭和63年 4月 1日生', 154, 261, 514, 298, 34), l('2024年 4月 1日まで有効', 117, 342, 567, 379, 34)];
    const r = extractFields(card, '2023-01-01');
    expect(r.fields.address.value).toBe('十縄県中頭郡西原町棚原3丁目2番6号メゾン緑806号');
    // with the first row lost, the 方書 alone is no address
    expect(extractFields(card.filter((x) => !x.text.startsWith('十縄')), '2023-01-01').fields.address.value).toBeNull();
  });

  it('judges an address by its rows together: a first row with label and 都道府県 misread starts it when the 番地 row under it completes the shape', () => {
    const l = (text: string, x0: number, y0: number, x1: number, y1: number, glyphH: number, confidence = 0.7): RecognizedLine => lineBox(text, x0, y0, x1, y1, glyphH, confidence);
    // a phone photo of a next-generation card: 住所 read に江, 福島県 read 便昌中 (the row alone scores 0.24)
    const card = [
      l('ハマダ サクラ', 276, 23, 511, 50, 25), l('濱田 さくら', 271, 67, 531, 104, 37), l('HAMADA SAKURA', 567, 83, 776, 101, 17), l('に江', 57, 160, 116, 204, 20, 0.25),
      l('便昌中双葉郡川内村下川内', 271, 161, 684, 189, 26, 0.56), l('四丁目36番19則', 270, 205, 533, 233, 26), l('ハイツ青葉304和但', 270, 248, 579, 277, 27, 0.64),
      l('2012年12月21日', 293, 324, 665, 352, 26), l('2032年12月21日まで有効', 293, 386, 809, 415, 27, 0.85),
    ];
    expect(extractFields(card, '2026-12-05').fields.address.value).toBe('便昌中双葉郡川内村下川内四丁目36番19則ハイツ青葉304和但');
    // the 番地 row and the 方書 under it, without the places, are still no address
    expect(extractFields(card.filter((x) => !x.text.startsWith('便昌中')), '2026-12-05').fields.address.value).toBeNull();
    // the candidates are ranked by their own shape: a misread label right above the address (住所 read 魚)
    // takes in the same rows, but does not start the address
    const labelled = [
      l('ノダグチ ナコ', 326, 63, 463, 79, 16), l('野口 花子', 322, 98, 668, 158, 60), l('NOGUCHI HANAKO', 320, 165, 557, 183, 18), l('魚', 321, 233, 366, 279, 47, 0.02),
      l('京都府与謝郡伊根町菅野7-27-28', 322, 271, 920, 308, 34, 0.88), l('生年月日', 323, 332, 412, 356, 25), l('1932年5月19日', 385, 362, 774, 398, 30),
      l('有効期限', 324, 413, 414, 436, 23), l('2036年6月19日まで有効', 384, 443, 939, 478, 31),
    ];
    expect(extractFields(labelled, '2026-12-05').fields.address.value).toBe('京都府与謝郡伊根町菅野7-27-28');
  });

  it('takes the surest address-shaped line that names a place when no line passes as an address: every card prints one', () => {
    const l = lineBox;
    // a phone photo of a foreign resident's card: 住所 read 笠挟, 青森県平川市 read 青森加平用市 (0.56 of an address's shape)
    const card = [
      l('MILLER JOHN', 185, 36, 463, 70, 34, 0.92), l('に', 61, 40, 96, 59, 20, 0.06), l('青森加平用市匠川慕川平29 9 5番地15', 185, 123, 765, 152, 25, 0.35), l('笠挟', 61, 125, 95, 142, 18, 0),
      l('1961年11月16日生', 223, 180, 585, 209, 26), l('2031年11月1 6日まで有効', 223, 235, 679, 262, 25, 0.86),
    ];
    const r = extractFields(card, '2026-12-07');
    expect(r.fields.address.value).toBe('青森加平用市匠川慕川平2995番地15');
    // as sure as the model was, at most: the clerk is asked to check it
    expect(r.fields.address.confidence).toBeLessThan(0.8);
    // a line that names no place before its numbers is still no address
    expect(extractFields(card.map((x) => (x.text.startsWith('青森') ? { ...x, text: '匠川慕川平29 9 5番地15' } : x)), '2026-12-07').fields.address.value).toBeNull();
  });

  it('starts an address at the row its 住所 label stands beside, when the row under it has more shape of its own', () => {
    const l = lineBox;
    // a camera photo of a foreign resident's card: 秋田県 read 和萩田県, so its row looks more like a name
    const card = [
      l('GARCIA RAJ', 161, 33, 439, 70, 37, 0.77), l('氏名', 17, 48, 58, 69, 22, 0.56), l('和萩田県仙北市', 161, 112, 351, 139, 27, 0.79), l('住所', 17, 114, 61, 135, 22, 0.94),
      l('西木町西明寺四丁目40番26号', 162, 155, 602, 182, 25, 0.92), l('2008年5月7日生', 184, 222, 520, 248, 24, 0.93), l('性別 男', 611, 226, 699, 252, 22, 0.87),
      l('2030年5月 7日まで有効', 225, 300, 658, 327, 24, 0.89),
    ];
    expect(extractFields(card, '2026-12-06').fields.address.value).toBe('和萩田県仙北市西木町西明寺四丁目40番26号');
    // with the label beside the row under it, that row starts the address
    const below = card.map((x) => (x.text === '住所' ? l('住所', 17, 157, 61, 178, 22, 0.94) : x));
    expect(extractFields(below, '2026-12-06').fields.address.value).toBe('西木町西明寺四丁目40番26号');
  });

  it('starts an address at the row above the best one when the label tells them not apart, the best one has no 都道府県 and the row above names a place', () => {
    const l = lineBox;
    // a camera photo of a current card (20270133 #42): 長崎県 read 長綺臭, the 住所 label read 如病
    const card = [
      l('閉名', 61, 51, 93, 66, 15, 0.34), l('山﨑　悠真', 136, 27, 446, 82, 50, 0.75), l('如病', 60, 118, 90, 134, 16, 0), l('長綺臭西海市', 129, 125, 296, 151, 26, 0.51),
      l('西海町木場郷1丁目3番20号', 131, 172, 522, 197, 25, 0.81), l('昭和19年 9月21日生', 107, 240, 368, 265, 25, 0.85), l('性別 男', 417, 240, 561, 265, 25, 0.99),
      l('2032年 9月21日まで有効', 158, 294, 482, 320, 26, 0.93),
    ];
    expect(extractFields(card, '2026-12-07').fields.address.value).toBe('長綺臭西海市西海町木場郷1丁目3番20号');
    // a row above that names no place is no first row of it
    expect(extractFields(card.map((x) => (x.text === '長綺臭西海市' ? { ...x, text: '長綺臭西海' } : x)), '2026-12-07').fields.address.value).toBe('西海町木場郷1丁目3番20号');
    // nor is one above a row that starts with its 都道府県
    const withPrefecture = card.map((x) => (x.text.startsWith('西海町') ? { ...x, text: '長崎県西海市西海町木場郷1丁目' } : x));
    expect(extractFields(withPrefecture, '2026-12-07').fields.address.value).toBe('長崎県西海市西海町木場郷1丁目');
  });

  it('ends an address at a label under it, which is printed smaller than a row the address wraps onto', () => {
    const l = lineBox;
    // a phone photo of a next-generation card with its labels over the values (20270134 #10): the 生年月日 label,
    // read 生和を月日, stands in the address's column right under its last row, at 0.53 of its text height
    const card = [
      l('友和', 331, 44, 364, 63, 19, 0), l('マスダ　アカリ', 334, 76, 521, 98, 23, 0.86), l('増田　あかり', 332, 111, 662, 161, 50, 0.93), l('作守', 333, 234, 363, 250, 15, 0.27),
      l('埼玉県加須市', 331, 268, 558, 304, 35, 0.92), l('中ノ目7ー32一15', 331, 325, 706, 361, 32, 0.83), l('生和を月日', 331, 399, 396, 418, 17, 0.48),
      l('1997年10月12日', 386, 425, 653, 462, 31, 0.92), l('有効積層', 333, 479, 398, 497, 16, 0.45), l('2036年10月12日', 384, 504, 657, 541, 30, 0.9),
    ];
    expect(extractFields(card, '2026-12-07').fields.address.value).toBe('埼玉県加須市中ノ目7-32-15');
    // the size is the address's rows' so far, the smallest: a row misread with a blob in it (3号 read にと, 66 px
    // against 38) does not make the row after it (20270119 #10: 第一寿荘20 4号, 38 px) look like a label
    const blob = [
      l('氏名', 388, 37, 427, 57, 21, 0), l('中山　直美', 393, 107, 709, 169, 62, 0.92), l('住所', 389, 234, 428, 255, 22, 0.89),
      l('熊本県玉名郡長洲町長洲九丁目10番', 389, 268, 1085, 307, 38, 0.91), l('にと', 389, 324, 464, 389, 66, 0.46), l('第一寿荘20 4号', 389, 378, 730, 417, 38, 0.8),
      l('本年月日', 387, 476, 468, 496, 21, 0.79), l('1957年12月25日', 437, 502, 895, 542, 33, 0.91), l('有効期限', 389, 561, 470, 582, 22, 0.61), l('2022年1月25日', 436, 587, 852, 626, 32, 0.92),
    ];
    expect(extractFields(blob, '2026-12-07').fields.address.value).toBe('熊本県玉名郡長洲町長洲九丁目10番にと第一寿荘204号');
  });

  it('does not take a prefecture name deep inside a line for the address', () => {
    const r = extractFields([line('氏名 山田 花子', 40, 40, 45), line('発行 横浜市長 神奈川県', 40, 450), line('平成2年 4月 1日生 性別 女', 200, 300)], '2026-01-01');
    expect(r.fields.address.value).toBeNull();
  });
  it('keeps a family name whose glyph height was under-estimated, and ignores an unreadable blob on the name row', () => {
    const l = lineBox;
    const small = extractFields([l('氏名', 37, 67, 78, 89, 23), l('前田', 111, 51, 182, 86, 26), l('彩', 231, 48, 266, 84, 37), l('住所 千葉県船橋市本町8-39-28', 39, 144, 472, 178, 29), l('平成25年2月19日生', 109, 252, 473, 290, 29)], '2026-01-01');
    expect(small.sources.name?.x).toBe(111);
    const blob = extractFields([l('氏名', 33, 66, 72, 85, 20), l('西村', 115, 50, 200, 95, 39, 0.84), l('直樹', 258, 56, 340, 95, 40, 0.79), l('音', 256, 35, 305, 88, 53, 0), l('住所 東京都千代田区霞が関7-3-7', 33, 183, 511, 214, 27), l('1969年3月2日', 172, 315, 458, 342, 24)], '2026-01-01');
    expect(blob.sources.name?.x).toBe(115);
    expect(blob.sources.name?.width).toBe(340 - 115);
  });
  it('takes no label misread past recognition into the name: an unreadable box smaller than the name is no piece of it', () => {
    const l = lineBox;
    // a next-generation card as read from a camera photo: the 氏名 label (16 px) read 商委 with no confidence
    const r = extractFields([l('イケダ', 275, 33, 370, 59, 24), l('シンノスケ', 415, 35, 576, 59, 22), l('慎之介', 411, 80, 545, 121, 41, 0.87), l('池田', 273, 81, 357, 121, 37, 0.94), l('商委', 43, 94, 75, 110, 17, 0), l('IKEDA SHINNOSUKE', 273, 142, 632, 166, 23), l('東京都北区田端新町5-2-7', 275, 216, 704, 248, 31), l('1991年03月06日', 306, 307, 701, 340, 28)], '2026-01-01');
    expect(r.fields.name.value).toBe('池田　慎之介');
    expect(r.sources.name?.x).toBe(273);
  });

  it('does not read a name piece twice when a surer line of the row already covers it', () => {
    const l = lineBox;
    const r = extractFields([l('ニシムラ　アヤ', 133, 47, 338, 73, 27), l('氏名', 28, 76, 77, 99, 24), l('西村　彩', 134, 74, 351, 119, 46, 0.69), l('彩', 306, 86, 355, 120, 34, 0), l('住所 宮城県仙台市青葉区国分町9丁目16番29号', 27, 219, 850, 251, 30), l('生年月日 1931年6月22日', 28, 368, 604, 403, 30)], '2026-01-01');
    expect(r.fields.name.value).toBe('西村\u3000彩');
  });
  it('takes no フリガナ from a piece of the name itself (彩\'s upper strokes read as ワン on a current card)', () => {
    const l = lineBox;
    const lines = [l('氏名', 33, 60, 79, 82, 23), l('前田', 145, 48, 243, 90, 32), l('ワン', 314, 45, 358, 63, 19, 0.57), l('住所', 32, 172, 80, 194, 23), l('京都府京都市左京区下鴨8-16-4', 141, 174, 669, 207, 31), l('昭和8年 5月 2日生', 162, 319, 472, 351, 31), l('性別', 700, 325, 748, 347, 22), l('女', 789, 321, 821, 352, 32)];
    const r = extractFields(lines, '2026-01-01');
    expect(r.fields.nameKana.value).toBeNull();
    expect(r.layout).toBe('current');
    // real ruby, wholly above the name, is taken on a next-generation card (西暦, no 性別)…
    const nextGen = [...lines.slice(0, 5), l('1933年5月2日', 162, 319, 472, 351, 31), l('マエダ', 147, 20, 230, 40, 19)];
    const ruby = extractFields(nextGen, '2026-01-01');
    expect(ruby.fields.nameKana.value).toBe('マエダ');
    expect(ruby.layout).toBe('next-gen');
    // …never on a current card (和暦 and 性別), which prints none
    const current = extractFields([...lines, l('マエダ', 147, 20, 230, 40, 19)], '2026-01-01');
    expect(current.fields.nameKana.value).toBeNull();
    expect(current.sources.nameKana).toBeUndefined();
    expect(current.layout).toBe('current');
  });
  it('takes a poorly read kanji name over the small roman name under it (next-generation card)', () => {
    const l = lineBox;
    const r = extractFields([l('サカモト', 119, 32, 214, 54, 23), l('氏名', 34, 83, 76, 106, 24, 0.85), l('居本上浩三', 119, 75, 346, 116, 41, 0.17), l('MYNA TARO', 118, 118, 268, 134, 17, 0.86), l('住所', 34, 193, 78, 216, 23), l('京都府京都市左京区吉田本町1-31-22', 119, 190, 648, 221, 31), l('生年月日', 33, 306, 121, 329, 22), l('1965年2月9日', 173, 304, 469, 335, 25)], '2026-01-01');
    expect(r.sources.name?.x).toBe(119);
    expect(r.sources.name?.width).toBe(346 - 119);
  });
});

