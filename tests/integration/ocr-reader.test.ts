import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardReader } from '../../main/ocr-engine/card-reader';
import { OcrInputError } from '../../main/ocr-engine/ocr-error';
import { loadNameReadings } from '../../main/services/names/name-reading-files';
import { DATE_WHITELIST } from '../../main/ocr-engine/refine-lines';
import { fieldCertainty } from '../../common/card/card-checks';
import { CHECK_TUNING } from '../../common/card/capture-tuning';
import { foldAddress } from '../support/cards/truth';
import { asciiDigits } from '../../common/ocr/ocr-text';
import type { CardReadResult } from '../../common/ocr/card-result';

const FIX = path.resolve(import.meta.dirname, '../fixtures/cards');
const fixture = (name: string): Buffer => fs.readFileSync(path.join(FIX, name));

/** The reader's refusal: an OcrInputError with a Japanese message for the clerk. */
async function refusal(reader: CardReader, bytes: Uint8Array): Promise<OcrInputError> {
  const err = await reader.read(bytes, { today: '2026-01-01' }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OcrInputError);
  expect((err as OcrInputError).message).toMatch(/[ぁ-んァ-ン一-龯]/);
  return err as OcrInputError;
}

describe('CardReader (one worker pool for the file)', () => {
  let reader: CardReader;
  beforeAll(async () => {
    reader = await CardReader.start({ workers: 2 });
  });
  afterAll(async () => {
    await reader.close();
  });

  it('reads a phone photo of a next-generation card with its portrait on the left, the card a tenth of the frame', async () => {
    const r = await reader.read(fixture('card-20261204-0010-ng-photo-left-phone.jpg'), { today: '2026-01-01' });
    // found by its outline, turned by its portrait, the sitter's outline kept out of the name's line
    expect(r.layout).toBe('next-gen');
    expect(r.rotation).toBe(0);
    expect(r.fields.name.value).toBe('佐藤\u3000さくら');
    expect(r.fields.nameKana.value).toBe('サトウ\u3000サクラ');
    expect(r.fields.birthDate.value).toBe('1996-12-11');
    expect(r.fields.expiryDate.value).toBe('2030-12-11');
    // the 号 wrapped to a line of its own is still misread on this photo: the rows before it are right
    expect(r.fields.address.value).toMatch(/^徳島県吉野川市山川町西久保七丁目5番3/);
  });

  it('reads a 有効期限 set lower than the bottom band begins: the band is read too when a field every card prints is missing', async () => {
    // a next-generation design with its portrait on the left, photographed by phone; the 有効期限 is centred
    // at 85 % of the card's height, where the bottom band (マイナンバーカード, the issuer) usually begins
    const seen: number[] = [];
    const r = await reader.read(fixture('card-20261222-0010-ng-photo-left-phone.jpg'), { today: '2026-01-01', onProgress: (p) => p.stage === 'recognize' && seen.push(p.fraction) });
    expect(r.fields.expiryDate.value).toBe('2029-06-25');
    // the second pass does not move the clerk's progress bar back
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1]!)).toBe(true);
    expect(r.fields.birthDate.value).toBe('1995-05-25');
    expect(r.fields.name.value).toBe('村田\u3000美咲');
  });

  it('reads every field of a clean current card', async () => {
    const r = await reader.read(fixture('card-101-0000-current-flat.jpg'), { today: '2026-01-01' });
    expect(r.layout).toBe('current');
    expect(r.fields.name.value).toBe('中川\u3000勇気');
    expect(r.fields.address.value).toBe('千葉県船橋市湊町９－１０－３');
    expect(r.address).toMatchObject({ prefecture: '千葉県', municipality: '船橋市', town: '湊町' });
    expect(r.fields.birthDate.value).toBe('1941-10-16');
    expect(r.fields.sex.value).toBe('M');
    for (const f of Object.values(r.fields)) expect(f.confidence).toBeGreaterThanOrEqual(0);
    expect(r.sources.name?.width).toBeGreaterThan(0);
  });

  it('finds the card in a rotated, perspective document-camera photo', async () => {
    const r = await reader.read(fixture('card-103-0000-foreign-camera.jpg'), { today: '2026-01-01' });
    expect(r.fields.birthDate.value).toBe('1954-12-04');
    expect(r.fields.address.value).toBe('大阪府大阪市北区中之島１丁目３０番５号グランドハイツ５０４号');
  });

  it('reads a next-generation card from a scan (西暦, no 性別)', async () => {
    const r = await reader.read(fixture('card-102-0000-next-gen-scanner.png'), { today: '2026-01-01' });
    expect(r.layout).toBe('next-gen');
    expect(r.fields.birthDate.value).toBe('1989-07-22');
    expect(r.fields.sex.value).toBeNull();
  });

  it('reads an upside-down card', async () => {
    const flipped = await sharp(fixture('card-101-0000-current-flat.jpg')).rotate(180).jpeg({ quality: 90 }).toBuffer();
    const r = await reader.read(flipped, { today: '2026-01-01' });
    expect(r.rotation).toBe(180);
    expect(r.fields.birthDate.value).toBe('1941-10-16');
  });

  describe('bad input', () => {
    it('not an image', async () => {
      expect((await refusal(reader, Buffer.from('{"this":"is json"}'))).code).toBe('not-an-image');
    });
    it('an HEIC photo: refused with advice (no HEVC decoder ships with the app)', async () => {
      // an iPhone HEIC file begins with an ISO-BMFF ftyp box, brand heic
      const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic'), Buffer.alloc(2000, 7)]);
      const err = await refusal(reader, heic);
      expect(err.code).toBe('heic');
      expect(err.message).toContain('JPEG で保存し直す');
    });
    it('a truncated JPEG', async () => {
      const jpg = fixture('card-101-0000-current-flat.jpg');
      expect((await refusal(reader, jpg.subarray(0, Math.floor(jpg.length / 3)))).code).toBe('truncated');
    });
    it('a 50-megapixel photo is shrunk, not choked on', async () => {
      const big = await sharp({ create: { width: 8660, height: 5780, channels: 3, background: '#6b4a2b' } }).jpeg({ quality: 60 }).toBuffer();
      expect((await refusal(reader, big)).code).toBe('blank');
    });
    it('a blank and a black frame', async () => {
      const white = await sharp({ create: { width: 1280, height: 960, channels: 3, background: '#f4f4f4' } }).png().toBuffer();
      const black = await sharp({ create: { width: 1280, height: 960, channels: 3, background: '#050505' } }).png().toBuffer();
      expect((await refusal(reader, white)).message).toContain('何も写っていません');
      expect((await refusal(reader, black)).message).toContain('真っ黒');
    });
    it('a photo with no card', async () => {
      expect((await refusal(reader, fixture('card-106-0000-no-card-camera.jpg'))).code).toBe('no-card');
    });
    it('the back side when the front is expected', async () => {
      expect((await refusal(reader, fixture('card-104-0000-back-scanner.png'))).code).toBe('back-side');
    });
    it('a passport', async () => {
      expect((await refusal(reader, fixture('card-105-0000-passport-camera.jpg'))).code).toBe('not-mynumber-card');
    });
  });
});

/**
 * Cards of the generated tuning sets that a mechanism was built for, read as the app reads them (with the
 * name-reading tables): each field as printed, in particular the one the mechanism is about.
 */
describe('CardReader with the name tables, on cards that needed a mechanism', () => {
  let reader: CardReader;
  beforeAll(async () => {
    const names = loadNameReadings().readings;
    reader = await CardReader.start({ workers: 2, nameReadings: () => names });
  });
  afterAll(async () => {
    await reader.close();
  });
  const truth = (name: string): Record<string, string | null> => (JSON.parse(fs.readFileSync(path.join(FIX, name.replace(/\.(jpg|png)$/, '.json')), 'utf8')) as { fields: Record<string, string | null> }).fields;
  /** A fixture card's fields as read, and as its truth file gives them. */
  const readAgainstTruth = async (file: string, today = '2026-01-01'): Promise<{ got: CardReadResult['fields']; want: Record<string, string | null> }> => ({
    got: (await reader.read(fixture(file), { today })).fields,
    want: truth(file),
  });

  it('takes each part of the フリガナ from the read that has it (the space read as ー: アンドウニートモコ, アンドウ トコ)', async () => {
    const { got, want } = await readAgainstTruth('card-20261218-0010-ng-photo-left-phone.jpg');
    expect(got.nameKana.value).toBe(want.nameKana);
    expect(got.name.value).toBe(want.name);
  });

  it('replaces every line the ruby was found as (ハマ | ダ | サクラ), so no part of it is read twice', async () => {
    const { got, want } = await readAgainstTruth('card-20261216-0046-ng-bilingual-phone.jpg');
    expect(got.nameKana.value).toBe(want.nameKana);
  });

  it('reads a 有効期限 set low on a next-generation design (centred at 78 % of the card), and a 昭和 read 骨和', async () => {
    for (const file of ['card-20261210-0019-ng-photo-left-camera.jpg', 'card-20261206-0021-current-phone.jpg']) {
      const { got, want } = await readAgainstTruth(file, '2026-12-05');
      expect(got.birthDate.value, file).toBe(want.birthDate);
      expect(got.expiryDate.value, file).toBe(want.expiryDate);
    }
  });

  it('puts back the character the model dropped from a 町域 (出口町 read 出町), found by count on its blurred row', async () => {
    const { got, want } = await readAgainstTruth('card-20261218-0008-foreign-camera.jpg');
    expect(got.address.value).toBe(want.address);
  });

  it('asks the print for a 丁目 numeral the model dropped or misread, in two rounds where the 町域 is settled first', async () => {
    // 平原三丁目: a faint 三 (the line finder found its top bar only) read as a mark, its whole cell judged;
    // 川茂七丁目 read 川誌上耳目: the print picks 茂 of 川茂 or 川棚, then the master sees 上耳目 as a misread
    // 七丁目 and the print picks the numeral
    for (const file of ['card-20261206-0032-foreign-camera.jpg', 'card-20270110-0021-current-phone.jpg']) {
      const { got, want } = await readAgainstTruth(file);
      expect(got.address.value, file).toBe(want.address);
    }
  });

  it("finds an ordinal's dropped numeral beside 第 where digits before it make the count along the row unsure", async () => {
    // 8-39-1第寿荘901号 on its row 1第寿荘901号: the line finder found only the lower bar of 二
    const { got, want } = await readAgainstTruth('card-20270107-0027-current-scanner.png');
    // (the card prints the 番地 half width and the room number full width; the read gives both one way)
    expect(asciiDigits(got.address.value ?? '')).toBe(asciiDigits(want.address ?? ''));
  });

  it('reads the ring of コーポ that a photo broke into two arcs, not as a 濁点', async () => {
    // phone: コーボポ山田, the arcs one over the other; camera: コーポ read right, the arcs side by side, their
    // counter closed only at a paler cut-off. Each was taken for a 濁点's two ticks; undecided, the word decides
    for (const file of ['card-20270121-0034-ng-rows-phone.jpg', 'card-20270115-0018-current-camera.jpg']) {
      const { got, want } = await readAgainstTruth(file);
      expect(asciiDigits(got.address.value ?? ''), file).toBe(asciiDigits(want.address ?? ''));
    }
  });

  it('reads a 町域 the model misread in both its characters (笠目 read 等中) as the print shows it, marked 要確認', async () => {
    const { got, want } = await readAgainstTruth('card-20270121-0045-current-phone.jpg');
    expect(got.address.value).toBe(want.address);
    expect(got.address.confidence).toBeLessThan(CHECK_TUNING.fieldDoubt);
  });

  it('reads a roman name whose 氏名 label was read 兵名 on its row as the name, not the label (LOPEZ THI HUONG)', async () => {
    const { got, want } = await readAgainstTruth('card-20270120-0011-foreign-phone.jpg');
    expect(got.name.value).toBe(want.name);
  });

  it('spaces a roman name set small only at its word gap, not beside its thin Is (OLIVEIRA DAVID)', async () => {
    const { got, want } = await readAgainstTruth('card-20270121-0002-foreign-flat.png');
    expect(got.name.value).toBe(want.name);
  });

  /** Cards a mechanism was built for, each with the field it is about: as printed (住所 folded as the targets say). */
  const AS_PRINTED: [file: string, field: 'name' | 'address' | 'birthDate' | 'expiryDate' | 'sex', mechanism: string][] = [
    ['card-20270108-0011-foreign-phone.jpg', 'birthDate', 'a letter-spaced birth date brought to solid pitch first (1999 was read 1939 at its printed spacing)'],
    ['card-20270105-0031-ng-ruby-camera.jpg', 'address', 'both dashes of a letter-spaced 番地 brought to solid pitch (６－７－１９ was read ６７－１９)'],
    ['card-20270122-0021-current-phone.jpg', 'name', 'a 氏名 label misread 青名 is no first character the line finder dropped from the name (品武田 for 武田)'],
    ['card-20270103-0035-foreign-phone.jpg', 'name', 'a space where the print shows a word gap every read ran together (JI HOON read JIHOON)'],
    ['card-20270121-0007-ng-bilingual-camera.jpg', 'address', 'the address begins at its first character broken in two by blur, a letter-spaced gap before the next (岩手県, read 手県周手郡)'],
    ['card-20270102-0035-foreign-phone.jpg', 'address', 'an address from the one line that names a place when its label and 都道府県 are misread (青森加平用市…, 0.35)'],
    ['card-20270110-0043-ng-rows-camera.jpg', 'address', 'the 方書 voted only among reads that end the 番地 as the chosen one does (号 read サ: サシンティコート)'],
    ['card-20270121-0011-foreign-phone.jpg', 'name', 'the roman name read with as many letters as the print shows, over reads that dropped its first (ILLER)'],
    ['card-20270126-0021-current-phone.jpg', 'address', 'the number an ordinal dropped at its row\'s end, found after 第 on that row (第 | 寿荘)'],
    ['card-20270126-0001-ng-ruby-flat.jpg', 'address', 'a kana read twice over one glyph, once with each voicing mark, is one (コーボポ)'],
    ['card-20270125-0009-current-phone.jpg', 'address', 'an ordinal\'s number read 一 settled by its print, counted along its row (第二)'],
    ['card-20270118-0009-current-phone.jpg', 'address', 'a building word\'s small kana read full size (マンシヨン)'],
    ['card-20270127-0003-current-scanner.png', 'name', 'a kanji family name beside a given name in kana gets its known-name proposals (五十風　あかり)'],
    ['card-20270127-0010-ng-photo-left-phone.jpg', 'address', 'a label the address ran into, misread at every other character, is cut (生鋳月呈)'],
    ['card-20270119-0013-ng-rows-flat.jpg', 'name', 'the print chooses among the known names the reads spell (濵田　蓮 by one read, 運 by three)'],
    ['card-20270113-0046-ng-bilingual-phone.jpg', 'name', 'the 氏名 label known by its print, not read as the name (岳名 → 氏　名)'],
    ['card-20270130-0043-ng-rows-camera.jpg', 'address', 'a 号 alone on its row, broken into overlapping lines, is one character, and the building row after it is joined (19番4号に)'],
    ['card-20270131-0004-ng-rows-scanner.jpg', 'expiryDate', 'a missing date looked for on the line read as mostly digits (2103.6征1用8旧 at 0.45)'],
    ['card-20270128-0013-ng-rows-flat.png', 'name', 'a read that misread both parts still proposes the part it got right (圭木　蓮 under 青木　夢: 青木　蓮)'],
    ['card-20270133-0032-foreign-camera.jpg', 'sex', 'the 性別 label right of the birth date starts at its own ink, not at a sliver of 生 the date box left out'],
    ['card-20270132-0047-foreign-phone.jpg', 'sex', 'the 性別 value printed close to the portrait is the value, not the portrait\'s edge'],
    ['card-20270133-0042-current-camera.jpg', 'address', 'an address starts at the row above that names a place when the label tells neither apart (長綺臭西海市 | 西海町木場郷…)'],
    ['card-20270134-0010-ng-photo-left-phone.jpg', 'address', 'the 生年月日 label under the address, printed smaller than a row of it, is no row of it (生和を月日)'],
    ['card-20270126-0046-ng-bilingual-phone.jpg', 'address', 'reads with a speck in the 番地 (8-.32-117) give no numbers to the vote on them: 8-32-17 as the clean reads say'],
    ['card-20270130-0012-current-flat.png', 'address', 'the building\'s first character, read as a digit more by one numbers-only read, is no digit of the 番地 the row\'s read and the other agree on (5-7-67ハイツ)'],
    ['card-20270135-0042-current-camera.jpg', 'address', 'a look-alike right after a join, before the 方書, is the number the join goes on to (９－２ーイメゾン)'],
    ['card-20270135-0020-foreign-camera.jpg', 'address', 'a 都道府県 read as another one, followed by none of its 市区町村, is the one whose 市区町村 follows (富山県伊具郡丸益町 → 宮城県伊具郡丸森町)'],
    ['card-20270132-0009-current-phone.jpg', 'address', 'a one-character 町域 named as its 町, both misread, found in the print by the character before it (壇町壇 → 塙町塙)'],
    ['card-20270104-0033-current-phone.jpg', 'address', 'a dash the model dropped between two digits, put back where the print shows a flat mark (９－３４２９ → ９－３４－２９)'],
    ['card-20270107-0037-ng-photo-left-flat.jpg', 'address', 'a digit read over a printed dash is the dash (３３３－１６ → ３－３－１６)'],
    ['card-20270112-0007-ng-bilingual-camera.jpg', 'address', 'the dash that starts a wrapped row, which the model dropped (8-32 | 1ハイツ → 8-32-1)'],
    ['card-20270130-0013-ng-rows-flat.jpg', 'address', 'a dash put back where the model\'s box of the digit before it lies over it (４１５一６ → ４－１５－６)'],
  ];
  it.each(AS_PRINTED)('%s: %s as printed (%s)', async (file, field) => {
    const { got, want } = await readAgainstTruth(file);
    const fold = field === 'address' ? foldAddress : (x: string): string => x;
    expect(fold(got[field].value ?? '')).toBe(fold(want[field] ?? ''));
  });

  it('takes the known reading its ruby\'s print shows where the reads got it too far wrong for any to be near (フクダ read ワタダ), and asks the clerk to look', async () => {
    const { got, want } = await readAgainstTruth('card-20270126-0010-ng-photo-left-phone.jpg');
    expect(got.nameKana.value).toBe(want.nameKana);
    expect(got.nameKana.confidence).toBeLessThan(CHECK_TUNING.fieldDoubt);
  });

  it('takes the known reading of the printed length nearest ruby every read got wrong (キョウコ read キックコ), and asks the clerk to look', async () => {
    const { got, want } = await readAgainstTruth('card-20270115-0019-ng-photo-left-camera.jpg');
    expect(got.nameKana.value).toBe(want.nameKana);
    expect(got.nameKana.confidence).toBeLessThan(0.8);
  });

  it('keeps the ruby over a one-kanji given name apart from it (メグミ over 恵 was found as one character, read 意)', async () => {
    const { got, want } = await readAgainstTruth('card-20270124-0028-ng-photo-left-scanner.png');
    expect(got.name.value).toBe(want.name);
    expect(got.nameKana.value).toBe(want.nameKana);
  });

  it('takes, of lines that give different 性別s, the surest, and asks the clerk to look (the 住所 label misread as 性別 男)', async () => {
    const { got, want } = await readAgainstTruth('card-20270125-0033-current-phone.jpg');
    expect(got.sex.value).toBe(want.sex);
    expect(got.sex.confidence).toBeLessThan(0.8);
  });

  it('reads 性別 by the atlas drawings where the counters of a blurred 男 close up, and where 女 is printed pale', async () => {
    for (const file of ['card-20261218-0008-foreign-camera.jpg', 'card-99001-0045-current-phone.jpg']) {
      const { got, want } = await readAgainstTruth(file);
      expect(got.sex.value, file).toBe(want.sex);
      expect(got.sex.confidence, file).toBeGreaterThanOrEqual(0.85);
      expect(got.birthDate.value, file).toBe(want.birthDate);
    }
  });

  it("reads 性別 printed after a foreign resident's birth date (no 生), its label misread into the date's line", async () => {
    // 1934年08月07日各 男: 性別 read 各, on the date's row
    const { got, want } = await readAgainstTruth('card-20270108-0008-foreign-camera.jpg');
    expect(got.sex.value).toBe(want.sex);
    expect(got.birthDate.value).toBe(want.birthDate);
  });

  it("reads 性別 after a small label the model's box of 生 ran over (the date's read dropped the value)", async () => {
    // 1985年10月 6日生 [性別] 男: the date's box ends inside the label; the line finder's small glyphs are the label
    const { got, want } = await readAgainstTruth('card-20270119-0011-foreign-phone.jpg');
    expect(got.sex.value).toBe(want.sex);
  });
});

/**
 * The confirming read of a date line that parsed but was not sure: spared where a national's other date vouches
 * for it (the two fall on one birthday), made as before on a foreign resident's card (its expiry may be any day).
 */
describe('CardReader: dates that vouch for each other', () => {
  let reader: CardReader;
  let dateReads = 0;
  beforeAll(async () => {
    reader = await CardReader.start({ workers: 2, onModelRequest: (req) => void (req.whitelist === DATE_WHITELIST && dateReads++) });
  });
  afterAll(async () => {
    await reader.close();
  });

  it("reads a national's dates that fall on one birthday once each, and takes them as sure", async () => {
    dateReads = 0;
    // a phone photo of a current card: its 生年月日 first read at 0.76, confirmed by a read of its own before
    const r = await reader.read(fixture('card-20261206-0021-current-phone.jpg'), { today: '2026-01-01' });
    expect(r.layout).toBe('current');
    expect([r.fields.birthDate.value, r.fields.expiryDate.value]).toEqual(['1985-06-07', '2029-06-07']);
    expect(dateReads).toBe(0);
    expect(fieldCertainty(r.fields.birthDate)).toBe('sure');
  });

  it("still confirms a foreign resident's unsure date with a read of its own", async () => {
    dateReads = 0;
    const r = await reader.read(fixture('card-103-0000-foreign-camera.jpg'), { today: '2026-01-01' });
    expect(r.layout).toBe('foreign');
    expect(r.fields.birthDate.value).toBe('1954-12-04');
    expect(dateReads).toBeGreaterThan(0);
  });
});
