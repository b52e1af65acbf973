import type { FieldDef, FormDefinition, GroupDef } from '../form-definition';
import { a4, addressFields, applicantFields, eventDateField, myNumberField, nameFields, birthDateField, options, personRowFields } from '../fragments';

/**
 * 住民異動届 for a whole household (住民基本台帳法 §22–25), one form per kind of 異動, each listing
 * every person who moves. Items follow the law's list; no national layout exists, so the print
 * layout is the common one: 届出人, 住所, 世帯主, then one row per person.
 */
const SECTIONS = { applicant: '届出人', address: '住所', household: '世帯主', persons: '異動する人' };

const headFields: FieldDef[] = [
  { id: 'headFamilyName', label: '世帯主 氏', kind: 'name', required: true, maxLength: 40, bind: 'household.headFamilyName', item: '世帯主_氏', print: { section: 'household', span: 3 } },
  { id: 'headGivenName', label: '世帯主 名', kind: 'name', required: true, maxLength: 40, bind: 'household.headGivenName', item: '世帯主_名', print: { section: 'household', span: 3 } },
];

function movers(extra: FieldDef[] = [], rules: GroupDef['rules'] = []): GroupDef {
  return {
    id: 'persons',
    label: '異動する人',
    bind: 'persons',
    min: 1,
    max: 10,
    fields: [...personRowFields('persons'), ...extra],
    rules: [{ kind: 'notFuture', field: 'birthDate', message: '生年月日が未来の日付です。' }, ...rules],
    print: { section: 'persons' },
  };
}

const bornBeforeMove = { kind: 'dateNotAfter', field: 'birthDate', other: 'moveDate', message: '異動日が生年月日より前になっています。' } as const;

export const juminIdoTennyu: FormDefinition = {
  id: 'jumin-ido-tennyu',
  version: 1,
  title: '住民異動届（転入）',
  gyomu: '住民基本台帳',
  payloadKind: 'jumin-ido',
  print: a4(SECTIONS),
  fields: [
    ...applicantFields(),
    eventDateField('moveDate', '転入した日', 'address'),
    ...addressFields('address', '新住所', 'address'),
    { id: 'origin', label: '転入前の住所（国内・国外）', kind: 'select', required: true, maxLength: 10, options: options(['国内', '国外']), item: '転入元区分', print: { section: 'address', span: 2 } },
    { id: 'previousPostalCode', label: '従前の住所の郵便番号', kind: 'postalCode', required: false, maxLength: 10, bind: 'household.previousPostalCode', when: { field: 'origin', equals: '国内' }, item: '従前の住所_郵便番号', print: { section: 'address', span: 3 } },
    { id: 'previousAddress', label: '従前の住所', kind: 'address', required: true, maxLength: 200, bind: 'household.previousAddress', item: '従前の住所', print: { section: 'address', span: 9 } },
    { id: 'moveOutProof', label: '転出の確認', kind: 'select', required: true, maxLength: 20, when: { field: 'origin', equals: '国内' }, options: options(['転出証明書', 'マイナンバーカード（転出届の特例）']), item: '転出証明区分', print: { section: 'address', span: 4 } },
    ...headFields,
  ],
  groups: [
    movers(
      [
        { id: 'juminhyoCode', label: '転入前の住民票コード', kind: 'text', required: false, maxLength: 11, item: '住民票コード', print: { section: 'persons', span: 3 } },
        { id: 'nationality', label: '国籍・地域（外国籍の方）', kind: 'text', required: false, maxLength: 40, bind: 'person.nationality', item: '国籍・地域', print: { section: 'persons', span: 3 } },
        { id: 'residenceStatus', label: '在留資格', kind: 'text', required: true, maxLength: 40, when: { field: 'nationality', notEmpty: true }, item: '在留資格', print: { section: 'persons', span: 3 } },
        { id: 'residenceCardNumber', label: '在留カード番号', kind: 'text', required: true, maxLength: 12, when: { field: 'nationality', notEmpty: true }, item: '在留カード等番号', print: { section: 'persons', span: 3 } },
        { id: 'residencePeriodEnd', label: '在留期間の満了日', kind: 'date', required: true, maxLength: 20, when: { field: 'nationality', notEmpty: true }, item: '在留期間等の満了の日', print: { section: 'persons', span: 3 } },
      ],
      [bornBeforeMove],
    ),
  ],
  rules: [
    { kind: 'notFuture', field: 'moveDate', message: '転入届は転入した後に届け出ます。未来の日付は入力できません。' },
    { kind: 'different', field: 'address', other: 'previousAddress', message: '新住所と従前の住所が同じです。' },
    { kind: 'deadlineDays', field: 'moveDate', days: 14, message: '転入から14日を過ぎています（住民基本台帳法第22条）。届出は受け付けますが、遅延理由を確認してください。' },
  ],
};

export const juminIdoTenshutsu: FormDefinition = {
  id: 'jumin-ido-tenshutsu',
  version: 1,
  title: '住民異動届（転出）',
  gyomu: '住民基本台帳',
  payloadKind: 'jumin-ido',
  print: a4(SECTIONS),
  fields: [
    ...applicantFields(),
    eventDateField('moveDate', '転出（予定）日', 'address'),
    ...addressFields('address', '現住所', 'address'),
    ...addressFields('nextAddress', '転出先', 'address'),
    { id: 'method', label: '転出の方法', kind: 'select', required: true, maxLength: 30, options: options(['転出証明書の交付', 'マイナンバーカードによる転出（特例）']), item: '転出方法', print: { section: 'address', span: 6 } },
    ...headFields,
  ],
  groups: [movers()],
  rules: [
    { kind: 'different', field: 'address', other: 'nextAddress', message: '転出先が現住所と同じです。' },
    { kind: 'deadlineDays', field: 'moveDate', days: 14, message: '転出から14日を過ぎています（住民基本台帳法第24条）。届出は受け付けますが、遅延理由を確認してください。' },
  ],
};

export const juminIdoTenkyoSetai: FormDefinition = {
  id: 'jumin-ido-tenkyo-setai',
  version: 1,
  title: '住民異動届（転居・世帯）',
  gyomu: '住民基本台帳',
  payloadKind: 'jumin-ido',
  print: a4(SECTIONS),
  fields: [
    ...applicantFields(),
    eventDateField('moveDate', '転居した日', 'address'),
    ...addressFields('address', '新住所', 'address'),
    ...addressFields('previousAddress', '旧住所', 'address'),
    ...headFields,
  ],
  groups: [movers([], [bornBeforeMove])],
  rules: [
    { kind: 'notFuture', field: 'moveDate', message: '転居届は転居した後に届け出ます。未来の日付は入力できません。' },
    { kind: 'different', field: 'address', other: 'previousAddress', message: '新住所と旧住所が同じです。' },
    { kind: 'deadlineDays', field: 'moveDate', days: 14, message: '転居から14日を過ぎています（住民基本台帳法第23条）。届出は受け付けますが、遅延理由を確認してください。' },
  ],
};

export const juminIdoSetaiHenko: FormDefinition = {
  id: 'jumin-ido-setai-henko',
  version: 1,
  title: '住民異動届（世帯変更）',
  gyomu: '住民基本台帳',
  payloadKind: 'jumin-ido',
  print: a4(SECTIONS),
  fields: [
    ...applicantFields(),
    eventDateField('changeDate', '異動日', 'address'),
    ...addressFields('address', '住所', 'address'),
    { id: 'changeKind', label: '異動の種類', kind: 'select', required: true, maxLength: 20, options: options(['世帯主変更', '世帯合併', '世帯分離', '世帯構成変更']), item: '異動事由', print: { section: 'household', span: 4 } },
    { id: 'previousHeadName', label: '変更前の世帯主 氏名', kind: 'name', required: true, maxLength: 80, when: { field: 'changeKind', in: ['世帯主変更', '世帯合併'] }, item: '変更前世帯主_氏名', print: { section: 'household', span: 4 } },
    ...headFields,
  ],
  groups: [movers()],
  rules: [
    { kind: 'notFuture', field: 'changeDate', message: '異動日が未来の日付です。' },
    { kind: 'deadlineDays', field: 'changeDate', days: 14, message: '異動から14日を過ぎています（住民基本台帳法第25条）。届出は受け付けますが、遅延理由を確認してください。' },
  ],
};

export const juminhyoKoufu: FormDefinition = {
  id: 'juminhyo-koufu',
  version: 1,
  title: '住民票の写し等交付請求書',
  gyomu: '住民基本台帳',
  payloadKind: 'certificate-request',
  print: a4({ applicant: '請求者', request: '請求の内容', persons: '必要な人' }),
  fields: [
    ...applicantFields('applicant', '請求者'),
    ...addressFields('address', '請求者の住所', 'applicant'),
    { id: 'certificate', label: '証明書の種類', kind: 'select', required: true, maxLength: 30, options: options(['住民票の写し', '住民票記載事項証明書', '除票の写し']), item: '証明書種別', print: { section: 'request', span: 4 } },
    { id: 'scope', label: '範囲', kind: 'select', required: true, maxLength: 10, options: options(['世帯全員', '一部']), item: '請求範囲', print: { section: 'request', span: 2 } },
    { id: 'copies', label: '通数', kind: 'select', required: true, maxLength: 2, options: options(['1', '2', '3', '4', '5']), item: '通数', print: { section: 'request', span: 2 } },
    { id: 'withHead', label: '世帯主・続柄の記載', kind: 'checkbox', required: false, maxLength: 2, item: '世帯主続柄記載', print: { section: 'request', span: 4 } },
    { id: 'withHonseki', label: '本籍・筆頭者の記載', kind: 'checkbox', required: false, maxLength: 2, item: '本籍筆頭者記載', print: { section: 'request', span: 4 } },
    { id: 'withMyNumber', label: '個人番号の記載', kind: 'checkbox', required: false, maxLength: 2, hint: '本人または同一世帯の方の請求に限ります', item: '個人番号記載', print: { section: 'request', span: 4 } },
    { id: 'purpose', label: '使いみち', kind: 'text', required: true, maxLength: 60, item: '使用目的', print: { section: 'request', span: 8 } },
  ],
  groups: [
    { id: 'persons', label: '必要な人（一部の場合）', bind: 'persons', min: 0, max: 10, fields: [...nameFields('person', 'persons'), birthDateField('person', 'persons')], rules: [], print: { section: 'persons' } },
  ],
  rules: [],
};

export const mynumberCardTsuiki: FormDefinition = {
  id: 'mynumber-card-tsuiki',
  version: 1,
  title: '個人番号カード 券面記載事項変更届（住所の追記）',
  gyomu: '住民基本台帳',
  payloadKind: 'mynumber-card',
  print: a4({ applicant: '届出人', address: '変更後の住所', persons: 'カードをお持ちの方' }),
  fields: [...applicantFields(), eventDateField('changeDate', '住所を定めた日', 'address'), ...addressFields('address', '変更後の住所', 'address')],
  groups: [
    {
      id: 'persons', label: 'カードをお持ちの方', bind: 'persons', min: 1, max: 10,
      fields: [...nameFields('person', 'persons'), birthDateField('person', 'persons'), myNumberField('person', 'persons', true)],
      rules: [], print: { section: 'persons' },
    },
  ],
  rules: [],
};
