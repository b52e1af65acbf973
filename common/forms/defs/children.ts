import type { FormDefinition } from '../form-definition';
import { a4, addressFields, applicantFields, birthDateField, eventDateField, INSURER_PICKS, nameFields, options, SEX_OPTIONS } from '../fragments';

/** 就学 (学校教育法施行令 §5–§7: the city designates the school for a 転入学 child). */
export const shugakuTennyugaku: FormDefinition = {
  id: 'shugaku-tennyugaku',
  version: 1,
  title: '就学（転入学）届',
  gyomu: '就学',
  payloadKind: 'shugaku',
  print: a4({ guardian: '保護者', address: '住所', children: '児童・生徒' }),
  fields: [
    ...applicantFields('guardian', '保護者'),
    ...addressFields('address', '住所', 'address'),
    eventDateField('movedOn', '転入（転居）した日', 'address'),
    { id: 'kind', label: '届出の種類', kind: 'select', required: true, maxLength: 10, options: options(['転入学', '市内転校']), item: '届出種別', print: { section: 'address', span: 4 } },
  ],
  groups: [
    {
      id: 'children', label: '児童・生徒', bind: 'persons', min: 1, max: 6,
      fields: [
        ...nameFields('person', 'children'),
        birthDateField('person', 'children'),
        { id: 'sex', label: '性別', kind: 'select', required: true, maxLength: 2, options: SEX_OPTIONS, bind: 'person.sex', item: '性別', print: { section: 'children', span: 2 } },
        { id: 'grade', label: '学年', kind: 'select', required: true, maxLength: 4, options: options(['小1', '小2', '小3', '小4', '小5', '小6', '中1', '中2', '中3']), item: '学年', print: { section: 'children', span: 2 } },
        // quick picks: the public schools of where the family lived before (転入学) and of this city (市内転校)
        { id: 'previousSchool', label: '前の学校', kind: 'text', required: true, maxLength: 60, suggestions: ['{前住所の自治体}立', '{自治体}立'], item: '前在籍校', print: { section: 'children', span: 6 } },
      ],
      rules: [],
      print: { section: 'children' },
    },
  ],
  rules: [],
};

/**
 * 子ども医療費 (乳幼児・子ども医療費助成) is each city's own program, not one of the 20
 * standardized 業務, hence localGyomu. The age limit is city configuration (navigator rules).
 */
export const kodomoIryoJukyu: FormDefinition = {
  id: 'kodomo-iryo-jukyu',
  version: 1,
  title: '子ども医療費 受給資格認定申請書',
  gyomu: '子ども医療費助成',
  localGyomu: true,
  payloadKind: 'kodomo-iryo',
  print: a4({ guardian: '保護者', insurance: '健康保険', children: '対象となる子ども' }),
  fields: [
    ...applicantFields('guardian', '保護者'),
    birthDateField('applicant', 'guardian', 'guardianBirthDate', '保護者 生年月日'),
    ...addressFields('address', '住所', 'guardian'),
    { id: 'insurance', label: '子どもの健康保険', kind: 'select', required: true, maxLength: 10, options: options(['国民健康保険', '職場の健康保険', 'その他']), item: '加入保険', print: { section: 'insurance', span: 4 } },
    { id: 'insurerName', label: '保険者名', kind: 'text', required: true, maxLength: 60, suggestions: INSURER_PICKS, when: { field: 'insurance', in: ['職場の健康保険', 'その他'] }, item: '保険者名', print: { section: 'insurance', span: 8 } },
  ],
  groups: [
    {
      id: 'children', label: '対象となる子ども', bind: 'persons', min: 1, max: 10,
      fields: [...nameFields('person', 'children'), birthDateField('person', 'children')],
      rules: [{ kind: 'notFuture', field: 'birthDate', message: '生年月日が未来の日付です。' }],
      print: { section: 'children' },
    },
  ],
  rules: [],
};
