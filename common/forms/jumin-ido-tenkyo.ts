import type { FormDefinition } from './form-definition';

/**
 * 住民異動届（転居）: 住民基本台帳法 §23 items for one person (the walking-skeleton form the current
 * UI uses). For a whole household moving within the city see defs/jumin.ts (jumin-ido-tenkyo-setai).
 * bind/item/print are hints only: the validated values and payload are unchanged, so it stays v1.
 */
export const juminIdoTenkyo: FormDefinition = {
  id: 'jumin-ido-tenkyo',
  version: 1,
  title: '住民異動届（転居）',
  gyomu: '住民基本台帳',
  payloadKind: 'jumin-ido',
  print: {
    paper: 'A4',
    orientation: 'portrait',
    signature: true,
    sections: [
      { id: 'person', title: '転居した人' },
      { id: 'address', title: '住所' },
    ],
  },
  fields: [
    { id: 'familyName', label: '氏', kind: 'name', required: true, maxLength: 40, placeholder: '山田', bind: 'applicant.familyName', item: '氏', print: { section: 'person', span: 3 } },
    { id: 'givenName', label: '名', kind: 'name', required: true, maxLength: 40, placeholder: '太郎', bind: 'applicant.givenName', item: '名', print: { section: 'person', span: 3 } },
    { id: 'familyNameKana', label: '氏（ふりがな）', kind: 'kana', required: true, maxLength: 60, placeholder: 'やまだ', bind: 'applicant.familyNameKana', item: '氏_カナ', print: { section: 'person', span: 3 } },
    { id: 'givenNameKana', label: '名（ふりがな）', kind: 'kana', required: true, maxLength: 60, placeholder: 'たろう', bind: 'applicant.givenNameKana', item: '名_カナ', print: { section: 'person', span: 3 } },
    {
      id: 'birthDate', label: '生年月日', kind: 'date', required: true, maxLength: 20,
      placeholder: '昭和60年4月1日 / S60.4.1 / 1985-04-01', bind: 'applicant.birthDate', item: '生年月日', print: { section: 'person', span: 4 },
    },
    { id: 'newAddress', label: '新住所', kind: 'address', required: true, maxLength: 200, bind: 'household.address', item: '新住所', print: { section: 'address', span: 12 } },
    { id: 'oldAddress', label: '旧住所', kind: 'address', required: true, maxLength: 200, bind: 'household.previousAddress', item: '旧住所', print: { section: 'address', span: 12 } },
    { id: 'moveDate', label: '異動日（転居した日）', kind: 'date', required: true, maxLength: 20, placeholder: '令和8年11月20日 / R8.11.20', bind: 'event.date', item: '異動日', print: { section: 'address', span: 4 } },
  ],
  rules: [
    { kind: 'notFuture', field: 'birthDate', message: '生年月日が未来の日付です。' },
    { kind: 'notFuture', field: 'moveDate', message: '転居届は転居した後に届け出ます。未来の日付は入力できません。' },
    { kind: 'dateNotAfter', field: 'birthDate', other: 'moveDate', message: '異動日が生年月日より前になっています。' },
    { kind: 'different', field: 'newAddress', other: 'oldAddress', message: '新住所と旧住所が同じです。' },
    {
      kind: 'deadlineDays', field: 'moveDate', days: 14,
      message: '転居から14日を過ぎています（住民基本台帳法第23条）。届出は受け付けますが、遅延理由を確認してください。',
    },
  ],
};
