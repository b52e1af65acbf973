import { describe, expect, it } from 'vitest';
import { trimAddressTail } from '../../common/ocr/address-tail';

describe('what cannot end an address', () => {
  it('drops trailing punctuation a speck was read as', () => {
    expect(trimAddressTail('高知県安芸郡北川村柏木5-15-22.')).toBe('高知県安芸郡北川村柏木5-15-22');
    expect(trimAddressTail('沖縄県豊見城市名嘉地四丁目10番26号、 ')).toBe('沖縄県豊見城市名嘉地四丁目10番26号');
  });

  it('drops a card label the row ran into, read exactly or one character off, after a number or 番地', () => {
    expect(trimAddressTail('大阪府大阪市生野区生野東１０６１番地生生月日')).toBe('大阪府大阪市生野区生野東１０６１番地');
    expect(trimAddressTail('東京都千代田区千代田1-1性別')).toBe('東京都千代田区千代田1-1');
  });

  it('drops a four-character label begun right and misread at its end (the label under the last row taken for a row)', () => {
    expect(trimAddressTail('広島県広島市安佐南区沼田町伴八丁目３０番２４号生年月有明')).toBe('広島県広島市安佐南区沼田町伴八丁目３０番２４号');
    expect(trimAddressTail('広島県広島市安佐南区沼田町伴八丁目３０番２４号有効期艮')).toBe('広島県広島市安佐南区沼田町伴八丁目３０番２４号');
    // not after a place name
    expect(trimAddressTail('岐阜県本巣郡北方町生年月有明')).toBe('岐阜県本巣郡北方町生年月有明');
  });

  it('drops a four-character label misread at its start or with its first character lost, after a number or 号', () => {
    expect(trimAddressTail('徳島県板野郡板野町松谷1585番地グランドハイツ108号全全月日')).toBe('徳島県板野郡板野町松谷1585番地グランドハイツ108号');
    expect(trimAddressTail('東京都千代田区千代田1-1肴劾期限')).toBe('東京都千代田区千代田1-1');
    // … or its first character lost
    expect(trimAddressTail('長野県飯田市浜井町2174番地ハイツ青葉406号年月ロ')).toBe('長野県飯田市浜井町2174番地ハイツ青葉406号');
    // … never a place whose name ends like one, nor a tail of another length
    expect(trimAddressTail('東京都千代田区千代田1-1月日')).toBe('東京都千代田区千代田1-1月日');
    expect(trimAddressTail('北海道札幌市中央区大通西全全月日')).toBe('北海道札幌市中央区大通西全全月日');
  });
  it('drops a four-character label with half its characters in place, misread at every other one (生鋳月呈), after a number or 号', () => {
    expect(trimAddressTail('宮崎県西諸県郡高原町西麓２７６８番地シティコート６０９号生鋳月呈')).toBe('宮崎県西諸県郡高原町西麓２７６８番地シティコート６０９号');
    expect(trimAddressTail('東京都千代田区千代田1-1有功期服')).toBe('東京都千代田区千代田1-1');
    // one in place is no label; nor is a tail with a 番地 in it; nor one after a place name
    expect(trimAddressTail('東京都港区芝1-2-3生駒荘園')).toBe('東京都港区芝1-2-3生駒荘園');
    expect(trimAddressTail('東京都港区芝1-2-3生1月2')).toBe('東京都港区芝1-2-3生1月2');
    expect(trimAddressTail('岐阜県本巣郡北方町生鋳月呈')).toBe('岐阜県本巣郡北方町生鋳月呈');
  });

  it('keeps what may end an address: a closing parenthesis, a building name, a long vowel, a place name like a label', () => {
    for (const ok of ['東京都港区芝1-2-3（山田方）', '東京都港区芝1-2-3センター', '東京都港区芝1-2-3コーポ山田101号', '岐阜県本巣郡北方町生年', '京都府京都市北区住所町', '']) expect(trimAddressTail(ok)).toBe(ok);
  });
});
