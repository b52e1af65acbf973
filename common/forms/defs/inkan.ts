import type { FormDefinition } from '../form-definition';
import { a4, addressFields, applicantFields, birthDateField, nameFields, options } from '../fragments';

/** 印鑑登録 (each city's 印鑑条例; the 業務 is standardized as 印鑑登録). */
export const inkanToroku: FormDefinition = {
  id: 'inkan-toroku',
  version: 1,
  title: '印鑑登録申請書',
  gyomu: '印鑑登録',
  payloadKind: 'inkan',
  print: a4({ registrant: '登録する人', check: '本人確認', guarantor: '保証人' }),
  fields: [
    ...nameFields('applicant', 'registrant'),
    birthDateField('applicant', 'registrant'),
    ...addressFields('address', '住所', 'registrant'),
    { id: 'phone', label: '電話番号', kind: 'phone', required: true, maxLength: 20, bind: 'applicant.phone', item: '連絡先電話番号', print: { section: 'registrant', span: 4 } },
    {
      id: 'identityCheck', label: '本人確認の方法', kind: 'select', required: true, maxLength: 40,
      options: options(['官公署発行の顔写真付き証明書（即日登録）', '保証人（即日登録）', '照会書による確認']),
      item: '本人確認方法', print: { section: 'check', span: 12 },
    },
    { id: 'guarantorName', label: '保証人 氏名', kind: 'name', required: true, maxLength: 80, when: { field: 'identityCheck', equals: '保証人（即日登録）' }, item: '保証人_氏名', print: { section: 'guarantor', span: 6 } },
    { id: 'guarantorRegistrationNumber', label: '保証人の印鑑登録番号', kind: 'text', required: true, maxLength: 20, when: { field: 'identityCheck', equals: '保証人（即日登録）' }, item: '保証人_登録番号', print: { section: 'guarantor', span: 6 } },
  ],
  rules: [{ kind: 'notFuture', field: 'birthDate', message: '生年月日が未来の日付です。' }],
};

/** 印鑑登録廃止: by the registrant, or for a deceased registrant (死亡で登録は消除; 登録証を返す). */
export const inkanHaishi: FormDefinition = {
  id: 'inkan-haishi',
  version: 1,
  title: '印鑑登録廃止申請書',
  gyomu: '印鑑登録',
  payloadKind: 'inkan',
  print: a4({ registrant: '登録している人', applicant: '届出人' }),
  fields: [
    ...nameFields('subject', 'registrant', 'registrant', '登録者 '),
    birthDateField('subject', 'registrant', 'registrantBirthDate', '登録者 生年月日'),
    { id: 'registrationNumber', label: '印鑑登録番号', kind: 'text', required: false, maxLength: 20, item: '印鑑登録番号', owner: 'subject', print: { section: 'registrant', span: 4 } },
    { id: 'reason', label: '廃止の理由', kind: 'select', required: true, maxLength: 20, options: options(['死亡', '登録証の紛失', '登録印の変更', 'その他']), item: '廃止事由', print: { section: 'registrant', span: 4 } },
    ...applicantFields(),
  ],
  rules: [],
};
