import type { FormDefinition, GroupDef } from '../form-definition';
import { a4, addressFields, applicantFields, bankFields, birthDateField, eventDateField, myNumberField, nameFields, options, RELATION_OPTIONS } from '../fragments';

/**
 * 児童手当 (児童手当法). 認定請求 within 15 days of the move or birth (§8 ③ の15日特例), or the months
 * in between are lost; 住所変更 and 消滅 are 届 to the paying city.
 */
function children(min: number): GroupDef {
  return {
    id: 'children', label: '対象となる児童', bind: 'persons', min, max: 10,
    fields: [
      ...nameFields('person', 'children'),
      birthDateField('person', 'children'),
      { id: 'relation', label: '請求者との続柄', kind: 'select', required: true, maxLength: 10, options: RELATION_OPTIONS, bind: 'person.relation', item: '続柄', print: { section: 'children', span: 2 } },
      { id: 'livingTogether', label: '同居・別居', kind: 'select', required: true, maxLength: 4, options: options(['同居', '別居']), item: '同別居', print: { section: 'children', span: 2 } },
    ],
    rules: [{ kind: 'notFuture', field: 'birthDate', message: '生年月日が未来の日付です。' }],
    print: { section: 'children' },
  };
}

export const jidouTeateNintei: FormDefinition = {
  id: 'jidou-teate-nintei',
  version: 2,
  title: '児童手当 認定請求書',
  gyomu: '児童手当',
  payloadKind: 'jidou-teate',
  print: a4({ applicant: '請求者', address: '住所', pension: '請求者の年金', children: '対象となる児童', bank: '振込先' }),
  fields: [
    ...applicantFields('applicant', '請求者'),
    birthDateField('applicant', 'applicant', 'applicantBirthDate', '請求者 生年月日'),
    { ...myNumberField('applicant', 'applicant', false, 'applicantMyNumber'), hint: '個人番号カードまたは通知カードで確認します' },
    ...addressFields('address', '住所', 'address'),
    eventDateField('reasonDate', '請求の理由が生じた日（転入日・出生日）', 'address'),
    { id: 'pension', label: '請求者の加入している年金', kind: 'select', required: true, maxLength: 10, options: options(['国民年金', '厚生年金', '共済組合']), item: '加入年金', print: { section: 'pension', span: 4 } },
    ...bankFields('bank'),
  ],
  groups: [children(1)],
  rules: [{ kind: 'deadlineDays', field: 'reasonDate', days: 15, message: '15日を過ぎています。手当は請求した月の翌月分からになります（児童手当法第8条）。' }],
};

export const jidouTeateJushoHenko: FormDefinition = {
  id: 'jidou-teate-jusho-henko',
  version: 1,
  title: '児童手当 住所変更届',
  gyomu: '児童手当',
  payloadKind: 'jidou-teate',
  print: a4({ applicant: '受給者', address: '住所', children: '対象となる児童' }),
  fields: [
    ...applicantFields('applicant', '受給者'),
    { id: 'recipientNumber', label: '受給者番号', kind: 'text', required: false, maxLength: 20, item: '受給者番号', print: { section: 'applicant', span: 4 } },
    eventDateField('changedOn', '住所を変更した日', 'address'),
    ...addressFields('address', '新住所', 'address'),
    ...addressFields('previousAddress', '旧住所', 'address'),
  ],
  groups: [children(0)],
  rules: [
    { kind: 'different', field: 'address', other: 'previousAddress', message: '新住所と旧住所が同じです。' },
    { kind: 'deadlineDays', field: 'changedOn', days: 14, message: '住所の変更から14日を過ぎています。届出は受け付けます。' },
  ],
};

export const jidouTeateShoumetsu: FormDefinition = {
  id: 'jidou-teate-shoumetsu',
  version: 1,
  title: '児童手当 受給事由消滅届',
  gyomu: '児童手当',
  payloadKind: 'jidou-teate',
  print: a4({ applicant: '受給者', details: '消滅の理由' }),
  fields: [
    ...applicantFields('applicant', '受給者'),
    { id: 'recipientNumber', label: '受給者番号', kind: 'text', required: false, maxLength: 20, item: '受給者番号', print: { section: 'applicant', span: 4 } },
    eventDateField('endedOn', '消滅の理由が生じた日', 'details'),
    { id: 'reason', label: '消滅の理由', kind: 'select', required: true, maxLength: 20, options: options(['転出', '児童を養育しなくなった', '公務員になった', 'その他']), item: '消滅事由', print: { section: 'details', span: 6 } },
    { id: 'nextAddress', label: '転出先', kind: 'address', required: true, maxLength: 200, bind: 'household.nextAddress', when: { field: 'reason', equals: '転出' }, item: '転出先', print: { section: 'details', span: 12 } },
  ],
  rules: [],
};
