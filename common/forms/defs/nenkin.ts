import type { FormDefinition } from '../form-definition';
import { a4, addressFields, applicantFields, bankFields, birthDateField, eventDateField, myNumberField, nameFields, options, SEX_OPTIONS } from '../fragments';

/** 国民年金 (第1号被保険者の届出は市区町村経由: 国民年金法 §12, 施行規則: 14日以内). */
export const kokuminNenkinHihokensha: FormDefinition = {
  id: 'kokumin-nenkin-hihokensha',
  version: 1,
  title: '国民年金 被保険者関係届書',
  gyomu: '国民年金',
  payloadKind: 'nenkin',
  print: a4({ person: '被保険者', details: '届出の内容' }),
  fields: [
    ...nameFields('applicant', 'person', '', '', 'katakana'),
    birthDateField('applicant', 'person'),
    { id: 'sex', label: '性別', kind: 'select', required: true, maxLength: 2, options: SEX_OPTIONS, bind: 'applicant.sex', item: '性別', print: { section: 'person', span: 2 } },
    { id: 'idType', label: '番号の種類', kind: 'select', required: true, maxLength: 10, options: options(['個人番号', '基礎年金番号']), item: '番号種別', print: { section: 'person', span: 3 } },
    { ...myNumberField('applicant', 'person', true), when: { field: 'idType', equals: '個人番号' } },
    { id: 'basicPensionNumber', label: '基礎年金番号', kind: 'text', required: true, maxLength: 12, when: { field: 'idType', equals: '基礎年金番号' }, item: '基礎年金番号', print: { section: 'person', span: 4 } },
    ...addressFields('address', '住所', 'person'),
    { id: 'phone', label: '電話番号', kind: 'phone', required: true, maxLength: 20, bind: 'applicant.phone', item: '連絡先電話番号', print: { section: 'person', span: 4 } },
    { id: 'notification', label: '届出の種類', kind: 'select', required: true, maxLength: 20, options: options(['資格取得', '種別変更（第1号へ）', '住所変更', '氏名変更']), item: '届出種別', print: { section: 'details', span: 6 } },
    eventDateField('occurredOn', '該当日', 'details'),
    { id: 'previousEmployer', label: '直前の勤務先（厚生年金等をやめた場合）', kind: 'text', required: false, maxLength: 60, when: { field: 'notification', in: ['資格取得', '種別変更（第1号へ）'] }, item: '前勤務先', print: { section: 'details', span: 6 } },
  ],
  rules: [
    { kind: 'notFuture', field: 'birthDate', message: '生年月日が未来の日付です。' },
    { kind: 'deadlineDays', field: 'occurredOn', days: 14, message: '該当日から14日を過ぎています（国民年金法施行規則）。届出は受け付けます。' },
  ],
};

/** 年金受給者が亡くなったとき: 未支給年金・未支払給付金請求書 (the city takes 国民年金 第1号 cases). */
export const nenkinMishikyu: FormDefinition = {
  id: 'nenkin-mishikyu',
  version: 2,
  title: '未支給年金・未支払給付金請求書',
  gyomu: '国民年金',
  payloadKind: 'nenkin',
  print: a4({ deceased: '亡くなった方', applicant: '請求者', bank: '振込先' }),
  fields: [
    ...nameFields('subject', 'deceased', 'deceased', '亡くなった方 '),
    birthDateField('subject', 'deceased', 'deceasedBirthDate', '亡くなった方 生年月日'),
    eventDateField('deathDate', '死亡日', 'deceased'),
    { id: 'basicPensionNumber', label: '亡くなった方の基礎年金番号', kind: 'text', required: true, maxLength: 12, item: '基礎年金番号', owner: 'subject', print: { section: 'deceased', span: 4 } },
    ...applicantFields('applicant', '請求者'),
    { id: 'claimantRelation', label: '亡くなった方との続柄', kind: 'select', required: true, maxLength: 10, options: options(['配偶者', '子', '父母', '孫', '祖父母', '兄弟姉妹', 'その他']), item: '続柄', print: { section: 'applicant', span: 4 } },
    ...bankFields('bank'),
  ],
  rules: [
    { kind: 'notFuture', field: 'deathDate', message: '死亡日が未来の日付です。' },
    { kind: 'dateNotAfter', field: 'deceasedBirthDate', other: 'deathDate', message: '死亡日が生年月日より前になっています。' },
  ],
};
