import type { FormDefinition } from '../form-definition';
import { a4, addressFields, applicantFields, birthDateField, eventDateField, myNumberField, nameFields, options, personRowFields, YES_NO, funeralExpensesForm } from '../fragments';

/**
 * 介護保険 (第1号被保険者 = 65歳以上; 介護保険法施行規則 §22–§32: 14 days) and
 * 後期高齢者医療 (75歳以上; 高齢者の医療の確保に関する法律施行規則: 14 days).
 */
export const kaigoShikakuIdo: FormDefinition = {
  id: 'kaigo-shikaku-ido',
  version: 1,
  title: '介護保険 資格取得・異動届',
  gyomu: '介護保険',
  payloadKind: 'kaigo',
  print: a4({ applicant: '届出人', details: '届出の内容', persons: '被保険者' }),
  fields: [
    ...applicantFields(),
    { id: 'notification', label: '届出の種類', kind: 'select', required: true, maxLength: 20, options: options(['資格取得（転入）', '資格取得（その他）', '住所変更', '氏名変更', '世帯変更']), item: '届出種別', print: { section: 'details', span: 6 } },
    eventDateField('occurredOn', '異動日', 'details'),
    ...addressFields('address', '住所', 'details'),
    { id: 'previousAddress', label: '前住所', kind: 'address', required: true, maxLength: 200, bind: 'household.previousAddress', when: { field: 'notification', in: ['資格取得（転入）', '住所変更'] }, item: '前住所', print: { section: 'details', span: 12 } },
    { id: 'certifiedBefore', label: '前住所地で要介護・要支援の認定を受けていたか', kind: 'select', required: true, maxLength: 4, options: YES_NO, when: { field: 'notification', equals: '資格取得（転入）' }, item: '前住所地認定有無', print: { section: 'details', span: 6 } },
    { id: 'certificateSubmitted', label: '受給資格証明書の提出', kind: 'select', required: true, maxLength: 4, options: YES_NO, when: { field: 'certifiedBefore', equals: 'はい' }, hint: '転入から14日以内の提出で前住所地の認定を引き継げます', item: '受給資格証明書提出', print: { section: 'details', span: 6 } },
  ],
  groups: [
    { id: 'persons', label: '被保険者', bind: 'persons', min: 1, max: 6, fields: personRowFields('persons', { myNumber: true }), rules: [], print: { section: 'persons' } },
  ],
  rules: [{ kind: 'deadlineDays', field: 'occurredOn', days: 14, message: '異動から14日を過ぎています（介護保険法施行規則）。届出は受け付けます。' }],
};

/** 資格喪失届 shared by 介護保険 and 後期高齢者医療: same items, different 業務. */
function soshitsu(id: string, title: string, gyomu: string, law: string): FormDefinition {
  return {
    id,
    version: 1,
    title,
    gyomu,
    payloadKind: id.split('-')[0],
    print: a4({ insured: '被保険者', applicant: '届出人' }),
    fields: [
      ...nameFields('subject', 'insured', 'insured', '被保険者 '),
      birthDateField('subject', 'insured', 'insuredBirthDate', '被保険者 生年月日'),
      { id: 'insuredNumber', label: '被保険者番号', kind: 'text', required: false, maxLength: 10, item: '被保険者番号', owner: 'subject', print: { section: 'insured', span: 4 } },
      { id: 'reason', label: '喪失の理由', kind: 'select', required: true, maxLength: 10, options: options(['死亡', '転出', 'その他']), item: '喪失事由', print: { section: 'insured', span: 4 } },
      eventDateField('lostOn', '喪失の理由が生じた日', 'insured'),
      { id: 'nextAddress', label: '転出先', kind: 'address', required: true, maxLength: 200, bind: 'household.nextAddress', when: { field: 'reason', equals: '転出' }, item: '転出先', print: { section: 'insured', span: 12 } },
      ...applicantFields(),
      { id: 'applicantRelation', label: '被保険者との関係', kind: 'select', required: true, maxLength: 10, options: options(['本人', '配偶者', '子', 'その他の親族', 'その他']), item: '届出人続柄', print: { section: 'applicant', span: 4 } },
    ],
    rules: [
      { kind: 'dateNotAfter', field: 'insuredBirthDate', other: 'lostOn', message: '喪失日が生年月日より前になっています。' },
      { kind: 'deadlineDays', field: 'lostOn', days: 14, message: `14日を過ぎています（${law}）。届出は受け付けます。` },
    ],
  };
}

export const kaigoShikakuSoshitsu = soshitsu('kaigo-shikaku-soshitsu', '介護保険 資格喪失届', '介護保険', '介護保険法施行規則');
export const koukiShikakuSoshitsu = soshitsu('kouki-shikaku-soshitsu', '後期高齢者医療 資格喪失届', '後期高齢者医療', '高齢者の医療の確保に関する法律施行規則');

export const koukiShikakuShutoku: FormDefinition = {
  id: 'kouki-shikaku-shutoku',
  version: 1,
  title: '後期高齢者医療 資格取得届',
  gyomu: '後期高齢者医療',
  payloadKind: 'kouki',
  print: a4({ insured: '被保険者', details: '届出の内容', applicant: '届出人' }),
  fields: [
    ...nameFields('applicant', 'insured', 'insured', '被保険者 '),
    birthDateField('applicant', 'insured', 'insuredBirthDate', '被保険者 生年月日'),
    { ...myNumberField('applicant', 'insured', false, 'insuredMyNumber') },
    { id: 'reason', label: '取得の理由', kind: 'select', required: true, maxLength: 20, options: options(['転入', '75歳到達', '障害認定', 'その他']), item: '取得事由', print: { section: 'details', span: 4 } },
    eventDateField('acquiredOn', '資格取得日', 'details'),
    ...addressFields('address', '住所', 'details'),
    { id: 'burdenCertificate', label: '負担区分等証明書の提出', kind: 'select', required: true, maxLength: 4, options: YES_NO, when: { field: 'reason', equals: '転入' }, hint: '前の広域連合が発行します', item: '負担区分等証明書提出', print: { section: 'details', span: 6 } },
    ...applicantFields(),
  ],
  rules: [{ kind: 'deadlineDays', field: 'acquiredOn', days: 14, message: '資格取得から14日を過ぎています。届出は受け付けます。' }],
};

export const koukiSousaihi: FormDefinition = funeralExpensesForm({ id: 'kouki-sousaihi', title: '後期高齢者医療 葬祭費支給申請書', gyomu: '後期高齢者医療', payloadKind: 'kouki-benefit', insuredNumberLabel: '被保険者番号', insuredNumberMax: 10 });
