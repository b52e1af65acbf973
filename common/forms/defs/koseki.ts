import type { FormDefinition } from '../form-definition';
import { a4, applicantFields, birthDateField, eventDateField, nameFields, options, SEX_OPTIONS } from '../fragments';

/**
 * 戸籍 届書 (出生・死亡・婚姻): their layout is fixed nationally (法定様式), so these definitions carry
 * the items the counter pre-fills; the 届書 itself is printed on the official paper.
 */
export const kosekiShussei: FormDefinition = {
  id: 'koseki-shussei',
  version: 1,
  title: '出生届',
  gyomu: '戸籍',
  payloadKind: 'koseki',
  print: a4({ child: '生まれた子', parents: '父母', applicant: '届出人' }),
  fields: [
    ...nameFields('subject', 'child', 'child', '子 '),
    { id: 'childSex', label: '子 男女の別', kind: 'select', required: true, maxLength: 2, options: SEX_OPTIONS, bind: 'subject.sex', item: '男女の別', print: { section: 'child', span: 2 } },
    eventDateField('birthDate', '生まれた日', 'child'),
    { id: 'birthPlace', label: '生まれたところ', kind: 'address', required: true, maxLength: 200, suggestions: ['{都道府県}{市区町村}'], item: '出生地', owner: 'subject', print: { section: 'child', span: 12 } },
    { id: 'fatherName', label: '父の氏名', kind: 'name', required: false, maxLength: 80, item: '父_氏名', owner: 'subject', print: { section: 'parents', span: 6 } },
    { id: 'motherName', label: '母の氏名', kind: 'name', required: true, maxLength: 80, item: '母_氏名', owner: 'subject', print: { section: 'parents', span: 6 } },
    { id: 'honseki', label: '本籍', kind: 'address', required: true, maxLength: 200, suggestions: ['{都道府県}{市区町村}'], item: '本籍', owner: 'subject', print: { section: 'parents', span: 12 } },
    ...applicantFields(),
  ],
  rules: [
    { kind: 'notFuture', field: 'birthDate', message: '生まれた日が未来の日付です。' },
    { kind: 'deadlineDays', field: 'birthDate', days: 13, message: '出生の日から14日（生まれた日を含む）を過ぎています（戸籍法第49条）。遅延理由を確認してください。' },
  ],
};

export const kosekiShibou: FormDefinition = {
  id: 'koseki-shibou',
  version: 1,
  title: '死亡届',
  gyomu: '戸籍',
  payloadKind: 'koseki',
  print: a4({ deceased: '亡くなった方', applicant: '届出人' }),
  fields: [
    ...nameFields('subject', 'deceased', 'deceased', '亡くなった方 '),
    birthDateField('subject', 'deceased', 'deceasedBirthDate', '生年月日'),
    eventDateField('deathDate', '死亡した日', 'deceased'),
    { id: 'deathPlace', label: '死亡したところ', kind: 'address', required: true, maxLength: 200, suggestions: ['{都道府県}{市区町村}'], item: '死亡地', owner: 'subject', print: { section: 'deceased', span: 12 } },
    { id: 'honseki', label: '本籍', kind: 'address', required: true, maxLength: 200, suggestions: ['{都道府県}{市区町村}'], item: '本籍', owner: 'subject', print: { section: 'deceased', span: 12 } },
    ...applicantFields(),
    { id: 'applicantQualification', label: '届出人の資格', kind: 'select', required: true, maxLength: 20, options: options(['同居の親族', '同居していない親族', '同居者', '家主・地主', '後見人', 'その他']), item: '届出人資格', print: { section: 'applicant', span: 6 } },
  ],
  rules: [
    { kind: 'notFuture', field: 'deathDate', message: '死亡した日が未来の日付です。' },
    { kind: 'dateNotAfter', field: 'deceasedBirthDate', other: 'deathDate', message: '死亡した日が生年月日より前になっています。' },
    { kind: 'deadlineDays', field: 'deathDate', days: 6, message: '死亡を知った日から7日（その日を含む）を過ぎています（戸籍法第86条）。遅延理由を確認してください。' },
  ],
};

export const kosekiKonin: FormDefinition = {
  id: 'koseki-konin',
  version: 1,
  title: '婚姻届',
  gyomu: '戸籍',
  payloadKind: 'koseki',
  print: a4({ couple: '夫になる人・妻になる人', after: '婚姻後', witnesses: '証人' }),
  fields: [
    eventDateField('filedOn', '届出日', 'after'),
    { id: 'surnameAfter', label: '婚姻後の夫婦の氏', kind: 'select', required: true, maxLength: 10, options: options(['夫の氏', '妻の氏']), item: '婚姻後の氏', print: { section: 'after', span: 4 } },
    { id: 'newHonseki', label: '新しい本籍', kind: 'address', required: false, maxLength: 200, item: '新本籍', print: { section: 'after', span: 12 } },
    { id: 'witness1Name', label: '証人1 氏名', kind: 'name', required: true, maxLength: 80, item: '証人1_氏名', print: { section: 'witnesses', span: 6 } },
    { id: 'witness2Name', label: '証人2 氏名', kind: 'name', required: true, maxLength: 80, item: '証人2_氏名', print: { section: 'witnesses', span: 6 } },
  ],
  groups: [
    {
      id: 'couple', label: '夫になる人・妻になる人', bind: 'persons', min: 2, max: 2,
      fields: [
        ...nameFields('person', 'couple'),
        birthDateField('person', 'couple'),
        { id: 'honseki', label: '本籍', kind: 'address', required: true, maxLength: 200, suggestions: ['{都道府県}{市区町村}'], item: '本籍', print: { section: 'couple', span: 12 } },
      ],
      rules: [{ kind: 'dateNotAfter', field: 'birthDate', other: 'filedOn', message: '届出日が生年月日より前になっています。' }],
      print: { section: 'couple' },
    },
  ],
  rules: [],
};
