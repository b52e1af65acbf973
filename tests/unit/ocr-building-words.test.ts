import { describe, expect, it } from 'vitest';
import { buildAddressMaster } from '../../common/address/address-master';
import { PLACE_WORD_TUNING, placeWordlikeness, placeWordStats } from '../../common/address/place-words';
import { buildingByVote, buildingWordlikeness } from '../../main/ocr-engine/reread-fields';
import { resolveChecked } from '../../main/ocr-engine/reread/candidates';
import { withoutMarksNoAddressHolds } from '../../main/ocr-engine/reread/stray-marks';

/** a small country: the place names a 方書's words are weighed against */
const MUNIS = ['04101\t宮城県\t仙台市青葉区', '13101\t東京都\t千代田区', '20323\t長野県\t北佐久郡軽井沢町'].join('\n');
const TOWNS = ['04101\t一番町\t国分町\t本町\t青葉町\t若葉町', '13101\t千代田\t山田\t寿町', '20323\t軽井沢\t長倉\t緑'].join('\n');
const master = buildAddressMaster(MUNIS, TOWNS, () => '');

describe('how much a text is written like the place names', () => {
  const stats = placeWordStats(master);
  it('counts each kanji once per place name and keeps the pairs side by side', () => {
    expect(stats.kanji.get('葉')).toBe(3); // 青葉区, 青葉町, 若葉町
    expect(stats.kanji.get('町')).toBe(7); // 一番町 国分町 本町 青葉町 若葉町 寿町 軽井沢町
    expect(placeWordStats(master)).toBe(stats);
  });
  it('costs nothing for words places are named with; a kanji rarer than rareBelow costs the log of its rarity', () => {
    // (in this small country every kanji is rarer than rareBelow: 青 in 2 names, 葉 in 3, 号 in none; 青葉 a known pair)
    const rarity = (n: number) => Math.log10((1 + n) / (1 + PLACE_WORD_TUNING.rareBelow));
    expect(placeWordlikeness('ハイツ青葉403号', stats)).toBeCloseTo(rarity(2) + rarity(3) + rarity(0), 5);
    expect(placeWordlikeness('ハイツ育葉', stats)).toBeLessThan(placeWordlikeness('ハイツ青葉', stats));
    expect(placeWordlikeness('コーポ山旧', stats)).toBeLessThan(placeWordlikeness('コーポ山田', stats));
    expect(placeWordlikeness('メゾン', stats)).toBe(0);
  });
  it('costs a pair of kanji no place name has side by side, beyond what its kanji cost', () => {
    const pairs = placeWordlikeness('若人葉', stats) - placeWordlikeness('若', stats) - placeWordlikeness('人', stats) - placeWordlikeness('葉', stats);
    expect(pairs).toBeCloseTo(-2 * PLACE_WORD_TUNING.unknownPair, 5);
  });
});

describe('the 方書 of an address row weighed by the place names', () => {
  it('weighs what follows the 番地 of the rows so far, on this row only', () => {
    expect(buildingWordlikeness('', '東京都千代田区千代田1-2-3', master)).toBe(0);
    expect(buildingWordlikeness('東京都千代田区千代田1-2-3', 'コーポ山旧107', master)).toBeLessThan(buildingWordlikeness('東京都千代田区千代田1-2-3', 'コーポ山田107', master));
    expect(buildingWordlikeness('', '東京都千代田区千代田1-2-3ヴィラ若人葉', master)).toBeLessThan(buildingWordlikeness('', '東京都千代田区千代田1-2-3ヴィラ若葉', master));
    // no 番地 found: nothing weighed
    expect(buildingWordlikeness('', 'ヴィラ若人葉', master)).toBe(0);
  });
  it('tips a close vote to the reading written like a place name, and says so (要確認)', () => {
    const before = '東京都千代田区千代田1-2-3';
    const c = (text: string, confidence: number) => ({ text, confidence, provenance: 're-read' as const });
    const cands = [c('ヴィラ若人葉205号', 0.8), c('ヴィラ若人葉205号', 0.7), { ...c('ヴィラ若葉205号', 0.77), provenance: 'first-read' as const }, c('ヴィラ若葉205号', 0.6)];
    const plain = resolveChecked(cands, (s) => s, { by: 'lexicon', cap: 0.75 });
    expect(plain.text).toBe('ヴィラ若人葉205号');
    const weighed = resolveChecked(cands, (s) => s, { by: 'lexicon', cap: 0.75, support: (x) => 0.5 * buildingWordlikeness(before, x.text, master) });
    expect(weighed).toMatchObject({ text: 'ヴィラ若葉205号', provenance: 'lexicon', confidence: 0.75 });
  });
});

describe('the 方書 voted among every reading of the row', () => {
  const read = (text: string, confidence: number) => ({ text, confidence, symbols: [] });
  it('puts the building most readings agree on into the chosen reading, its place kept, and asks the clerk to look', () => {
    // the chosen reading is the only one that places the 町域 (the others misread it), yet three read the room right
    const best = read('千代田1-2-3コーポ山田308和号', 0.62);
    const all = [best, read('千代⊞1-2-3コーポ山田308号', 0.57), read('千代田1-2-3コーポ山田308和号', 0.66), read('干代田1-2-3コーポ山田308号', 0.54), read('千代目1-2-3コーポ山田308号', 0.56)];
    // (as sure as the surest read that gave it, and no surer than the chosen one)
    expect(buildingByVote(best, all, '東京都千代田区', master)).toMatchObject({ text: '千代田1-2-3コーポ山田308号', confidence: 0.57 });
    const sure = (text: string) => read(text, 0.9);
    const allSure = [sure('千代田1-2-3コーポ山田308和号'), sure('千代⊞1-2-3コーポ山田308号'), sure('干代田1-2-3コーポ山田308号')];
    expect(buildingByVote(allSure[0]!, allSure, '東京都千代田区', master)).toMatchObject({ text: '千代田1-2-3コーポ山田308号', confidence: 0.75 });
  });
  it('begins the 方書 at an ordinal: 第 after the 番地 is no part of it, nor the 一 after 第 a dash', () => {
    // a row that begins with the 番地's last number: the chosen reading has 第一, four surer ones dropped the
    // numeral; the building they agree on replaces the chosen one's whole, never after its 第一 (第一第寿荘)
    const best = read('3第一寿荘901号', 0.5);
    const sure = read('3第寿荘901号', 0.9);
    expect(buildingByVote(best, [best, sure, sure, sure, sure], '東京都千代田区千代田1-2-', master).text).toBe('3第寿荘901号');
  });
  it('counts only the readings whose 番地 ends as the chosen one\'s: a join read as a kana cuts the row a character early', () => {
    // 3号シティコート: the chosen reading ends its 番地 in 号; three read 号 as サ (or サ and a blank), so their
    // 方書 begins with it (サシンティ…, サンティ…): they say nothing about the building after 号
    const before = '東京都千代田区';
    const best = read('千代田9丁目20番3号シティコート404号', 0.84);
    const all = [read('千代田9丁目20番3号シティコート404晃に', 0.1), best, read('千代田9丁目20番3 サンティコート404号', 0.77), read('千代田9丁目20番3ササシティコート404号', 0.7), read('千代田9丁目20番3 サシンティコート404号', 0.71)];
    expect(buildingByVote(best, all, before, master)).toBe(best);
  });
  it('leaves the reading as it is when every reading has the same building, or it has none after its 番地', () => {
    const best = read('千代田1-2-3コーポ山田308号', 0.8);
    expect(buildingByVote(best, [best, read('千代田1-2-3コーポ山田３０８号', 0.7)], '東京都千代田区', master)).toBe(best);
    const bare = read('千代田1-2-3', 0.8);
    expect(buildingByVote(bare, [bare, read('千代田1-2-3コーポ', 0.7)], '東京都千代田区', master)).toBe(bare);
  });
});

describe('marks no address holds', () => {
  it('are dropped from a row\'s reading with their symbols; parentheses, dots and dashes stay', () => {
    const sym = (text: string, x0: number) => ({ text, confidence: 0.9, x0, x1: x0 + 9 });
    const read = { text: 'コー※ポ山田', symbols: ['コ', 'ー', '※', 'ポ', '山', '田'].map((t, i) => sym(t, i * 10)) };
    expect(withoutMarksNoAddressHolds(read)).toMatchObject({ text: 'コーポ山田', symbols: [{ text: 'コ' }, { text: 'ー' }, { text: 'ポ' }, { text: '山' }, { text: '田' }] });
    expect(withoutMarksNoAddressHolds({ text: '1-2-3(山田方)・A棟', symbols: [] }).text).toBe('1-2-3(山田方)・A棟');
    // a mark that is the model's read of an address character stays for the checks that know it (〒 for 七丁)
    expect(withoutMarksNoAddressHolds({ text: '〒目22番4号', symbols: [] }).text).toBe('〒目22番4号');
    expect(withoutMarksNoAddressHolds({ text: '山田★107号', symbols: [] }).text).toBe('山田107号');
  });
});
