import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillFromRegister, splitRegisterName, type RegisterRecord } from '../../common/register/register-fill';
import { statusFacts } from '../../common/register/register-status';
import { navigate } from '../../common/navigator/navigate';

/** the seeded register, as the default mapping's API answers it */
const seeded = JSON.parse(fs.readFileSync(path.join(__dirname, '../../assets/register/synthetic-residents.json'), 'utf8')) as Record<string, string>[];
const record = (e: Record<string, string>): RegisterRecord => ({
  residentCode: e['住民票コード']!,
  householdNumber: e['世帯番号']!,
  name: e['氏名']!,
  kana: e['氏名_フリガナ']!,
  birthDate: e['生年月日']!,
  sexCode: e['性別']!,
  sex: e['性別'] === '1' ? '男' : '女',
  relationship: e['続柄']!,
  address: e['住所']!,
  status: Object.fromEntries(([['kokuho', '国保'], ['kaigo', '介護'], ['kouki', '後期高齢'], ['nenkin', '年金']] as const).filter(([, k]) => e[k] !== undefined).map(([w, k]) => [w, e[k]!])),
});
const household = (no: string) => seeded.filter((e) => e['世帯番号'] === no).map(record);
const code = (name: string) => seeded.find((e) => e['氏名'] === name)!['住民票コード']!;

describe('filling the case from the register', () => {
  it('keeps names exactly, IVS selectors included, and splits 氏 / 名 at the register\'s space', () => {
    const h = fillFromRegister(code('葛\u{E0100}城 健太'), household('00001002'), '転居')!;
    expect(h.persons.map((p) => [p.familyName, p.givenName])).toEqual([['葛\u{E0100}城', '健太'], ['葛\u{E0100}城', '美咲'], ['葛\u{E0100}城', '陽斗']]);
    expect([...h.persons[0]!.familyName].map((c) => c.codePointAt(0)!.toString(16))).toEqual(['845b', 'e0100', '57ce']);
    expect(h.persons[0]!.familyNameKana).toBe('カツラギ');
    expect(splitRegisterName('グエン ヴァン アン')).toEqual(['グエン', 'ヴァン アン']);
    expect(splitRegisterName('見本\u3000太郎')).toEqual(['見本', '太郎']);
    expect(splitRegisterName('SMITHJOHN')).toEqual(['SMITHJOHN', '']);
  });

  it('the picked resident is the 本人; the others\' 続柄 follow from the register\'s (relative to the 世帯主)', () => {
    const head = fillFromRegister(code('渡邉 浩二'), household('00001007'), '死亡')!;
    expect(head.persons.map((p) => [p.givenName, p.relation, p.relationGuessed])).toEqual([
      ['浩二', '本人', false], ['由美', '配偶者', false], ['翔', '子', false], ['結衣', '子', false], ['ハル', '父母', false],
    ]);
    expect(head.headIndex).toBe(0);
    // the 世帯主's mother picked: her son is her 子, his wife and the grandchildren are その他
    const mother = fillFromRegister(code('渡邉 ハル'), household('00001007'), '死亡')!;
    expect(mother.persons.map((p) => [p.givenName, p.relation, p.register.relationship])).toEqual([
      ['ハル', '本人', '母'], ['浩二', '子', '世帯主'], ['由美', 'その他', '妻'], ['翔', 'その他', '子'], ['結衣', 'その他', '子'],
    ]);
    expect(mother.headIndex).toBe(1);
    expect(mother.persons.some((p) => p.relationGuessed)).toBe(false);
    // a 続柄 word the counter does not know (縁故者): その他, shown as 推定
    const other = fillFromRegister(code('渡邉 浩二'), [...household('00001007'), { ...household('00001007')[0]!, residentCode: '19999999999', relationship: '縁故者' }], '死亡')!;
    expect([other.persons[5]!.relation, other.persons[5]!.relationGuessed]).toEqual(['その他', true]);
    // a child picked: the 世帯主 is a parent for sure, the 世帯主's wife probably
    const child = fillFromRegister(code('渡邉 翔'), household('00001007'), '転居')!;
    expect(child.persons.map((p) => [p.givenName, p.relation, p.relationGuessed])).toEqual([
      ['翔', '本人', false], ['浩二', '父母', false], ['由美', '父母', true], ['結衣', 'その他', false], ['ハル', 'その他', false],
    ]);
  });

  it('the register\'s 住所 is the case\'s address, or its previous address for a 転居 / 転入', () => {
    const d = fillFromRegister(code('髙橋 正雄'), household('00001003'), '死亡')!;
    expect([d.addressField, d.address]).toEqual(['address', '山梨県甲府市相生三丁目5番6号']);
    const t = fillFromRegister(code('見本 太郎'), household('00001001'), '転居')!;
    expect(t.addressField).toBe('previousAddress');
    expect(fillFromRegister('99999999999', household('00001001'), '転居')).toBeNull();
  });

  it('insurance and pension status become the navigator\'s facts, and drive おくやみ\'s 資格喪失 procedures', () => {
    const d = fillFromRegister(code('髙橋 正雄'), household('00001003'), '死亡')!;
    expect(d.persons.map((p) => [p.healthInsurance, p.pension, p.careCertified])).toEqual([['後期高齢', '国民年金', true], ['後期高齢', '国民年金', true]]);
    const r = navigate({ event: '死亡', date: '2026-11-20', persons: d.persons });
    const ids = r.procedures.filter((p) => !p.needsConfirmation).map((p) => p.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['shibou-todoke', 'shibou-kouki', 'shibou-kaigo', 'shibou-kouki-sousaihi', 'shibou-nenkin']));
    expect(ids).not.toContain('shibou-kokuho');
  });

  it('status words: what each means, and 不明 where the register says nothing or something unknown', () => {
    expect(statusFacts(undefined)).toEqual({ healthInsurance: '不明', pension: '不明', careCertified: false });
    expect(statusFacts({ kokuho: '被保険者', nenkin: '第1号被保険者' })).toEqual({ healthInsurance: '国保', pension: '国民年金', careCertified: false });
    expect(statusFacts({ nenkin: '第2号被保険者' })).toEqual({ healthInsurance: '不明', pension: '厚生年金', careCertified: false });
    expect(statusFacts({ kokuho: '資格喪失', kaigo: '認定なし', nenkin: '謎の区分' })).toEqual({ healthInsurance: '不明', pension: '不明', careCertified: false });
    expect(statusFacts({ kouki: '被保険者', kokuho: '被保険者', kaigo: '要支援1' })).toEqual({ healthInsurance: '後期高齢', pension: '不明', careCertified: true });
  });
});
