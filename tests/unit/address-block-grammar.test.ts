import { describe, expect, it } from 'vitest';
import { blockAsAllowed, blockChoices, ordinalNumber } from '../../common/address/block-grammar';
import { buildAddressMaster, correctAddress } from '../../common/address/address-master';
import { settleGlyph } from '../../main/ocr-engine/reread/glyph-choice';
import { FONTS, LOOKS, glyph } from '../support/glyph-render';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

describe("a 番地's grammar: what may stand where", () => {
  it('leaves a character before 丁目 that is no number to the kanji numerals', () => {
    expect(blockChoices('信丁目21番15号')).toEqual([{ read: '信丁目', at: 0, options: NUMERALS }]);
    expect(blockChoices('戸中ハ丁目３６番')).toEqual([{ read: '戸中ハ丁目', at: 2, options: NUMERALS }]);
  });

  it('leaves a kanji after a number and 番 to 地, and a kanji after a number to 号 or 番', () => {
    expect(blockChoices('1709番好')).toEqual([{ read: '9番好', at: 2, options: ['地'] }]);
    expect(blockChoices('21番15史コーポ山田')).toEqual([{ read: '15史コー', at: 2, options: ['号', '番'] }]);
  });

  it('asks nothing of a 番地 as written: numbers, 丁目, 番, 番地, 号, の, separators and a building after them', () => {
    for (const ok of ['六丁目21番15号コーポ山田907号', '1709番地', '5-15-22', '2の22', '878番地第二寿荘102号', '４丁目１６番１４号パークハウス２０８号', '']) expect(blockChoices(ok)).toEqual([]);
  });

  it('takes 第 after a number for the ordinal that begins a building\'s name, not a misread 号 or 番', () => {
    expect(blockChoices('8-39-1第二寿荘901号')).toEqual([]);
  });

  it('leaves the number an ordinal dropped (第寿荘 for 第二寿荘) to the print after 第, the kanji numerals its options', () => {
    expect(ordinalNumber('8-39-1第寿荘901号')).toEqual({ read: '1第寿荘9', at: 2, options: NUMERALS, insert: true });
    for (const ok of ['1709番地', '第2コーポ', '第']) expect(ordinalNumber(ok)).toBeNull();
    // (the 町域's own 第 is no building's: only from the index given on)
    expect(ordinalNumber('第寿町1-2', 3)).toBeNull();
    const m = buildAddressMaster('40204\t福岡県\t直方市', ['40204\t丸山町\t植木', ''].join('\n'));
    expect(correctAddress('福岡県直方市丸山町1-2-3第寿荘901号', m).glyphChoices).toEqual([{ read: '3第寿荘9', at: 2, options: NUMERALS, insert: true }]);
  });

  it('leaves an ordinal\'s number read as a kanji numeral, or a kana drawn like one, to the print after 第 (第一 read over 第二)', () => {
    expect(ordinalNumber('8-39-1第一寿荘901号')).toEqual({ read: '1第一寿荘', at: 2, options: NUMERALS, countedOnly: true });
    expect(ordinalNumber('番地第ニ寿荘')).toEqual({ read: '地第ニ寿荘', at: 2, options: NUMERALS, countedOnly: true });
    expect(ordinalNumber('第一ビル')).toEqual({ read: '第一ビル', at: 1, options: NUMERALS, countedOnly: true });
    const m = buildAddressMaster('40204\t福岡県\t直方市', ['40204\t丸山町\t植木', ''].join('\n'));
    expect(correctAddress('福岡県直方市丸山町1-2-3第二寿荘901号', m).glyphChoices).toEqual([{ read: '3第二寿荘', at: 2, options: NUMERALS, countedOnly: true }]);
  });

  it('puts a character it allows in place of each misread one, and leaves the rest as read', () => {
    expect(blockAsAllowed('信丁目21番15史コーポ')).toBe('一丁目21番15号コーポ');
    expect(blockAsAllowed('1709番好')).toBe('1709番地');
    expect(blockAsAllowed('4-35-28メゾン緑903号')).toBe('4-35-28メゾン緑903号');
  });

  it('gives the choices of everything after the 市区町村, with the 町域 one off several', () => {
    const m = buildAddressMaster('40204\t福岡県\t直方市', ['40204\t丸山町\t植木', ''].join('\n'));
    expect(correctAddress('福岡県直方市丸山町信丁目21番15史コーポ山田907号', m).glyphChoices).toEqual([
      { read: '山町信丁目', at: 2, options: NUMERALS },
      { read: '15史コー', at: 2, options: ['号', '番'] },
    ]);
    // a katakana look-alike before 丁目 is left to the print as read, though between kanji it would be taken for one
    expect(correctAddress('福岡県直方市丸山町ハ丁目21番15号', m).glyphChoices).toEqual([{ read: '山町ハ丁目', at: 2, options: NUMERALS }]);
  });
});

describe('a 番地 character settled by its print', () => {
  for (const font of FONTS) {
    it(`${font}: a printed 六 read 信 or ハ is 六, 地 read 好 is 地, 号 read 史 is 号; a printed character the options do not fit stays`, async () => {
      for (const look of [LOOKS[0]!, LOOKS[2]!]) {
        expect(settleGlyph({ op: 'glyph', crop: await glyph('六', font, look), read: '信', options: NUMERALS })).toBe('六');
        expect(settleGlyph({ op: 'glyph', crop: await glyph('地', font, look), read: '好', options: ['地'] })).toBe('地');
        expect(settleGlyph({ op: 'glyph', crop: await glyph('号', font, look), read: '史', options: ['号', '番'] })).toBe('号');
        // a read the atlas has no glyph for (katakana ハ before 丁目): the options among themselves
        expect(settleGlyph({ op: 'glyph', crop: await glyph('六', font, look), read: 'ハ', options: NUMERALS })).toBe('六');
        // a building name's first kanji after a number (1-2-3山田ハイツ) is no 号
        expect(settleGlyph({ op: 'glyph', crop: await glyph('山', font, look), read: '山', options: ['号', '番'] })).toBe('山');
      }
    });
  }
});
