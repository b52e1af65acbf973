import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../../main/services/app-services';
import type { AppServices } from '../../main/services/app-services.types';
import type { VisitCaseView } from '../../common/contract/case-operations';
import type { OperationName } from '../../common/contract/operation-names';
import type { CaseContent } from '../../common/cases/visit-case';
import { DB_FILE_NAME, openStore } from '../../main/services/store/open-database';
import { VisitCaseRepository } from '../../main/services/store/visit-case-repository';
import { localIsoDate } from '../../main/services/local-date';
import { addDays } from '../../common/domain/age';
import { tempDir } from '../support/processes';
import { qrCardBack } from '../support/cards/qr-card';
import { signInServices } from '../support/sign-in';

/**
 * Issue 10, defects 1 and 2, through the services' dispatch as both bridges call it: a 個人番号 typed on
 * 藤井恵's 国民年金 届 stays hers and is never printed as 確認済み; a number read from her card's back is
 * recorded for her by the services' own record of the read, and printed as checked on her forms only;
 * a case stored by the previous version loads without handing one person's answer to another.
 */
const TYPED = '123456789018';
const ON_CARD = '537686677188';

describe('visit cases: one person’s 個人番号 stays theirs', () => {
  const dataDir = tempDir('case-persons');
  let services: AppServices | null = null;
  const open = async () => {
    services = await createAppServices({ dataDir, host: 'browser', appVersion: '1', backendUrl: 'http://127.0.0.1:9', log: () => {}, ocr: 'lazy' });
    await signInServices(services);
    return services;
  };
  afterAll(async () => services?.close());
  const today = localIsoDate();
  const data = {
    event: '転入' as const,
    date: addDays(today, -2),
    household: { address: '東京都千代田区千代田1-1', previousAddress: '大阪府大阪市北区1-1' },
    persons: [
      { relation: '本人' as const, familyName: '中川', givenName: '勇気', familyNameKana: 'なかがわ', givenNameKana: 'ゆうき', birthDate: addDays(today, -78 * 366), sex: '男' as const, healthInsurance: '後期高齢' as const, pension: '国民年金' as const, careCertified: false, phone: '0312345678' },
      { relation: 'その他' as const, familyName: '藤井', givenName: '恵', familyNameKana: 'ふじい', givenNameKana: 'めぐみ', birthDate: addDays(today, -36 * 366), sex: '女' as const, healthInsurance: '国保' as const, pension: 'なし' as const, careCertified: false },
      { relation: '子' as const, familyName: '中川', givenName: '翔', familyNameKana: 'なかがわ', givenNameKana: 'しょう', birthDate: addDays(today, -8 * 366), sex: '男' as const, healthInsurance: '国保' as const, pension: 'なし' as const, careCertified: false },
    ],
  };
  let caseId = '';
  const call = async <T,>(op: OperationName, input: unknown) => (await services!.dispatch(op, input)) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  const view = async (input: unknown) => {
    const r = await call<VisitCaseView>('updateCase', input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const html = async () => {
    const r = await call<{ content: string }>('renderPrint', { caseId, target: 'all', format: 'html' });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.content;
  };
  const formOf = (v: VisitCaseView, id: string) => v.forms.find((f) => f.formId === id)!;

  it('a number typed on 藤井恵’s 国民年金 届 fills her forms only and prints without 確認済み', async () => {
    const s = await open();
    const created = (await s.dispatch('createCase', { data })) as { ok: true; value: VisitCaseView };
    caseId = created.value.id;
    const nenkin = formOf(created.value, 'kokumin-nenkin-hihokensha');
    expect(nenkin.values.familyName).toBe('藤井');
    const v = await view({ caseId, form: { key: nenkin.key, values: { idType: '個人番号', myNumber: TYPED, phone: '09011112222' }, confirm: true } });
    expect(formOf(v, 'kokumin-nenkin-hihokensha').values.myNumber).toBe(TYPED);
    expect(formOf(v, 'kokumin-nenkin-hihokensha').owners.myNumber).toBe(1);
    expect(formOf(v, 'kouki-shikaku-shutoku').values.insuredMyNumber).toBeUndefined();
    expect(formOf(v, 'jidou-teate-nintei').values.applicantMyNumber).toBeUndefined();
    expect(formOf(v, 'jidou-teate-nintei').values.applicantPhone).toBe('0312345678');
    const printed = await html();
    expect(printed).toContain('＊＊＊＊＊＊＊＊9018');
    expect(printed).not.toContain('確認済み');
    // on her 国民年金 届 and her row of the 国保 届, nowhere else
    expect(printed.match(/9018/g)).toHaveLength(2);
  });

  it('a number read from her card’s back is recorded for her, from the services’ own read, and printed as checked', async () => {
    const read = await call<{ myNumber: string }>('readCard', { readId: 'back-fujii', image: (await qrCardBack(ON_CARD)).toString('base64'), side: 'back' });
    expect(read).toMatchObject({ ok: true, value: { myNumber: ON_CARD } });
    const v = await view({ caseId, cardMyNumber: { person: 1, readId: 'back-fujii' } });
    expect(v.data.persons[1]).toMatchObject({ myNumber: ON_CARD, myNumberSource: 'card-qr' });
    expect(v.data.persons[0]!.myNumber).toBeUndefined();
    expect(formOf(v, 'kokumin-nenkin-hihokensha').values.myNumber).toBe(ON_CARD);
    expect(formOf(v, 'kokumin-nenkin-hihokensha').verifiedMyNumbers).toEqual(['myNumber']);
    expect(formOf(v, 'kouki-shikaku-shutoku').values.insuredMyNumber).toBeUndefined();
    const printed = await html();
    expect(printed).toContain('＊＊＊＊＊＊＊＊7188<span class="sub">（カードで確認済み）</span>');
    expect(printed).not.toContain('9018'); // the typed number was superseded by the card's
    // a read is taken once; a read id the services never saw records nothing
    expect(await call('updateCase', { caseId, cardMyNumber: { person: 0, readId: 'back-fujii' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('updateCase', { caseId, cardMyNumber: { person: 0, readId: 'never-read' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('the screen cannot claim a card read; an edited number is a typed number again', async () => {
    const cur = ((await call<VisitCaseView>('getCase', { caseId })) as { ok: true; value: VisitCaseView }).value;
    const claim = cur.data.persons.map((p, i) => (i === 0 ? { ...p, myNumber: TYPED, myNumberSource: 'card-qr' } : p));
    expect(await call('updateCase', { caseId, data: { ...cur.data, persons: claim } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // the household step sends the persons without the source: hers is kept while her number is unchanged
    const plain = cur.data.persons.map((p) => {
      const { myNumberSource: _s, ...rest } = p;
      void _s;
      return rest;
    });
    let v = await view({ caseId, data: { ...cur.data, persons: plain.map((p, i) => (i === 0 ? { ...p, myNumber: TYPED } : p)) } });
    expect(v.data.persons[1]!.myNumberSource).toBe('card-qr');
    expect(v.data.persons[0]!.myNumberSource).toBeUndefined();
    expect(formOf(v, 'kouki-shikaku-shutoku').verifiedMyNumbers).toEqual([]);
    v = await view({ caseId, data: { ...cur.data, persons: plain.map((p, i) => (i === 1 ? { ...p, myNumber: '111111111118' } : p)) } });
    expect(v.data.persons[1]!.myNumberSource).toBeUndefined();
    expect(formOf(v, 'kokumin-nenkin-hihokensha').verifiedMyNumbers).toEqual([]);
    expect(await html()).not.toContain('確認済み');
  });

  it('loads a case stored by the previous version: an answer shown to two persons goes to neither, the rest to its person', async () => {
    await services!.close();
    services = null;
    // the content as version 1 stored it after the defect: the typed number shared by the whole case
    const v1: CaseContent = {
      data: { ...data, persons: data.persons.map((p, i) => (i === 2 ? { ...p, answers: { 同別居: '別居', 個人番号: '222222222226' } } : p)) },
      answers: { 個人番号: TYPED, 番号種別: '個人番号', 連絡先電話番号: '09011112222', 金融機関名: 'ちよだ銀行' },
      selection: {},
      confirmed: {},
      submitted: {},
    };
    const store = openStore(path.join(dataDir, DB_FILE_NAME));
    const repo = new VisitCaseRepository(store.db, store.cipher);
    const old = repo.create(v1); // written as given: version 1 content
    store.db.close();
    const s = await open();
    const r = (await s.dispatch('getCase', { caseId: old.id })) as { ok: true; value: VisitCaseView };
    const nenkin = formOf(r.value, 'kokumin-nenkin-hihokensha');
    // 個人番号 showed on 藤井恵's and on 中川勇気's forms: nobody can tell whose it was
    expect(nenkin.values.myNumber).toBeUndefined();
    expect(formOf(r.value, 'kouki-shikaku-shutoku').values.insuredMyNumber).toBeUndefined();
    expect(formOf(r.value, 'jidou-teate-nintei').values.applicantMyNumber).toBeUndefined();
    // answers that only one person's forms asked for are theirs
    expect(nenkin.values.idType).toBe('個人番号');
    expect(nenkin.values.phone).toBe('09011112222');
    expect(formOf(r.value, 'jidou-teate-nintei').values.bankName).toBe('ちよだ銀行');
    // the child's own answers, typed in a row of a group, stay the child's
    expect(formOf(r.value, 'jidou-teate-nintei').values['children.0.livingTogether']).toBe('別居');
    expect(formOf(r.value, 'kokuho-shikaku-shutoku').values['persons.1.myNumber']).toBe('222222222226');
    expect(formOf(r.value, 'kokuho-shikaku-shutoku').values['persons.0.myNumber']).toBe('');
  });
});
