import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkPersons, checkStatus } from '../../main/services/register/register-answer';
import { simRegisterApi } from '../../main/backend-sim/sim-register-api';
import { loadSeededRegister } from '../../main/backend-sim/sim-register-file';
import { DEFAULT_REGISTER_MAPPING, type RegisterMapping } from '../../common/register/register-mapping';
import { registerAnswers } from '../../common/register/register-fill';
import { householdFromRegister } from '../../renderer/src/register/register-draft';
import type { HouseholdDraft, PersonDraft } from '../../renderer/src/case-store';
import { caseProcedures, deriveForm, emptyCaseContent, type CaseContent } from '../../common/cases/visit-case';
import type { CasePerson } from '../../common/domain/household';

const TODAY = '2026-12-04';
/** the forms `formIds` of an おくやみ case for the household `d`, as the services derive them */
function prefillCaseForms(d: HouseholdDraft, formIds: string[]): Record<string, Record<string, string>> {
  const iso = (raw: string) => ({ S19: '1944', S22: '1947' })[raw.slice(0, 3)] + raw.replace(/^S\d+/, '').replace(/\.(\d+)/g, (_, n: string) => `-${n.padStart(2, '0')}`);
  const persons = d.persons.map((p): CasePerson & { answers: Record<string, string> } => ({
    relation: p.relation, familyName: p.familyName, givenName: p.givenName, familyNameKana: p.familyNameKana, givenNameKana: p.givenNameKana,
    birthDate: p.register?.birthDate ?? iso(p.birthRaw), ...(p.sex ? { sex: p.sex } : {}), healthInsurance: p.healthInsurance, pension: p.pension, careCertified: p.careCertified, answers: p.answers,
    ...(p.register ? { register: p.register } : {}),
  }));
  const c: CaseContent = { ...emptyCaseContent(TODAY), data: { event: '死亡', date: '2026-12-02', persons, household: { address: d.address } } };
  const out: Record<string, Record<string, string>> = {};
  for (const p of caseProcedures(c, TODAY).procedures) if (formIds.includes(p.formId)) out[p.formId] = deriveForm(c, p, TODAY).values as Record<string, string>;
  return out;
}

/**
 * What the register and the insurance systems hold about a person (本籍, 基礎年金番号, 被保険者番号) goes
 * from the lookup API's answer, through the mapping, into the person's answers under the forms' data
 * items, and from there into the forms — never over what the clerk typed.
 */

const m = DEFAULT_REGISTER_MAPPING;
const api = simRegisterApi({ persons: loadSeededRegister(), oauth: { check: () => null } as unknown as Parameters<typeof simRegisterApi>[0]['oauth'] });
const get = (resource: 'residents' | 'household' | 'status', q: Record<string, string>, mapping: RegisterMapping = m): string => {
  const sim = mapping === m ? api : simRegisterApi({ persons: loadSeededRegister(), mapping, oauth: { check: () => null } as unknown as Parameters<typeof simRegisterApi>[0]['oauth'] });
  const url = new URL(`http://sim${mapping.resources[resource].path}?${new URLSearchParams(q).toString()}`);
  const a = sim.handle({ method: 'GET' } as http.IncomingMessage, url)!;
  expect(a.status).toBe(200);
  return JSON.stringify(a.body);
};

const person = (x: Partial<PersonDraft>): PersonDraft => ({
  relation: '本人', familyName: '', givenName: '', familyNameKana: '', givenNameKana: '', birthRaw: '', sex: '', healthInsurance: '不明', pension: '不明',
  careCertified: false, phone: '', myNumber: '', nationality: '', answers: {}, ...x,
});
const draft = (persons: PersonDraft[]): HouseholdDraft => ({ event: '死亡', dateRaw: '2', persons, postalCode: '', address: '', previousPostalCode: '', previousAddress: '', nextAddress: '' });

describe('the register\'s numbers and 本籍 fill the forms', () => {
  it('the simulator answers 本籍・筆頭者 and the systems\' numbers; the client reads them by the mapping', () => {
    const persons = checkPersons(get('household', { 住民票コード: '10000000008' }), 'household', m);
    expect(persons.ok && persons.value.map((p) => [p.name, p.honseki, p.hittousha])).toEqual([
      ['髙橋 正雄', '山梨県甲府市相生三丁目5番', '髙橋 正雄'],
      ['髙橋 トメ', '山梨県甲府市相生三丁目5番', '髙橋 正雄'],
    ]);
    const status = checkStatus(get('status', { 住民票コード: '10000000008' }), 'status', m);
    expect(status).toEqual({ ok: true, value: { residentCode: '10000000008', kouki: '被保険者', kaigo: '要介護2', nenkin: '老齢基礎年金受給者', koukiNumber: '19000108', kaigoNumber: '9000000108', basicPensionNumber: '9000100008' } });
    // a resident the register holds no 本籍 for (a foreign resident): the items are simply absent
    const foreign = checkPersons(get('residents', { 住民票コード: '10000000005' }), 'residents', m);
    expect(foreign.ok && foreign.value[0]!.honseki).toBeUndefined();
  });

  it('a city mapping without the optional items reads none; with its own names it reads them; a non-string is refused naming the item', () => {
    const { optionalItems: _o, statusNumbers: _s, ...bare } = m;
    expect(checkStatus(get('status', { 住民票コード: '10000000008' }), 'status', bare)).toEqual({ ok: true, value: { residentCode: '10000000008', kouki: '被保険者', kaigo: '要介護2', nenkin: '老齢基礎年金受給者' } });
    const own: RegisterMapping = { ...m, optionalItems: { honseki: '本籍地' }, statusNumbers: { basicPensionNumber: '年金_基礎年金番号' } };
    const p = checkPersons(get('household', { 住民票コード: '10000000008' }, own), 'household', own);
    expect(p.ok && p.value[0]!.honseki).toBe('山梨県甲府市相生三丁目5番');
    expect(p.ok && p.value[0]!.hittousha).toBeUndefined();
    const s = checkStatus(get('status', { 住民票コード: '10000000008' }, own), 'status', own);
    expect(s.ok && [s.value?.basicPensionNumber, s.value?.koukiNumber]).toEqual(['9000100008', undefined]);
    const broken = JSON.stringify({ データ: [{ 住民票コード: '10000000008', 基礎年金番号: 9000100008 }] });
    expect(checkStatus(broken, 'status', m)).toEqual({ ok: false, problem: { resource: 'status', record: 0, item: '基礎年金番号', problem: 'not-string' } });
  });

  it('registerAnswers: 本籍, 基礎年金番号, and 被保険者番号 only when the person has exactly one insurer\'s number', () => {
    expect(registerAnswers({ honseki: '山梨県甲府市相生三丁目5番', status: { basicPensionNumber: '9000100008', koukiNumber: '19000108', kaigoNumber: '9000000108' } })).toEqual({ 本籍: '山梨県甲府市相生三丁目5番', 基礎年金番号: '9000100008' });
    expect(registerAnswers({ status: { kokuhoNumber: '甲府123-4501' } })).toEqual({ 被保険者番号: '甲府123-4501' });
    expect(registerAnswers({})).toEqual({});
  });

  it('the forms of a person taken from the register read them (the register record kept on the person); the clerk\'s answers win', () => {
    const household = {
      persons: [
        { residentCode: '10000000008', householdNumber: '00001003', name: '髙橋 正雄', kana: 'タカハシ マサオ', birthDate: '1944-03-15', sexCode: '1', sex: '男', relationship: '世帯主', address: '山梨県甲府市相生三丁目5番6号', honseki: '山梨県甲府市相生三丁目5番' },
        { residentCode: '10000000009', householdNumber: '00001003', name: '髙橋 トメ', kana: 'タカハシ トメ', birthDate: '1947-07-07', sexCode: '2', sex: '女', relationship: '妻', address: '山梨県甲府市相生三丁目5番6号' },
      ],
      statuses: [{ residentCode: '10000000008', kouki: '被保険者', basicPensionNumber: '9000100008', koukiNumber: '19000108' }],
    };
    const d = householdFromRegister(draft([person({ birthRaw: 'S19.3.15', answers: { 本籍: '山梨県甲府市相生3番' } })]), '10000000008', household)!.draft;
    expect(d.persons[0]!.register?.honseki).toBe('山梨県甲府市相生三丁目5番');
    expect(d.persons[0]!.register?.status?.basicPensionNumber).toBe('9000100008');
    // and the forms of the deceased read them: 死亡届's 本籍, 未支給年金's and 葬祭費's numbers
    const forms = prefillCaseForms(d, ['koseki-shibou', 'nenkin-mishikyu', 'kouki-sousaihi']);
    expect(forms['koseki-shibou']!.honseki).toBe('山梨県甲府市相生3番');
    expect(forms['nenkin-mishikyu']!.basicPensionNumber).toBe('9000100008');
    expect(forms['kouki-sousaihi']!.insuredNumber).toBe('19000108');
  });
});
