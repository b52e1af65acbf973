import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createAppServices } from '../../main/services/app-services';
import { signInServices } from '../support/sign-in';
import type { AppServices } from '../../main/services/app-services.types';
import type { VisitCaseView } from '../../common/contract/case-operations';
import { localIsoDate } from '../../main/services/local-date';
import { addDays } from '../../common/domain/age';
import { tempDir } from '../support/processes';

/** Visit cases: persisted encrypted, resumable after a restart, forms follow the persons, submitted in order. */
describe('visit cases', () => {
  const dataDir = tempDir('cases');
  let services: AppServices | null = null;
  const open = async () => {
    services = await createAppServices({ dataDir, host: 'browser', appVersion: '1', backendUrl: 'http://127.0.0.1:9', log: () => {} });
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
      { familyName: '\uFA10田', givenName: '一郎', familyNameKana: 'つかだ', givenNameKana: 'いちろう', birthDate: '1985-04-01', sex: '男' as const, relation: '本人' as const, healthInsurance: '国保' as const, pension: '国民年金' as const, careCertified: false, phone: '0312345678' },
      { familyName: '\uFA10田', givenName: '花子', familyNameKana: 'つかだ', givenNameKana: 'はなこ', birthDate: '2021-05-05', sex: '女' as const, relation: '子' as const, healthInsurance: '国保' as const, pension: 'なし' as const, careCertified: false },
    ],
  };
  let caseId = '';

  it('creates a case whose forms are filled from the household, names kept code point for code point', async () => {
    const s = await open();
    const r = await s.dispatch('createCase', { data });
    expect(r.ok).toBe(true);
    const v = (r as { value: VisitCaseView }).value;
    caseId = v.id;
    expect(v.procedures.map((p) => p.formId)).toContain('jidou-teate-nintei');
    const tennyu = v.forms.find((f) => f.formId === 'jumin-ido-tennyu')!;
    expect(tennyu.values['persons.0.familyName']).toBe('\uFA10田'); // not NFC-folded to 塚
    expect(tennyu.values['persons.1.givenName']).toBe('花子');
  });

  it('keeps personal data out of the database file in plaintext', () => {
    const raw = fs.readFileSync(path.join(dataDir, 'ichimado.db'));
    expect(raw.includes(Buffer.from('花子'))).toBe(false);
    expect(raw.includes(Buffer.from('つかだ'))).toBe(false);
  });

  it('survives a restart and updates every form when a person is edited; clerk answers are shared by data item', async () => {
    await services!.close();
    const s = await open();
    const list = await s.dispatch('listCases', { status: 'open' });
    expect(list.ok && (list.value as { items: { id: string }[] }).items.map((c) => c.id)).toContain(caseId);
    const before = (await s.dispatch('getCase', { caseId })) as { ok: true; value: VisitCaseView };
    const jidou = before.value.forms.find((f) => f.formId === 'jidou-teate-nintei')!;
    await s.dispatch('updateCase', { caseId, form: { key: jidou.key, values: { bankName: 'ちよだ銀行', 'children.0.livingTogether': '別居' }, confirm: false } });
    const persons = before.value.data.persons.map((p, i) => (i === 1 ? { ...p, givenName: '花\u{E0100}子' } : p));
    const r = (await s.dispatch('updateCase', { caseId, data: { ...before.value.data, persons } })) as { ok: true; value: VisitCaseView };
    for (const f of r.value.forms.filter((x) => x.formId !== 'jumin-ido-tennyu' || true)) {
      const keys = Object.keys(f.values).filter((k) => k.endsWith('givenName') && f.values[k]!.startsWith('花'));
      for (const k of keys) expect(f.values[k]).toBe('花\u{E0100}子'); // the IVS survived into every form
    }
    const j2 = r.value.forms.find((f) => f.formId === 'jidou-teate-nintei')!;
    expect(j2.values.bankName).toBe('ちよだ銀行');
    expect(j2.values['children.0.livingTogether']).toBe('別居');
  });

  it('submits confirmed forms as one application each, in case order', async () => {
    const s = services!;
    let v = ((await s.dispatch('getCase', { caseId })) as { ok: true; value: VisitCaseView }).value;
    const fills: Record<string, Record<string, string>> = {
      'jumin-ido-tennyu': { moveOutProof: '転出証明書' },
      'kokumin-nenkin-hihokensha': { idType: '基礎年金番号', basicPensionNumber: '1234567890' },
      'jidou-teate-nintei': { payeeAccount: '口座を記入する', branchName: '本店', accountType: '普通', accountNumber: '1234567', accountHolderKana: 'ツカダイチロウ' },
    };
    for (const f of v.forms) {
      const r = (await s.dispatch('updateCase', { caseId, form: { key: f.key, values: fills[f.formId] ?? {}, confirm: true } })) as { ok: true; value: VisitCaseView };
      v = r.value;
    }
    const unconfirmed = v.forms.filter((f) => !f.confirmed).map((f) => [f.formId, f.fieldErrors]);
    expect(unconfirmed).toEqual([]);
    const sub = (await s.dispatch('submitCase', { caseId })) as { ok: true; value: { applicationIds: string[] } };
    expect(sub.ok).toBe(true);
    expect(sub.value.applicationIds).toHaveLength(v.forms.length);
    const q = (await s.dispatch('listQueue', { caseId })) as { ok: true; value: { items: { id: string; formId: string }[] } };
    expect([...q.value.items].reverse().map((i) => i.formId)).toEqual(v.forms.map((f) => f.formId));
    const again = await s.dispatch('updateCase', { caseId, selection: {} });
    expect(again.ok).toBe(false); // a submitted case is closed for edits
    // the back end is unreachable: every form says 送信待ち (pending), not 送信済み
    const statuses = async () => ((await s.dispatch('getCase', { caseId })) as { ok: true; value: VisitCaseView }).value.forms.map((f) => f.applicationStatus);
    await expect.poll(statuses, { timeout: 10_000 }).toEqual(v.forms.map(() => 'pending'));
  });

  it('renders print HTML with every form and the summary sheet, and refuses unknown input', async () => {
    const s = services!;
    const r = (await s.dispatch('renderPrint', { caseId, target: 'all', format: 'html' })) as { ok: true; value: { content: string } };
    expect(r.value.content).toContain('住民異動届（転入）');
    expect(r.value.content).toContain('本日の手続きのご案内');
    expect(r.value.content).toContain('口座を記入する'); // the 児童手当's 受取口座 choice is printed
    expect(r.value.content).toContain('\uFA10田');
    expect(r.value.content).not.toContain('<script');
    expect((await s.dispatch('getCase', { caseId: '../x' })).ok).toBe(false);
    expect((await s.dispatch('createCase', { data: { ...data, persons: [{ ...data.persons[0], givenName: 'x'.repeat(41) }] } })).ok).toBe(false);
  });
});
