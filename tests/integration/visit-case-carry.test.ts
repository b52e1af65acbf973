import { afterAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../../main/services/app-services';
import type { AppServices } from '../../main/services/app-services.types';
import type { VisitCaseView } from '../../common/contract/case-operations';
import { localIsoDate } from '../../main/services/local-date';
import { addDays } from '../../common/domain/age';
import { tempDir } from '../support/processes';
import { signInServices } from '../support/sign-in';

/**
 * Data entered once reaches every form of the case that asks for it about the same person: the 本人's
 * phone typed on one form fills the 届出人, 請求者 (児童手当), 保護者 (子ども医療費) and 世帯主 (国保) phone
 * of every other form, however each form labels that role.
 */
describe('a value typed once carries to every form of the same person', () => {
  let services: AppServices | null = null;
  afterAll(async () => services?.close());
  const today = localIsoDate();

  it('the 本人 phone typed on the 住民異動届 fills 児童手当 請求者, 子ども医療費 保護者 and 国保 世帯主', async () => {
    services = await createAppServices({ dataDir: tempDir('carry'), host: 'browser', appVersion: '1', backendUrl: 'http://127.0.0.1:9', log: () => {} });
    await signInServices(services);
    const s = services;
    const created = (await s.dispatch('createCase', {
      data: {
        event: '転入', date: addDays(today, -2),
        household: { address: '東京都千代田区千代田1-1', previousAddress: '大阪府大阪市北区1-1' },
        persons: [
          { familyName: '中川', givenName: '勇気', familyNameKana: 'なかがわ', givenNameKana: 'ゆうき', birthDate: '1985-04-01', sex: '男', relation: '本人', healthInsurance: '国保', pension: '国民年金', careCertified: false },
          { familyName: '中川', givenName: '花子', familyNameKana: 'なかがわ', givenNameKana: 'はなこ', birthDate: '2021-05-05', sex: '女', relation: '子', healthInsurance: '国保', pension: '不明', careCertified: false },
        ],
      },
    })) as { ok: true; value: VisitCaseView };
    expect(created.ok).toBe(true);
    const caseId = created.value.id;
    const tennyu = created.value.forms.find((f) => f.formId === 'jumin-ido-tennyu')!;
    const r = (await s.dispatch('updateCase', { caseId, form: { key: tennyu.key, values: { applicantPhone: '090-1234-5678' }, confirm: false } })) as { ok: true; value: VisitCaseView };
    expect(r.ok).toBe(true);
    const phoneOf = (formId: string) => r.value.forms.find((f) => f.formId === formId)?.values.applicantPhone;
    for (const formId of ['jidou-teate-nintei', 'kodomo-iryo-jukyu', 'kokuho-shikaku-shutoku']) {
      expect(r.value.forms.some((f) => f.formId === formId), formId).toBe(true);
      expect(phoneOf(formId), formId).toBe(phoneOf('jumin-ido-tennyu'));
    }
    expect(phoneOf('jumin-ido-tennyu')).toBe('090-1234-5678');
  });
});
