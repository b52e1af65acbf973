import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAddressMaster, correctAddress } from '../../common/address/address-master';
import { repairAddress } from '../../common/address/repair-card-address';
import { addressRowIsPlaceOnly, addressRowIsSure, betweenDigits, blockIsClean, blockToMend, gapBetweenNumbers, numeralAfterDigits, readsAsBlock } from '../../common/address/sure-address-row';
import { withSmallVowelAfterVu, withWordDakuten, withWordSmallKana } from '../../common/address/building-words';
import { emptyFields } from '../../common/ocr/card-result';
import { findAddressDir, loadAddressMaster } from '../../main/ocr-engine/address-master-files';

const MUNIS = ['# header', '04101\t宮城県\t仙台市青葉区', '04102\t宮城県\t仙台市宮城野区', '23106\t愛知県\t名古屋市中区', '20323\t長野県\t北佐久郡軽井沢町', '13101\t東京都\t千代田区'].join('\n');
const POSTAL = ['# header', '9800811\t04101\t一番町', '9800803\t04101\t国分町', '9800014\t04101\t本町', '4600008\t23106\t栄', '4600002\t23106\t丸の内', '3890102\t20323\t軽井沢', '3890111\t20323\t長倉', '1000001\t13101\t千代田', '1000000\t13101\t'].join('\n');
const TOWNS = ['# header', '04101\t一番町\t国分町\t本町', '23106\t栄\t丸の内', '20323\t軽井沢\t長倉', '13101\t千代田'].join('\n');
const master = buildAddressMaster(MUNIS, TOWNS, () => POSTAL);

describe('address master', () => {
  it('looks up postal codes, including a municipality-wide one', () => {
    expect(master.byPostalCode('9800811')).toEqual([{ prefecture: '宮城県', municipality: '仙台市青葉区', town: '一番町' }]);
    expect(master.byPostalCode('1000000')).toEqual([{ prefecture: '東京都', municipality: '千代田区', town: '' }]);
    expect(master.byPostalCode('0000000')).toEqual([]);
    expect(master.size).toEqual({ municipalities: 5, towns: 8 });
  });

  it('repairs a 都道府県, 市区町村 or 町域 one character off, and 丁目 misread between numbers', () => {
    expect(correctAddress('定城県仙台市青葉区本町4-35-28メゾン緑９０３号', master)).toMatchObject({ text: '宮城県仙台市青葉区本町4-35-28メゾン緑９０３号', repaired: 1 });
    expect(correctAddress('宮城県仙台市育葉区本町5-19-15', master)).toMatchObject({ text: '宮城県仙台市青葉区本町5-19-15', municipality: '仙台市青葉区', town: '本町' });
    expect(correctAddress('宮城県仙台市青葉区国分可9丁目16番29号', master).text).toBe('宮城県仙台市青葉区国分町9丁目16番29号');
    expect(correctAddress('長野県北佐久郡軽井沢町大字軽井沢９本目１５番２号', master)).toMatchObject({ text: '長野県北佐久郡軽井沢町大字軽井沢９丁目１５番２号', town: '軽井沢' });
    expect(correctAddress('愛知県名古屋市中区栄え４－３３－１４', master)).toMatchObject({ text: '愛知県名古屋市中区栄４－３３－１４', repaired: 1 });
  });

  it('repairs a 町域 whose two neighbouring characters were read as one other character, when it is the only such one', () => {
    const m = buildAddressMaster(
      ['27102\t大阪府\t大阪市西区', '26214\t京都府\t木津川市'].join('\n'),
      ['27102\t南堀江\t北堀江\t江戸堀\t九条', '26214\t城山台\t梅美台\t州見台'].join('\n'),
    );
    // 堀江 read 場: the one 町域 of 西区 that 南場 spells with a pair read as one
    expect(correctAddress('大阪府大阪市西区南場２９６９番地ハイツ青葉９０９号', m)).toMatchObject({ text: '大阪府大阪市西区南堀江２９６９番地ハイツ青葉９０９号', town: '南堀江', repaired: 2 });
    // 兜台 (城山 read 兜) is spelled so by no 町域 of 木津川市 alone: 梅美台 and 州見台 too are a pair and 台
    expect(correctAddress('京都府木津川市兜台１－８－２７', m)).toMatchObject({ town: null, text: '京都府木津川市兜台１－８－２７' });
    // a character dropped (江 of 南堀江 read 南堀) is an indel, not a pair read as one: repaired as before, by one
    expect(correctAddress('大阪府大阪市西区南堀２９６９番地', m)).toMatchObject({ town: '南堀江', repaired: 1 });
    // never a 市区町村: 仙台市泉区 (a ward of its own, not in this master) is not 仙台市青葉区 with 青葉 read as 泉
    expect(correctAddress('宮城県仙台市泉区本町1-2', master).municipality).toBeNull();
  });

  it('chooses among 市区町村 one character off by the 町域 that follows, else leaves the character to the print', () => {
    const m = buildAddressMaster(
      ['01205\t北海道\t士別市', '01207\t北海道\t紋別市', '01217\t北海道\t江別市', '27109\t大阪府\t大阪市天王寺区', '27218\t大阪府\t大東市'].join('\n'),
      ['01205\t東二条\t南町', '01207\t幸町\t南町', '01217\t大麻', '27109\t夕陽丘町\t上本町', '27218\t谷川'].join('\n'),
    );
    expect(correctAddress('北海道土別市東二条三丁目11番30号', m)).toMatchObject({ text: '北海道士別市東二条三丁目11番30号', municipality: '士別市', town: '東二条' });
    expect(correctAddress('大阪府大阪市大王寺区夕陽丘町2丁目', m)).toMatchObject({ text: '大阪府大阪市天王寺区夕陽丘町2丁目', municipality: '大阪市天王寺区' });
    // 南町 is in 士別市 and in 紋別市: the 町域 does not decide, the first character's print may
    expect(correctAddress('北海道土別市南町1-2', m)).toMatchObject({ municipality: null, glyphChoices: [{ read: '土別市', at: 0, options: ['士', '紋', '江'] }] });
  });

  it('repairs a two-character 市区町村 only when its own 町域 follows it', () => {
    const m = buildAddressMaster(['15213\t新潟県\t燕市', '15100\t新潟県\t新潟市'].join('\n'), ['15213\t国上\t吉田'].join('\n'));
    // 燕市 read 華市, its 国上 after it: the 町域 vouches for the one city one character off
    expect(correctAddress('新潟県華市国上５丁目２０番１３号', m)).toMatchObject({ text: '新潟県燕市国上５丁目２０番１３号', municipality: '燕市', town: '国上' });
    // without one of its 町域 after it, two characters are too few to repair by spelling
    expect(correctAddress('新潟県華市本町５丁目', m)).toMatchObject({ text: '新潟県華市本町５丁目', municipality: null });
  });

  it('takes a katakana look-alike between kanji for the kanji, and leaves katakana that belong there', () => {
    expect(correctAddress('宮城県仙台市青葉区本町878番地第ニ寿荘102号', master)).toMatchObject({ text: '宮城県仙台市青葉区本町878番地第二寿荘102号', repaired: 1 });
    // ー read for 一 at the start of a 町域: put back, then the 町域 is known
    expect(correctAddress('宮城県仙台市青葉区ー番町6-21-12', master)).toMatchObject({ text: '宮城県仙台市青葉区一番町6-21-12', town: '一番町' });
    for (const s of ['宮城県仙台市青葉区本町ハイツ青葉', '宮城県仙台市青葉区本町字ロ12', '宮城県仙台市青葉区本町三ツ木4', '宮城県仙台市青葉区本町西磯ノ目1', '宮城県仙台市青葉区本町4-35-28ー']) {
      expect(correctAddress(s, master).text).toBe(s);
    }
  });

  it('finds a 都道府県 misread past repair from the 市区町村 spelled after it, only when one prefecture has it', () => {
    // 宮城県 read 表息県: two characters off (no prefecture is one off), 仙台市青葉区 spelled exactly
    expect(correctAddress('表息県仙台市青葉区本町5-19-15', master)).toMatchObject({ text: '宮城県仙台市青葉区本町5-19-15', prefecture: '宮城県', town: '本町', repaired: 2 });
    // the kind of place is never changed: 表息都 is no 県
    expect(correctAddress('表息都仙台市青葉区本町5-19-15', master).prefecture).toBeNull();
    // a 市区町村 that two prefectures have places nothing
    const twice = buildAddressMaster(['01\t宮城県\t府中市', '02\t広島県\t府中市'].join('\n'), '');
    expect(correctAddress('表息県府中市本町1', twice).prefecture).toBeNull();
    // the 市区町村 one character off as well: placed when one prefecture in the country has such a name
    expect(correctAddress('表息県仙台市育葉区本町5-19-15', master)).toMatchObject({ text: '宮城県仙台市青葉区本町5-19-15', prefecture: '宮城県', municipality: '仙台市青葉区', repaired: 3 });
    // ... and not when two have one (府中市 in 宮城県 and 広島県, read 府仲市)
    expect(correctAddress('表息県府仲市本町1', twice).prefecture).toBeNull();
    // two characters off as well: nothing to go on
    expect(correctAddress('表息県仙台帀育葉区本町5-19-15', master).prefecture).toBeNull();
  });

  it('takes a 都道府県 read as another one for the one whose 市区町村 follows, when the one read has none of it', () => {
    const m = buildAddressMaster(['04341\t宮城県\t伊具郡丸森町', '16201\t富山県\t富山市', '01\t宮城県\t府中市', '02\t広島県\t府中市'].join('\n'), ['04341\t羽出庭\t舘矢間', ''].join('\n'));
    // 宮城県 read 富山県 (宮 as 富, 城 as 山): 伊具郡丸森町, read one character off, is 宮城県's alone
    expect(correctAddress('富山県伊具郡丸益町羽出放４１８番地', m)).toMatchObject({ text: '宮城県伊具郡丸森町羽出庭４１８番地', prefecture: '宮城県', municipality: '伊具郡丸森町', town: '羽出庭' });
    // one of the read prefecture's own 市区町村 follows, one character off: the prefecture stays
    expect(correctAddress('富山県富由市新町1', m)).toMatchObject({ prefecture: '富山県', municipality: '富山市' });
    // a 市区町村 two prefectures have moves nothing
    expect(correctAddress('富山県府中市本町1', m)).toMatchObject({ prefecture: '富山県', municipality: null });
  });

  it('places an address whose 都道府県 is misread whole, its kind too, by a long 市区町村 spelled after it that one prefecture has', () => {
    const m = buildAddressMaster(['07548\t福島県\t双葉郡川内村', '04101\t宮城県\t仙台市青葉区', '01\t宮城県\t府中市', '02\t広島県\t府中市'].join('\n'), ['07548\t下川内\t上川内', ''].join('\n'));
    // 福島県 read 便昌中: the 郡 and its 村 (6 characters) place it
    expect(correctAddress('便昌中双葉郡川内村下川内四丁目36番19号', m)).toMatchObject({ text: '福島県双葉郡川内村下川内四丁目36番19号', prefecture: '福島県', municipality: '双葉郡川内村', town: '下川内' });
    // a short name places nothing (府中市: two prefectures; and any 3-character name is too common to trust alone)
    expect(correctAddress('便昌中府中市本町1', m).prefecture).toBeNull();
    // a kind read stays: 便昌都 is no 県
    expect(correctAddress('便昌都双葉郡川内村下川内1', m).prefecture).toBeNull();
  });

  it('places it also by a long 市区町村 read two characters off when one of its own 町域 follows', () => {
    const m = buildAddressMaster(['38402\t愛媛県\t伊予郡砥部町', '38401\t愛媛県\t伊予郡松前町'].join('\n'), ['38402\t高市\t宮内', '38401\t筒井', ''].join('\n'));
    // 愛媛県伊予郡砥部町 read 受弘見伊予朗砥角町: the 町 and its 町域 高市 together
    expect(correctAddress('受弘見伊予朗砥角町高市３－１２－２７', m)).toMatchObject({ text: '愛媛県伊予郡砥部町高市３－１２－２７', prefecture: '愛媛県', municipality: '伊予郡砥部町', town: '高市' });
    // without a 町域 of its own after it, two characters off is nothing to go on
    expect(correctAddress('受弘見伊予朗砥角町筒井３－１２－２７', m).prefecture).toBeNull();
    // three off is too far even with one
    expect(correctAddress('受弘見伊予朗砥角村高市３－１２－２７', m).prefecture).toBeNull();
  });

  it('… and by a shorter 市区町村 read one character off, with its own 町域 after it', () => {
    const m = buildAddressMaster(['08203\t茨城県\t土浦市', '08201\t茨城県\t水戸市'].join('\n'), ['08203\t小山田\t大岩田', '08201\t千波町', ''].join('\n'));
    // 茨城県土浦市 read 装綾条土蒲市: 土浦市 one off, 小山田 after it
    expect(correctAddress('装綾条土蒲市小山田２８５６番地３', m)).toMatchObject({ text: '茨城県土浦市小山田２８５６番地３', prefecture: '茨城県', municipality: '土浦市', town: '小山田' });
    // two off is too far for a name of three characters
    expect(correctAddress('装綾条士蒲市小山田２８５６番地３', m).prefecture).toBeNull();
  });

  it('puts back 丁目 whichever of its characters was misread, only between numbers', () => {
    expect(correctAddress('宮城県仙台市青葉区本町2J目22番23号', master).text).toBe('宮城県仙台市青葉区本町2丁目22番23号');
    expect(correctAddress('宮城県仙台市青葉区本町２丁月２２番', master).text).toBe('宮城県仙台市青葉区本町２丁目２２番');
    // a 番地 as written stays: 2番22号, 2-22, 2の22
    for (const s of ['宮城県仙台市青葉区本町2番22号', '宮城県仙台市青葉区本町2-22-1', '宮城県仙台市青葉区本町2の22']) expect(correctAddress(s, master).text).toBe(s);
  });

  it('puts back 丁目 misread whole right after its 町域, where the number after it is a 番 (７T上４０番, ７見４０番)', () => {
    expect(correctAddress('宮城県仙台市青葉区本町７T上４０番１２号', master)).toMatchObject({ text: '宮城県仙台市青葉区本町７丁目４０番１２号', repaired: 1, glyphChoices: [] });
    expect(correctAddress('宮城県仙台市青葉区本町７見４０番', master)).toMatchObject({ text: '宮城県仙台市青葉区本町７丁目４０番', glyphChoices: [] });
    // not where no 番 follows, nor a join as written, nor three characters (a word)
    // (nor a katakana alone: a digit misread, 1ユ1777番地 for 1777番地)
    for (const s of ['宮城県仙台市青葉区本町７見４０', '宮城県仙台市青葉区本町７－４０番', '宮城県仙台市青葉区本町７田中荘４０番', '宮城県仙台市青葉区本町1ユ1777番地17', '宮城県仙台市青葉区本町3線20番地', '宮城県仙台市青葉区本町15区画20番']) expect(correctAddress(s, master).text).toBe(s);
    // nor before the 町域 is found: a place name holds numerals and kanji (十日町５番地)
    const m = buildAddressMaster('15210\t新潟県\t十日町市', ['15210\t本町', ''].join('\n'));
    expect(correctAddress('新潟県十日町市十日町５番地', m).text).toBe('新潟県十日町市十日町５番地');
  });

  it('finds a 町域 spelled with katakana look-alikes of its kanji before its 番地 (東ーロ: 東一口), a katakana one the master lists as read', () => {
    const m = buildAddressMaster('26322\t京都府\t久世郡久御山町', ['26322\t東一口\t佐山\t宮ロ\t宮口', ''].join('\n'));
    expect(correctAddress('京都府久世郡久御山町東ーロ２－６－１４', m)).toMatchObject({ town: '東一口', text: '京都府久世郡久御山町東一口２－６－１４', repaired: 2 });
    expect(correctAddress('京都府久世郡久御山町宮ロ１２', m)).toMatchObject({ town: '宮ロ', repaired: 0 });
    // a look-alike where no 町域 is spelled stays as read
    expect(correctAddress('京都府久世郡久御山町ーエ２－６', m).text).toBe('京都府久世郡久御山町ーエ２－６');
  });

  it('leaves a 町域 read one character off the longer ones of a shorter name to the print (豊原内８: 豊原甲, 豊原乙 or 豊原丙, not 豊原)', () => {
    const m = buildAddressMaster('09407\t栃木県\t那須郡那須町', ['09407\t豊原甲\t豊原\t豊原乙\t豊原丙\t富岡', ''].join('\n'));
    expect(correctAddress('栃木県那須郡那須町豊原内８－１７－１７', m)).toMatchObject({ town: null, glyphChoices: [{ read: '豊原内', at: 2, options: ['甲', '乙', '丙'] }] });
    // 豊原 followed by its 番地 is 豊原
    expect(correctAddress('栃木県那須郡那須町豊原８－１７－１７', m)).toMatchObject({ town: '豊原', repaired: 0 });
  });

  it('leaves a 町域 one character off several of the master\'s to the print: which character, and its options', () => {
    const m = buildAddressMaster('14118\t神奈川県\t横浜市都筑区', ['14118\t荏田南\t勝田南\t荏田南町\t牛久保', ''].join('\n'));
    expect(correctAddress('神奈川県横浜市都筑区在田南２丁目１０番', m)).toMatchObject({ town: null, glyphChoices: [{ read: '在田南', at: 0, options: ['荏', '勝'] }] });
    // the card's repair passes it on, for the reader to settle by the print, and changes nothing itself
    const card = repairAddress({ ...emptyFields(), address: { value: '神奈川県横浜市都筑区在田南２丁目１０番', confidence: 0.9 } }, null, m);
    expect(card.glyphChoices).toEqual([{ read: '在田南', at: 0, options: ['荏', '勝'] }]);
    expect(card.fields.address.value).toBe('神奈川県横浜市都筑区在田南２丁目１０番');
    // one name one off: repaired as before, no choice to make
    expect(correctAddress('神奈川県横浜市都筑区牛久棵１丁目', m)).toMatchObject({ town: '牛久保', repaired: 1 });
    expect(correctAddress('神奈川県横浜市都筑区牛久棵１丁目', m).glyphChoices).toEqual([]);
    // near names that differ from the read at different places: no single character decides
    const apart = buildAddressMaster('01\t宮城県\t仙台市青葉区', ['01\t上田町\t本口町', ''].join('\n'));
    expect(correctAddress('宮城県仙台市青葉区本田町1-2', apart).glyphChoices).toEqual([]);
  });

  it('leaves a one-character 町域 read as another kanji right before its 番地 to the print, with the master\'s one-character 町域 as options', () => {
    const m = buildAddressMaster('12215\t千葉県\t旭市', ['12215\t塙\t萩園\t蛇園\tイ', ''].join('\n'));
    // with the character before it, which finds its print (市才: the 才 after 市)
    expect(correctAddress('千葉県旭市才７－３８－１０ヴィラ若葉５０２号', m)).toMatchObject({ town: null, glyphChoices: [{ read: '市才', at: 1, options: ['塙', 'イ'] }] });
    // a 町域 named as its 町, both read as another kanji: the 町 is repaired by its spelling, and the 町域's
    // choice names its own character, not the 町's (町壇, not 壇: the read has two of it)
    const hanawa = buildAddressMaster('07483\t福島県\t東白川郡塙町', ['07483\t塙\t台宿\t真名畑', ''].join('\n'));
    expect(correctAddress('福島県東白川郡壇町壇２丁目４番２３号', hanawa)).toMatchObject({ municipality: '東白川郡塙町', town: null, glyphChoices: [{ read: '町壇', at: 1, options: ['塙'] }] });
    // spelled right: the 町域, no choice; a two-character name not in the master: no one-character choice (the
    // master's two-character 町域 are offered to the print as the whole read, misread in both characters), and
    // none without a 番地 after it
    expect(correctAddress('千葉県旭市塙７－３８－１０', m)).toMatchObject({ town: '塙', glyphChoices: [] });
    expect(correctAddress('千葉県旭市小釿７－３８－１０', m).glyphChoices).toEqual([{ read: '小釿', at: 0, options: [], words: ['萩園', '蛇園'] }]);
    expect(correctAddress('千葉県旭市才田７－３８', m).glyphChoices).toEqual([{ read: '才田', at: 0, options: [], words: ['萩園', '蛇園'] }]);
    expect(correctAddress('千葉県旭市才田', m).glyphChoices).toEqual([]);
  });

  it('repairs a name of three or more characters with one character dropped or added, never its kind', () => {
    // 仙台市青葉区 read with 葉 dropped; 国分町 read with a speck read as a character inside it
    expect(correctAddress('宮城県仙台市青区国分町9丁目', master)).toMatchObject({ text: '宮城県仙台市青葉区国分町9丁目', municipality: '仙台市青葉区', town: '国分町', repaired: 1 });
    expect(correctAddress('宮城県仙台市青葉区国分ノ町9丁目', master)).toMatchObject({ text: '宮城県仙台市青葉区国分町9丁目', town: '国分町', repaired: 1 });
    // the prefecture with one character dropped
    expect(correctAddress('宮県仙台市青葉区本町5-19-15', master)).toMatchObject({ text: '宮城県仙台市青葉区本町5-19-15', prefecture: '宮城県' });
    // 区 dropped is another kind of place: not repaired; a two-character 町域 is too short to repair this way
    expect(correctAddress('宮城県仙台市青葉国分町9丁目', master).municipality).toBeNull();
    expect(correctAddress('宮城県仙台市青葉区本ノ町1-2', master).town).toBeNull();
  });

  it('knows a 町域 one character off when the number before its 丁目 is misread too', () => {
    expect(correctAddress('宮城県仙台市青葉区国分可太丁目16番29号', master)).toMatchObject({ text: '宮城県仙台市青葉区国分町太丁目16番29号', town: '国分町' });
  });

  it('repairs a long 市区町村 two characters off only when no other name is as near', () => {
    expect(correctAddress('宮城県仙台帀育葉区本町5-19-15', master)).toMatchObject({ text: '宮城県仙台市青葉区本町5-19-15', municipality: '仙台市青葉区', repaired: 2 });
    // 仙台市宮城野区 and 仙台市青葉区 are not both two off here; a short name two off is never repaired
    expect(correctAddress('東京都千伐匹千代田1-1', master).municipality).toBeNull();
  });

  it('keeps an address it cannot place as read, code points and digits untouched', () => {
    for (const s of ['東京都千代田区千代田1-1', '宮城県仙台市青葉区新しい町1-2-3', '大阪府大阪市北区梅田3-1', 'ＡＢＣ', '', '宮城県仙台市青葉区本町']) {
      expect(correctAddress(s, master).text).toBe(s);
    }
    // never the kind of place: 仙台市青葉町 is not 仙台市青葉区
    expect(correctAddress('宮城県仙台市青葉町1-2', master).text).toBe('宮城県仙台市青葉町1-2');
  });

  it('marks a repaired card address for the clerk and splits it as the master does', () => {
    const fields = { ...emptyFields(), address: { value: '愛知県名古屋市中区栄4-33-14', confidence: 0.9 } };
    const same = repairAddress(fields, null, master);
    expect(same.fields).toBe(fields);
    expect(same.address).toMatchObject({ prefecture: '愛知県', municipality: '名古屋市中区', town: '栄', block: '4-33-14' });
    const repaired = repairAddress({ ...fields, address: { value: '愛知県名古屋市巾区栄4-33-14', confidence: 0.9 } }, null, master);
    expect(repaired.fields.address).toEqual({ value: '愛知県名古屋市中区栄4-33-14', confidence: 0.85 });
  });

  it('ships the whole country and finds it from a checkout', () => {
    expect(findAddressDir()).toBe(path.resolve(import.meta.dirname, '../../assets/address'));
    const real = loadAddressMaster()!;
    expect(real.size.municipalities).toBeGreaterThan(1800);
    expect(real.byPostalCode('1000001')[0]).toMatchObject({ prefecture: '東京都', municipality: '千代田区', town: '千代田' });
    expect(loadAddressMaster('/nonexistent')).toBeNull();
  });
});

describe('address rows sure enough to keep as first read', () => {
  it('keeps a confident first row the master places exactly, followed by the 番地 alone', () => {
    expect(addressRowIsSure('宮城県仙台市青葉区本町4-35-28', 0.93, true, master)).toBe(true);
    expect(addressRowIsSure('長野県北佐久郡軽井沢町大字軽井沢９丁目１５番２号', 0.95, true, master)).toBe(true);
  });
  it('reads again what is unsure, repaired, unplaced, or carries more than the 番地', () => {
    expect(addressRowIsSure('宮城県仙台市青葉区本町4-35-28', 0.85, true, master)).toBe(false);
    expect(addressRowIsSure('宮城県仙台市育葉区本町5-19-15', 0.95, true, master)).toBe(false);
    expect(addressRowIsSure('宮城県仙台市青葉区新しい町1-2', 0.95, true, master)).toBe(false);
    expect(addressRowIsSure('宮城県仙台市青葉区本町4-35-28メゾン緑903号', 0.95, true, master)).toBe(false);
    expect(addressRowIsSure('宮城県仙台市青葉区本町ノー6-11', 0.95, true, master)).toBe(false);
    // a number that ends in a kanji numeral after its digits is no number (３－３８－７ read ３－３８一)
    expect(addressRowIsSure('宮城県仙台市青葉区本町3-38一', 0.97, true, master)).toBe(false);
    expect(addressRowIsSure('宮城県仙台市青葉区本町3一38一7', 0.97, true, master)).toBe(true);
  });
  it('keeps a confident building row, never one with パ/バ-like kana', () => {
    expect(addressRowIsSure('サンライズマンション606号', 0.92, false, master)).toBe(true);
    expect(addressRowIsSure('パークハウス609号', 0.95, false, master)).toBe(false);
    expect(addressRowIsSure('コーボポ山田402号', 0.95, false, master)).toBe(false);
    expect(addressRowIsSure('サンライズマンション606号', 0.8, false, master)).toBe(false);
  });
});

describe('a first address row that is a place and nothing more', () => {
  it('is a 都道府県 with a whole 市区町村, or with the 郡 or designated city a card wraps before its 町村 or 区', () => {
    expect(addressRowIsPlaceOnly('千代田区', master)).toBe(false);
    expect(addressRowIsPlaceOnly('東京都千代田区', master)).toBe(true);
    expect(addressRowIsPlaceOnly('長野県北佐久郡', master)).toBe(true);
    expect(addressRowIsPlaceOnly('長野県 北佐久郡軽井沢町', master)).toBe(true);
    expect(addressRowIsPlaceOnly('宮城県仙台市', master)).toBe(true);
    expect(addressRowIsPlaceOnly('愛知県名古屋市', master)).toBe(true);
  });
  it('is not a look-alike the master does not know, a name cut inside, or a row that goes on past the place', () => {
    expect(addressRowIsPlaceOnly('長野県北佐久部', master)).toBe(false);
    expect(addressRowIsPlaceOnly('長野県北佐久', master)).toBe(false);
    expect(addressRowIsPlaceOnly('宮城県仙台', master)).toBe(false);
    expect(addressRowIsPlaceOnly('宮城県仙台市青葉', master)).toBe(false);
    expect(addressRowIsPlaceOnly('宮城県仙台市青葉区本町', master)).toBe(false);
    expect(addressRowIsPlaceOnly('長野県北佐久郡軽井沢町軽井沢', master)).toBe(false);
    expect(addressRowIsPlaceOnly('東京都', master)).toBe(false);
    expect(addressRowIsPlaceOnly('宮城県千代田区', master)).toBe(false);
  });
});

describe('番地 to read again as numbers', () => {
  /** code point index just after `s` */
  const at = (s: string): number => [...s].length;
  it('finds the 番地 after a known 町域 when the model gave kana for digits', () => {
    expect(blockToMend('愛知県名古屋市中区栄イー２３－２４', master)).toEqual({ start: at('愛知県名古屋市中区栄'), end: at('愛知県名古屋市中区栄イー２３－２４') });
    expect(blockToMend('宮城県仙台市青葉区本町ノー6-11', master)).toEqual({ start: at('宮城県仙台市青葉区本町'), end: at('宮城県仙台市青葉区本町ノー6-11') });
    // the building's name after it stays out of the numbers
    expect(blockToMend('宮城県仙台市青葉区本町4オー30-9メゾン緑804号', master)).toEqual({ start: at('宮城県仙台市青葉区本町'), end: at('宮城県仙台市青葉区本町4オー30-9') });
    // … but a look-alike right after a join is the number the join goes on to, though the 方書 follows it
    // (９－２－７メゾン read ９－２ーイメゾン)
    expect(blockToMend('宮城県仙台市青葉区本町９－２ーイメゾン緑８０２号', master)).toEqual({ start: at('宮城県仙台市青葉区本町'), end: at('宮城県仙台市青葉区本町９－２ーイ') });
  });
  it('finds it after a 町域 the master does not list, up to the last kanji', () => {
    // a full-width １ with a foot serif read as ユ, its dash as ー
    expect(blockToMend('宮城県仙台市青葉区本町ユー6一19', master)).toEqual({ start: at('宮城県仙台市青葉区本町'), end: at('宮城県仙台市青葉区本町ユー6一19') });
    expect(blockToMend('宮城県仙台市青葉区新町ノ1-2', master)).toEqual({ start: at('宮城県仙台市青葉区新町'), end: at('宮城県仙台市青葉区新町ノ1-2') });
    expect(blockToMend('長野県北佐久郡軽井沢町大字追分クー１４－２９', master)).toEqual({ start: at('長野県北佐久郡軽井沢町大字追分'), end: at('長野県北佐久郡軽井沢町大字追分クー１４－２９') });
    // a stray mark the model put between numbers
    expect(blockToMend('長野県北佐久郡軽井沢町大字軽井沢7-33-!25', master)).toEqual({ start: at('長野県北佐久郡軽井沢町大字軽井沢'), end: at('長野県北佐久郡軽井沢町大字軽井沢7-33-!25') });
    // a speck read as a letter between the numbers, and 5 read as S
    expect(blockToMend('長野県北佐久郡軽井沢町大字軽井沢８Sー３５－１８', master)).toEqual({ start: at('長野県北佐久郡軽井沢町大字軽井沢'), end: at('長野県北佐久郡軽井沢町大字軽井沢８Sー３５－１８') });
    expect(blockToMend('長野県北佐久郡軽井沢町大字軽井沢1-S-2', master)).toEqual({ start: at('長野県北佐久郡軽井沢町大字軽井沢'), end: at('長野県北佐久郡軽井沢町大字軽井沢1-S-2') });
    // a speck read as a full stop between the numbers
    expect(blockToMend('長野県北佐久郡軽井沢町大字軽井沢3-38-.25', master)).toEqual({ start: at('長野県北佐久郡軽井沢町大字軽井沢'), end: at('長野県北佐久郡軽井沢町大字軽井沢3-38-.25') });
    expect(blockToMend('長野県北佐久郡軽井沢町大字追分14-29', master)).toBeNull();
    // a look-alike ending the address right after a join is its last digit (３－３７－１ read ３－３７－！)
    expect(blockToMend('宮城県仙台市青葉区本町3ー37ー!', master)).toEqual({ start: at('宮城県仙台市青葉区本町'), end: at('宮城県仙台市青葉区本町3ー37ー!') });
    // a 町域 read one character off (木町 for 本町) is still the row's 町域: its 番地 is found after it
    expect(blockToMend('宮城県仙台市青葉区木町6一2クー17パークハウス', master)).toEqual({ start: at('宮城県仙台市青葉区木町'), end: at('宮城県仙台市青葉区木町6一2クー17') });
    expect(blockToMend('宮城県仙台市青葉区本町3ー37!', master)).toBeNull();
    // ニ before 丁目 is the kanji numeral 二 (taken for it between kanji), no misread digit
    expect(blockToMend('宮城県仙台市青葉区本町ニ丁目1-2', master)).toBeNull();
    // a building's name after the 番地 whose ー follows a look-alike katakana is a 長音, not a dash (ノーブル)
    expect(blockToMend('宮城県仙台市青葉区本町2-14-29ノーブル青葉101', master)).toBeNull();
    // a full-width dash read as ニ (two bars)
    expect(blockToMend('宮城県仙台市青葉区本町1ニー7ー20', master)).toEqual({ start: at('宮城県仙台市青葉区本町'), end: at('宮城県仙台市青葉区本町1ニー7ー20') });
  });
  it('reads again a 番地 whose last number ends in 一 after its digits: a join whose digit was lost (３－３８－７ read ３－３８一)', () => {
    expect(blockToMend('宮城県仙台市青葉区本町3-38一', master)).toEqual({ start: at('宮城県仙台市青葉区本町'), end: at('宮城県仙台市青葉区本町3-38一') });
    // a 一 between digits is a dash read as the numeral: a 番地 as it is
    expect(blockToMend('宮城県仙台市青葉区本町3一38一7', master)).toBeNull();
    expect(numeralAfterDigits([...'38一'], 2)).toBe(true);
    expect(numeralAfterDigits([...'38一7'], 2)).toBe(false);
    expect(numeralAfterDigits([...'三丁目'], 0)).toBe(false);
  });
  it('reads again a 番地 with a join misread as one or two characters no digit looks like (７丁目４０番 read ７T上４０番)', () => {
    expect(blockToMend('宮城県仙台市青葉区本町7T上40', master)).toEqual({ start: at('宮城県仙台市青葉区本町'), end: at('宮城県仙台市青葉区本町7T上40') });
    expect(blockToMend('宮城県仙台市青葉区本町7見40-12', master)).toEqual({ start: at('宮城県仙台市青葉区本町'), end: at('宮城県仙台市青葉区本町7見40-12') });
    // (before a number that is a 番 it is 丁目, which the master's repair puts back: nothing to read again)
    expect(blockToMend('宮城県仙台市青葉区本町7T上40番', master)).toBeNull();
    // three characters between numbers are a word, not a join
    expect(blockToMend('宮城県仙台市青葉区本町7田中荘40', master)).toBeNull();
    // a date's units join a date's numbers: a date row read after the address is no 番地
    expect(blockToMend('宮城県仙台市青葉区本町70番地1966年11月10日生', master)).toBeNull();
    expect(betweenDigits([...'7T上40'], 1)).toBe(true);
    expect(betweenDigits([...'7T上40'], 2)).toBe(true);
    expect(betweenDigits([...'1966年11'], 4)).toBe(false);
    expect(readsAsBlock('3-38-7')).toBe(true);
    expect(readsAsBlock('3-38一')).toBe(false);
  });
  it('reads again a 番地 of digits and joins only where the model saw a join as a gap (５－３４ ２３)', () => {
    expect(blockToMend('長野県北佐久郡軽井沢町大字追分14 29', master)).toEqual({ start: at('長野県北佐久郡軽井沢町大字追分'), end: at('長野県北佐久郡軽井沢町大字追分1429') });
    expect(blockToMend('長野県北佐久郡軽井沢町大字追分14-29 コーポ山田508号', master)).toBeNull();
  });
  it('finds a gap between two numbers inside the 番地 only (indices of the read without its spaces)', () => {
    const part = { start: 13, end: 19 };
    expect(gapBetweenNumbers('福岡県策屋郡志免町志免中央5-34 23', part)).toBe(true);
    expect(gapBetweenNumbers('福岡県策屋郡志免町志免中央5-34-23', part)).toBe(false);
    // a gap before a join, or after the 番地 (the room number of a building), is none
    expect(gapBetweenNumbers('福岡県策屋郡志免町志免中央5-34 -23', part)).toBe(false);
    expect(gapBetweenNumbers('コーポ山田50 8号', { start: 0, end: 0 })).toBe(false);
    // the model's _ and | for specks are no characters of the read
    expect(gapBetweenNumbers('福岡県策屋郡志免町志免中央5_-34 23', part)).toBe(true);
  });
  it('keeps look-alikes side by side inside the 番地 (４－４－１４ read as オーオォー１４)', () => {
    expect(blockToMend('宮城県仙台市青葉区本町オーオォー１４サンライズマンション５０３号', master)).toEqual({ start: at('宮城県仙台市青葉区本町'), end: at('宮城県仙台市青葉区本町オーオォー１４') });
    expect(blockToMend('宮城県仙台市青葉区本町4-3リバーサイド', master)).toBeNull();
  });
  it('tells whether a row\'s 番地 reads as digits and joins only', () => {
    expect(blockIsClean('宮城県仙台市青葉区本町2-14-29', master)).toBe(true);
    expect(blockIsClean('京都府京都市左京区下鴨クー１４－２９', master)).toBeNull();
    expect(blockIsClean('宮城県仙台市青葉区本町クー１４－２９', master)).toBe(false);
    expect(blockIsClean('宮城県仙台市青葉区本町ーー14ー29', master)).toBe(false);
    expect(blockIsClean('宮城県仙台市青葉区花京院2ー14一29', master)).toBe(true);
    // a row that wraps inside 丁目 (小田川２丁 | 目１６番) ends cleanly; 丁 alone is no 番地
    expect(blockIsClean('宮城県仙台市青葉区本町2丁', master)).toBe(true);
    expect(blockIsClean('宮城県仙台市青葉区本町丁', master)).toBe(false);
    // a 町域 read one character off is still the row's 町域, and a character the grammar leaves to the print
    // (信 before 丁目, 史 after a number) is no word
    expect(blockIsClean('宮城県仙台市青葉区木町2-14-29', master)).toBe(true);
    expect(blockIsClean('宮城県仙台市青葉区本町信丁目21番15史', master)).toBe(true);
    // the 長音 of the building's name after it is no join (パーク)
    expect(blockIsClean('宮城県仙台市青葉区本町2-14-29パークハウス408号', master)).toBe(true);
  });
  it('leaves good 番地, unknown places, buildings and words alone', () => {
    expect(blockToMend('愛知県名古屋市中区栄７－２３－２４', master)).toBeNull();
    expect(blockToMend('宮城県仙台市泉区新町ノ1-2', master)).toBeNull();
    expect(blockToMend('宮城県仙台市青葉区本町4-35-28メゾン緑903号', master)).toBeNull();
    expect(blockToMend('宮城県仙台市青葉区本町ノ森1-2', master)).toBeNull();
  });
});

describe("a building word's missing 濁点", () => {
  it('is put back where the row spells the word but for it, and nowhere else', () => {
    expect(withWordDakuten('片岡四丁目6番22号レジテンス桜101号')).toBe('片岡四丁目6番22号レジデンス桜101号');
    expect(withWordDakuten('クランドハイツ604号')).toBe('グランドハイツ604号');
    // a word spelled right, another kana off, or no building word: as read
    expect(withWordDakuten('レジデンス桜')).toBe('レジデンス桜');
    expect(withWordDakuten('レシテンス桜')).toBe('レジデンス桜');
    expect(withWordDakuten('レジテソス桜')).toBe('レジテソス桜');
    expect(withWordDakuten('テラス青葉')).toBe('テラス青葉');
    // a word that is one without its 濁点 is no word of the list (クリーン, コールド)
    expect(withWordDakuten('クリーンハイツ')).toBe('クリーンハイツ');
    expect(withWordDakuten('コールドハイツ')).toBe('コールドハイツ');
  });

  it('is put back by the repair of a read address, which then asks the clerk to look', () => {
    const c = correctAddress('宮城県仙台市青葉区本町4-35-28レジテンス桜903号', master);
    expect(c.text).toBe('宮城県仙台市青葉区本町4-35-28レジデンス桜903号');
    expect(c.repaired).toBe(1);
  });
});

describe('a building word\'s small kana read full size', () => {
  it('spells the word (マンシヨン, シテイ, キヤツスル), and nothing that is no such word', () => {
    expect(withWordSmallKana('サンライズマンシヨン309号')).toBe('サンライズマンション309号');
    expect(withWordSmallKana('シテイコート601号')).toBe('シティコート601号');
    expect(withWordSmallKana('キヤツスル青葉')).toBe('キャッスル青葉');
    // spelled right, another kana off, or no such word (ハイツ, メゾン, a full-size イ after テ elsewhere): as read
    for (const t of ['サンライズマンション', 'マンシエン', 'ハイツ青葉', 'ステイ', 'テイクアウト']) expect(withWordSmallKana(t)).toBe(t);
  });

  it('is put back by the repair of a read address, which then asks the clerk to look', () => {
    const c = correctAddress('宮城県仙台市青葉区本町4-35-28シテイコート903号', master);
    expect(c.text).toBe('宮城県仙台市青葉区本町4-35-28シティコート903号');
    expect(c.repaired).toBe(1);
  });
});

describe('the small vowel after ヴ read full size', () => {
  it('is spelled small, as katakana writes it, and nothing else is', () => {
    expect(withSmallVowelAfterVu('ヴイラ若葉402号')).toBe('ヴィラ若葉402号');
    expect(withSmallVowelAfterVu('ヴエール ヴアン ヴオーグ')).toBe('ヴェール ヴァン ヴォーグ');
    // ヴ alone, ヴー, a small vowel read small, イ after another kana: as read
    for (const t of ['ヴィラ', 'ヴーヴ', 'ルヴ桜', 'ハイツ', 'メイプル']) expect(withSmallVowelAfterVu(t)).toBe(t);
  });

  it('is put back by the repair of a read address, which then asks the clerk to look', () => {
    const c = correctAddress('宮城県仙台市青葉区本町4-35-28ヴイラ若葉402号', master);
    expect(c.text).toBe('宮城県仙台市青葉区本町4-35-28ヴィラ若葉402号');
    expect(c.repaired).toBe(1);
  });
});

