import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyFormEdits, deriveCase, emptyCaseContent, mergeHouseholdUpdate, recordCardMyNumber, type CaseContent, type CaseFormState, type StoredPerson } from '../../common/cases/visit-case';
import { upgradeCaseContent } from '../../common/cases/case-upgrade';
import { okuyamiCase } from '../support/okuyami-case';
import { findForm } from '../../common/forms/registry';
import { applicantIndex } from '../../common/forms/bindings';
import { groupKey } from '../../common/forms/form-keys';
import type { FieldDef, FormDefinition } from '../../common/forms/form-definition';
import type { Relation } from '../../common/domain/household';
import { FormDefinitionError, loadFormDefinition } from '../../common/forms/form-schema';
import { juminIdoTenkyo } from '../../common/forms/jumin-ido-tenkyo';

/**
 * A value that belongs to one person (their 個人番号, phone, names, what the clerk typed on their form)
 * reaches the forms of that person only, and a 個人番号 counts as checked only when it was read from
 * that person's card.
 */
const TODAY = '2026-12-03';
const TYPED = '123456789018'; // a valid check digit, typed by hand (issue 10, defect 1)
const FROM_CARD = '537686677188';

function nakagawaFujii(): CaseContent {
  const c = emptyCaseContent(TODAY);
  c.data = {
    event: '転入',
    date: '2026-12-01',
    household: { address: '東京都千代田区千代田1-1', previousAddress: '大阪府大阪市北区1-1' },
    persons: [
      { relation: '本人', familyName: '中川', givenName: '勇気', familyNameKana: 'なかがわ', givenNameKana: 'ゆうき', birthDate: '1948-04-01', sex: '男', healthInsurance: '後期高齢', pension: '国民年金', careCertified: false, phone: '0312345678' },
      { relation: 'その他', familyName: '藤井', givenName: '恵', familyNameKana: 'ふじい', givenNameKana: 'めぐみ', birthDate: '1990-05-05', sex: '女', healthInsurance: '国保', pension: 'なし', careCertified: false },
      { relation: '子', familyName: '中川', givenName: '翔', familyNameKana: 'なかがわ', givenNameKana: 'しょう', birthDate: '2018-05-05', sex: '男', healthInsurance: '国保', pension: 'なし', careCertified: false },
    ],
  };
  return c;
}

const form = (c: CaseContent, id: string): CaseFormState => deriveCase(c, TODAY).forms.find((f) => f.formId === id)!;
const type = (c: CaseContent, f: CaseFormState, values: Record<string, string>): CaseContent => applyFormEdits(c, findForm(f.formId)!, f.persons, f.fromCase, values);
const holding = (c: CaseContent, digits: string) =>
  deriveCase(c, TODAY).forms.flatMap((f) => Object.entries(f.values).filter(([, v]) => v.replace(/\D/g, '') === digits).map(([k]) => `${f.formId}:${k}`));

describe('個人番号 typed on one person’s form (issue 10, defect 1)', () => {
  it('stays on 藤井恵’s forms: not on 中川勇気’s 後期高齢者医療 資格取得届 nor on the 児童手当 請求者', () => {
    let c = nakagawaFujii();
    const nenkin = form(c, 'kokumin-nenkin-hihokensha');
    expect(nenkin.persons).toEqual([1]);
    expect(nenkin.values.familyName).toBe('藤井');
    c = type(c, nenkin, { idType: '個人番号', myNumber: TYPED });
    expect(form(c, 'kokumin-nenkin-hihokensha').values.myNumber).toBe(TYPED);
    expect(form(c, 'kouki-shikaku-shutoku').values.insuredMyNumber).toBeUndefined();
    expect(form(c, 'jidou-teate-nintei').values.applicantMyNumber).toBeUndefined();
    // entered once for her, it reaches her other forms: her row of the 国保 資格取得届
    const kokuho = form(c, 'kokuho-shikaku-shutoku');
    expect(kokuho.persons).toEqual([1, 2]);
    expect(kokuho.values[groupKey('persons', 0, 'myNumber')]).toBe(TYPED);
    expect(kokuho.values[groupKey('persons', 1, 'myNumber')]).toBe('');
    expect(holding(c, TYPED).sort()).toEqual(['kokuho-shikaku-shutoku:persons.0.myNumber', 'kokumin-nenkin-hihokensha:myNumber']);
  });

  it('is never marked as checked; a number read from the person’s card is, on that person’s forms only', () => {
    let c = nakagawaFujii();
    c = type(c, form(c, 'kokumin-nenkin-hihokensha'), { idType: '個人番号', myNumber: TYPED });
    for (const f of deriveCase(c, TODAY).forms) expect(f.verifiedMyNumbers, f.formId).toEqual([]);
    // a number typed on the household step is typed too
    c = { ...c, data: { ...c.data, persons: c.data.persons.map((p, i) => (i === 0 ? { ...p, myNumber: FROM_CARD } : p)) } };
    expect(form(c, 'kouki-shikaku-shutoku').values.insuredMyNumber).toBe(FROM_CARD);
    expect(form(c, 'kouki-shikaku-shutoku').verifiedMyNumbers).toEqual([]);
    // 藤井恵’s card back read: her number replaces what was typed, and counts as checked on her forms
    c = recordCardMyNumber(c, 1, FROM_CARD, 'card-qr')!;
    const nenkin = form(c, 'kokumin-nenkin-hihokensha');
    expect(nenkin.values.myNumber).toBe(FROM_CARD);
    expect(nenkin.verifiedMyNumbers).toEqual(['myNumber']);
    expect(form(c, 'kokuho-shikaku-shutoku').verifiedMyNumbers).toEqual([groupKey('persons', 0, 'myNumber')]);
    // 中川勇気’s number was typed on the household step: not checked, although it is the same digits
    expect(form(c, 'kouki-shikaku-shutoku').verifiedMyNumbers).toEqual([]);
    expect(holding(c, TYPED)).toEqual([]);
  });

  it('refuses a card number with a wrong check digit and a person who does not exist', () => {
    const c = nakagawaFujii();
    expect(recordCardMyNumber(c, 1, '123456789012', 'card-qr')).toBeNull();
    expect(recordCardMyNumber(c, 7, FROM_CARD, 'card-qr')).toBeNull();
    expect(recordCardMyNumber(c, 1, FROM_CARD, 'card-qr')).not.toBeNull();
  });
});

describe('other per-person values stay with their person', () => {
  it('the 本人’s phone is not 藤井恵’s contact number; her phone typed once reaches her forms only', () => {
    let c = nakagawaFujii();
    const nenkin = form(c, 'kokumin-nenkin-hihokensha');
    expect(nenkin.values.phone).toBeUndefined();
    c = type(c, nenkin, { phone: '09011112222', idType: '基礎年金番号', basicPensionNumber: '1111222233' });
    expect(form(c, 'kokumin-nenkin-hihokensha').values.phone).toBe('09011112222');
    expect(form(c, 'jumin-ido-tennyu').values.applicantPhone).toBe('0312345678');
    expect(holding(c, '09011112222')).toEqual(['kokumin-nenkin-hihokensha:phone']);
  });

  it('what the 届出人 typed (振込先) reaches every form the same person files, and an account kana defaults to that person', () => {
    let c = nakagawaFujii();
    c = type(c, form(c, 'jidou-teate-nintei'), { payeeAccount: '口座を記入する', bankName: 'ちよだ銀行' });
    expect(form(c, 'jidou-teate-nintei').values.bankName).toBe('ちよだ銀行');
    expect(form(c, 'jidou-teate-nintei').values.accountHolderKana).toBe('ナカガワユウキ');
  });

  it('the household’s address and the event date still fill every form', () => {
    const c = nakagawaFujii();
    for (const f of deriveCase(c, TODAY).forms) {
      const def = findForm(f.formId)!;
      for (const x of def.fields) {
        if (x.bind === 'household.address') expect(f.values[x.id], `${f.formId}.${x.id}`).toBe('東京都千代田区千代田1-1');
        if (x.bind === 'event.date') expect(f.values[x.id], `${f.formId}.${x.id}`).toBe('2026-12-01');
      }
    }
  });
});

/**
 * Property: whatever the household and whatever the clerk types into whichever form, a value that
 * belongs to person A (their case data, or a marker typed into a field about A) never shows on a field
 * about person B. Whose a field is, is read off the form independently of the code under test: a group
 * row is its member's, `applicant.*` the 届出人's (the procedure's person on a one-person form), and an
 * unbound top-level field the 届出人's (the events drawn here have no subject).
 */
const RELATIONS: Relation[] = ['本人', '配偶者', '子', '父母', 'その他'];
const EVENTS = ['転入', '転居', '転出', '婚姻'] as const;

function personalForm(def: FormDefinition): boolean {
  return !(def.groups ?? []).some((g) => g.bind === 'persons') && def.fields.some((f) => f.bind?.startsWith('applicant.birthDate'));
}

/** Field key → the person index it is about (household / event fields are nobody's). */
function whoseFields(c: CaseContent, f: CaseFormState): Map<string, number> {
  const def = findForm(f.formId)!;
  const applicant = personalForm(def) && f.persons.length === 1 ? f.persons[0]! : applicantIndex(c.data);
  const out = new Map<string, number>();
  const top = (x: FieldDef) => !x.bind || x.bind.startsWith('applicant.');
  for (const x of def.fields) if (top(x)) out.set(x.id, applicant);
  for (const g of def.groups ?? []) {
    if (g.bind !== 'persons') continue;
    f.persons.slice(0, g.max).forEach((p, i) => {
      for (const x of g.fields) out.set(groupKey(g.id, i, x.id), p);
    });
  }
  return out;
}

const PERSON_TEXT_KEYS = ['familyName', 'givenName', 'familyNameKana', 'givenNameKana', 'phone', 'myNumber', 'nationality'] as const;

const arbPerson = (i: number) =>
  fc.record({
    relation: i === 0 ? fc.constant<Relation>('本人') : fc.constantFrom(...RELATIONS.filter((r) => r !== '本人')),
    birthYear: fc.integer({ min: 1935, max: 2024 }),
    healthInsurance: fc.constantFrom('国保', '社保', '後期高齢', 'なし', '不明' as const),
    pension: fc.constantFrom('国民年金', '厚生年金', 'なし', '不明' as const),
    careCertified: fc.boolean(),
    withPhone: fc.boolean(),
    withNumber: fc.boolean(),
  });

type PersonIn = { relation: Relation; birthYear: number; healthInsurance: StoredPerson['healthInsurance']; pension: StoredPerson['pension']; careCertified: boolean; withPhone: boolean; withNumber: boolean };

function caseOf(event: (typeof EVENTS)[number], people: readonly PersonIn[]): CaseContent {
  const c = emptyCaseContent(TODAY);
  const persons: StoredPerson[] = people.map((p, i) => ({
    relation: p.relation,
    familyName: `氏${i}`,
    givenName: `名${i}`,
    familyNameKana: `うじ${i}`,
    givenNameKana: `な${i}`,
    birthDate: `${p.birthYear}-0${(i % 9) + 1}-1${i}`,
    sex: i % 2 ? '女' : '男',
    healthInsurance: p.healthInsurance,
    pension: p.pension,
    careCertified: p.careCertified,
    ...(p.withPhone ? { phone: `0${i}0-0000-000${i}` } : {}),
    ...(p.withNumber ? { myNumber: `9000000000${i}0` } : {}),
    nationality: `国${i}`,
  }));
  c.data = { event, date: '2026-12-01', household: { address: '東京都千代田区千代田1-1', previousAddress: '大阪府大阪市北区1-1', nextAddress: '京都府京都市1-1' }, persons };
  return c;
}

describe('no per-person value of one person ever appears on a field about another (property)', () => {
  it('holds for random households and random edits on random forms', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EVENTS),
        fc.integer({ min: 2, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbPerson(i)))),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 12 }),
        (event, people, edits) => {
          let c = caseOf(event, people);
          const first = deriveCase(c, TODAY);
          if (first.problems.length > 0) return; // an inconsistent household has no forms
          for (const p of first.procedures) c.selection[p.key] = true;
          // marker → the person it was typed for
          const owner = new Map<string, number>();
          c.data.persons.forEach((p, i) => {
            for (const k of PERSON_TEXT_KEYS) if (p[k]) owner.set(p[k]!, i);
          });
          edits.forEach(([fi, ki, asNumber], n) => {
            const forms = deriveCase(c, TODAY).forms;
            if (forms.length === 0) return;
            const f = forms[fi % forms.length]!;
            const whose = whoseFields(c, f);
            const def = findForm(f.formId)!;
            const kindOf = (k: string) => [...def.fields, ...(def.groups ?? []).flatMap((g) => g.fields)].find((x) => x.id === (k.split('.')[2] ?? k))!.kind;
            const keys = [...whose.keys()].filter((k) => !f.fromCase.includes(k) && !['select', 'checkbox'].includes(kindOf(k)));
            if (keys.length === 0) return;
            const k = keys[ki % keys.length]!;
            const marker = asNumber ? `8${String(n).padStart(10, '0')}${whose.get(k)}` : `印${n}の${whose.get(k)}`;
            owner.set(marker, whose.get(k)!);
            c = applyFormEdits(c, def, f.persons, f.fromCase, { [k]: marker });
          });
          for (const f of deriveCase(c, TODAY).forms) {
            for (const [k, person] of whoseFields(c, f)) {
              const v = f.values[k];
              if (v === undefined || !owner.has(v)) continue;
              expect({ form: f.formId, field: k, about: person, from: owner.get(v) }).toEqual({ form: f.formId, field: k, about: person, from: person });
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a household saved again keeps each person’s own facts', () => {
  it('keeps a card-read source while the number is unchanged, drops it when edited, and never takes it from the screen', () => {
    let c = recordCardMyNumber(nakagawaFujii(), 1, FROM_CARD, 'card-qr')!;
    const sent = c.data.persons.map((p) => ({ ...p, answers: { 'person.myNumber': '999999999999' } }));
    let merged = mergeHouseholdUpdate(c.data, { ...c.data, persons: sent });
    expect(merged.persons[1]).toMatchObject({ myNumber: FROM_CARD, myNumberSource: 'card-qr' });
    expect(merged.persons[1]!.answers).toEqual(c.data.persons[1]!.answers ?? {}); // answers come from the stored person, not the screen
    merged = mergeHouseholdUpdate(c.data, { ...c.data, persons: c.data.persons.map((p, i) => (i === 1 ? { ...p, myNumber: TYPED } : i === 0 ? { ...p, myNumber: TYPED, myNumberSource: 'card-qr' as const } : p)) });
    expect(merged.persons[1]!.myNumberSource).toBeUndefined();
    expect(merged.persons[0]!.myNumberSource).toBeUndefined();
    c = { ...c, data: merged };
    expect(deriveCase(c, TODAY).forms.flatMap((f) => f.verifiedMyNumbers)).toEqual([]);
  });

  it('removing one of twins does not hand the other one their answers', () => {
    let c = nakagawaFujii();
    const twin = { relation: '子' as const, familyName: '中川', familyNameKana: 'なかがわ', birthDate: '2018-05-05', sex: '女' as const, healthInsurance: '国保' as const, pension: 'なし' as const, careCertified: false };
    c.data = { ...c.data, persons: [...c.data.persons, { ...twin, givenName: '凛', givenNameKana: 'りん' }] };
    const [sho, rin] = deriveCase(c, TODAY).forms.filter((f) => f.formId === 'shugaku-tennyugaku');
    expect([sho!.persons, rin!.persons]).toEqual([[2], [3]]);
    c = type(c, sho!, { 'children.0.previousSchool': '北小学校' });
    c = type(c, rin!, { 'children.0.previousSchool': '南小学校' });
    // the clerk removes 翔 (index 2): 凛 keeps her own school
    const after = mergeHouseholdUpdate(c.data, { ...c.data, persons: c.data.persons.filter((_, i) => i !== 2) });
    expect(after.persons[2]!.givenName).toBe('凛');
    expect(after.persons[2]!.answers).toEqual({ 前在籍校: '南小学校' });
  });
});

describe('the deceased’s own items (FieldDef.owner)', () => {
  it('未支給年金: the deceased’s 基礎年金番号 is kept on the deceased, the 請求者’s 振込先 on the 請求者', () => {
    let c = okuyamiCase(TODAY);
    const f = form(c, 'nenkin-mishikyu');
    expect(f.owners).toMatchObject({ basicPensionNumber: 0, deceasedFamilyName: 0, applicantFamilyName: 1, bankName: 1 });
    c = type(c, f, { basicPensionNumber: '1234567890', bankName: 'ちよだ銀行' });
    expect(c.data.persons[0]!.answers).toEqual({ 基礎年金番号: '1234567890' });
    expect(c.data.persons[1]!.answers).toEqual({ 金融機関名: 'ちよだ銀行' });
    expect(form(c, 'kouki-sousaihi').values.bankName).toBe('ちよだ銀行'); // the same 申請者’s account, typed once
  });

  it('a definition may name the owner of unbound top-level fields only', () => {
    const def = JSON.parse(JSON.stringify(juminIdoTenkyo)) as { fields: { owner?: string }[] };
    def.fields[0]!.owner = 'subject';
    expect(() => loadFormDefinition(def)).toThrow(FormDefinitionError);
    expect(() => loadFormDefinition(def)).toThrow(/owner/);
  });
});

describe('content stored by version 1', () => {
  it('gives a top-level answer to the one person whose forms showed it, to nobody when two persons’ did', () => {
    const v1 = nakagawaFujii();
    delete v1.version;
    v1.answers = { 個人番号: TYPED, 番号種別: '個人番号', 金融機関名: 'ちよだ銀行', 転出証明区分: '転出証明書' };
    v1.data = { ...v1.data, persons: v1.data.persons.map((p, i) => (i === 2 ? { ...p, answers: { 同別居: '別居', 個人番号: '222222222226' } } : p)) };
    const c = upgradeCaseContent(v1, TODAY);
    expect(c.version).toBe(2);
    // unbound answers of a form are its 届出人's: the 本人 filed the 児童手当 and the 住民異動届
    expect(c.data.persons[0]!.answers).toEqual({ 金融機関名: 'ちよだ銀行', 転出証明区分: '転出証明書' });
    expect(c.data.persons[1]!.answers).toEqual({ 番号種別: '個人番号' });
    expect(c.data.persons[2]!.answers).toEqual({ 同別居: '別居', 'person.myNumber': '222222222226' });
    expect(holding(c, TYPED)).toEqual([]);
    expect(form(c, 'jumin-ido-tennyu').values.moveOutProof).toBe('転出証明書');
    expect(upgradeCaseContent(c, TODAY)).toBe(c);
  });
});
