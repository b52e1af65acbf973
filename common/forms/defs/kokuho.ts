import type { FormDefinition, GroupDef } from '../form-definition';
import { a4, addressFields, applicantFields, EMPLOYER_INSURER_PICKS, eventDateField, options, personRowFields, funeralExpensesForm } from '../fragments';

/**
 * 国民健康保険 (国民健康保険法 §9, 施行規則 §2–§3: 14 days). The 世帯主 reports for the household;
 * one form lists every person whose 資格 changes.
 */
const SECTIONS = { applicant: '世帯主（届出人）', address: '住所', details: '届出の内容', persons: '対象となる人' };

function insured(min = 1): GroupDef {
  return {
    id: 'persons', label: '対象となる人', bind: 'persons', min, max: 10,
    fields: [...personRowFields('persons', { myNumber: true })],
    rules: [{ kind: 'notFuture', field: 'birthDate', message: '生年月日が未来の日付です。' }],
    print: { section: 'persons' },
  };
}

export const kokuhoShikakuShutoku: FormDefinition = {
  id: 'kokuho-shikaku-shutoku',
  version: 1,
  title: '国民健康保険 資格取得届',
  gyomu: '国民健康保険',
  payloadKind: 'kokuho',
  print: a4(SECTIONS),
  fields: [
    ...applicantFields('applicant', '世帯主'),
    ...addressFields('address', '住所', 'address'),
    eventDateField('acquiredOn', '資格取得日', 'details'),
    { id: 'reason', label: '取得の理由', kind: 'select', required: true, maxLength: 20, options: options(['転入', '職場の健康保険をやめた', '出生', '生活保護の廃止', 'その他']), item: '取得事由', print: { section: 'details', span: 6 } },
    { id: 'previousInsurer', label: 'やめた健康保険の名称', kind: 'text', required: true, maxLength: 60, suggestions: EMPLOYER_INSURER_PICKS, when: { field: 'reason', equals: '職場の健康保険をやめた' }, item: '前保険者名', print: { section: 'details', span: 6 } },
    { id: 'previousLostOn', label: 'やめた健康保険の資格喪失日', kind: 'date', required: true, maxLength: 20, when: { field: 'reason', equals: '職場の健康保険をやめた' }, item: '前保険資格喪失日', print: { section: 'details', span: 6 } },
  ],
  groups: [insured()],
  rules: [{ kind: 'deadlineDays', field: 'acquiredOn', days: 14, message: '資格取得から14日を過ぎています（国民健康保険法施行規則第2条）。保険料はさかのぼって計算されます。' }],
};

export const kokuhoShikakuSoshitsu: FormDefinition = {
  id: 'kokuho-shikaku-soshitsu',
  version: 1,
  title: '国民健康保険 資格喪失届',
  gyomu: '国民健康保険',
  payloadKind: 'kokuho',
  print: a4(SECTIONS),
  fields: [
    ...applicantFields('applicant', '世帯主（届出人）'),
    ...addressFields('address', '住所', 'address'),
    eventDateField('lostOn', '資格喪失の理由が生じた日', 'details'),
    { id: 'reason', label: '喪失の理由', kind: 'select', required: true, maxLength: 20, options: options(['職場の健康保険に加入', '転出', '死亡', '後期高齢者医療へ移行', '生活保護の開始', 'その他']), item: '喪失事由', print: { section: 'details', span: 6 } },
    { id: 'newInsurer', label: '加入した健康保険の名称', kind: 'text', required: true, maxLength: 60, suggestions: EMPLOYER_INSURER_PICKS, when: { field: 'reason', equals: '職場の健康保険に加入' }, item: '新保険者名', print: { section: 'details', span: 6 } },
    { id: 'newInsuranceNumber', label: '加入した健康保険の記号・番号', kind: 'text', required: true, maxLength: 40, when: { field: 'reason', equals: '職場の健康保険に加入' }, item: '新保険記号番号', print: { section: 'details', span: 6 } },
  ],
  groups: [insured()],
  rules: [{ kind: 'deadlineDays', field: 'lostOn', days: 14, message: '喪失の理由が生じてから14日を過ぎています（国民健康保険法施行規則第3条）。' }],
};

export const kokuhoHenko: FormDefinition = {
  id: 'kokuho-henko',
  version: 1,
  title: '国民健康保険 記載事項変更届',
  gyomu: '国民健康保険',
  payloadKind: 'kokuho',
  print: a4(SECTIONS),
  fields: [
    ...applicantFields('applicant', '世帯主'),
    eventDateField('changedOn', '変更日', 'details'),
    { id: 'changeKind', label: '変更の内容', kind: 'select', required: true, maxLength: 20, options: options(['住所', '氏名', '世帯主', '世帯の構成']), item: '変更事由', print: { section: 'details', span: 6 } },
    ...addressFields('address', '新住所', 'address'),
    ...addressFields('previousAddress', '旧住所', 'address', false),
  ],
  groups: [insured()],
  rules: [{ kind: 'deadlineDays', field: 'changedOn', days: 14, message: '変更から14日を過ぎています（国民健康保険法施行規則第10条の2）。' }],
};

export const kokuhoSousaihi: FormDefinition = funeralExpensesForm({ id: 'kokuho-sousaihi', title: '国民健康保険 葬祭費支給申請書', gyomu: '国民健康保険', payloadKind: 'kokuho-benefit', insuredNumberLabel: '被保険者証の記号・番号', insuredNumberMax: 20 });
