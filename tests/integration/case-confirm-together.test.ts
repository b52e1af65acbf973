import { afterAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../../main/services/app-services';
import { signInServices } from '../support/sign-in';
import type { AppServices } from '../../main/services/app-services.types';
import type { VisitCaseView } from '../../common/contract/case-operations';
import { localIsoDate } from '../../main/services/local-date';
import { addDays } from '../../common/domain/age';
import { tempDir } from '../support/processes';

/** まとめて確認: several forms confirmed by one update of the case (one action of the clerk, one transaction). */
describe('confirming several forms at once', () => {
  const dataDir = tempDir('cases-together');
  let services: AppServices | null = null;
  afterAll(async () => services?.close());
  const today = localIsoDate();
  const data = {
    event: '転入' as const,
    date: addDays(today, -2),
    household: { address: '東京都千代田区千代田1-1', previousAddress: '大阪府大阪市北区中之島1-1' },
    persons: [
      { familyName: '森', givenName: '一郎', familyNameKana: 'もり', givenNameKana: 'いちろう', birthDate: '1985-04-01', sex: '男' as const, relation: '本人' as const, healthInsurance: '社保' as const, pension: '厚生年金' as const, careCertified: false, phone: '0312345678' },
      { familyName: '森', givenName: '花子', familyNameKana: 'もり', givenNameKana: 'はなこ', birthDate: '2019-05-05', sex: '女' as const, relation: '子' as const, healthInsurance: '社保' as const, pension: 'なし' as const, careCertified: false },
    ],
  };
  const view = (r: unknown) => (r as { ok: true; value: VisitCaseView }).value;

  it('confirms every form whose answers are complete, and keeps one still missing an answer unconfirmed', async () => {
    services = await createAppServices({ dataDir, host: 'browser', appVersion: '1', backendUrl: 'http://127.0.0.1:9', log: () => {} });
    await signInServices(services);
    const s = services;
    const created = view(await s.dispatch('createCase', { data }));
    const caseId = created.id;
    const required = created.procedures.filter((p) => p.required);
    let v = view(await s.dispatch('updateCase', { caseId, selection: Object.fromEntries(required.map((p) => [p.key, true])) }));
    const keyOf = (formId: string) => v.forms.find((f) => f.formId === formId)!.key;
    expect(v.forms.length).toBeGreaterThanOrEqual(3);
    const answers: Record<string, Record<string, string>> = {
      'jumin-ido-tennyu': { moveOutProof: '転出証明書' },
      'jidou-teate-nintei': { payeeAccount: '公金受取口座' },
      'kodomo-iryo-jukyu': { insurerName: '協会けんぽ' },
      'shugaku-tennyugaku': { 'children.0.previousSchool': '大阪市立北小学校' },
    };
    // every form but the 住民異動届 gets its answer
    const forms = v.forms.map((f) => ({ key: f.key, values: f.formId === 'jumin-ido-tennyu' ? {} : answers[f.formId] ?? {}, confirm: true }));
    v = view(await s.dispatch('updateCase', { caseId, forms }));
    expect(v.forms.filter((f) => !f.confirmed).map((f) => f.formId)).toEqual(['jumin-ido-tennyu']);
    expect(v.forms.find((f) => f.formId === 'kodomo-iryo-jukyu')!.values.insurerName).toBe('協会けんぽ');
    // the one left: answered and confirmed together again
    v = view(await s.dispatch('updateCase', { caseId, forms: [{ key: keyOf('jumin-ido-tennyu'), values: answers['jumin-ido-tennyu']!, confirm: true }] }));
    expect(v.forms.every((f) => f.confirmed)).toBe(true);
  });

  it('keeps nothing of an update naming a form the case does not have', async () => {
    const s = services!;
    const created = view(await s.dispatch('createCase', { data }));
    const caseId = created.id;
    const v = view(await s.dispatch('updateCase', { caseId, selection: Object.fromEntries(created.procedures.filter((p) => p.required).map((p) => [p.key, true])) }));
    const tennyu = v.forms.find((f) => f.formId === 'jumin-ido-tennyu')!;
    const r = await s.dispatch('updateCase', { caseId, forms: [{ key: tennyu.key, values: { moveOutProof: '転出証明書' }, confirm: true }, { key: 'no-such-form', values: {}, confirm: true }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const after = view(await s.dispatch('getCase', { caseId }));
    const t2 = after.forms.find((f) => f.key === tennyu.key)!;
    expect(t2.confirmed).toBe(false);
    expect(t2.values.moveOutProof ?? '').toBe('');
  });
});
