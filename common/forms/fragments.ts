import type { FieldDef, FormDefinition, PrintLayout, SelectOption } from './form-definition';
import { RELATIONS, SEXES } from '../domain/household';

/**
 * Field blocks that many standard forms share (氏名・ふりがな・生年月日 …). They return plain data,
 * so a definition built from them is still just data; sharing them keeps one person's data bound
 * to the same case keys on every form.
 */
const opts = (values: readonly string[]): SelectOption[] => values.map((v) => ({ value: v, label: v }));
export const RELATION_OPTIONS = opts(RELATIONS);
export const SEX_OPTIONS = opts(SEXES);
export const YES_NO = opts(['はい', 'いいえ']);
export { opts as options };

export function a4(sections: Record<string, string>, signature = true): PrintLayout {
  return { paper: 'A4', orientation: 'portrait', signature, sections: Object.entries(sections).map(([id, title]) => ({ id, title })) };
}

type Scope = 'applicant' | 'subject' | 'person';

/** 氏・名・ふりがな (or フリガナ) of one person, bound to `scope`. */
export function nameFields(scope: Scope, section: string, prefix = '', labelPrefix = '', kana: 'kana' | 'katakana' = 'kana'): FieldDef[] {
  const id = (s: string) => (prefix ? `${prefix}${s[0]!.toUpperCase()}${s.slice(1)}` : s);
  const kanaLabel = kana === 'katakana' ? 'フリガナ' : 'ふりがな';
  // payload item names must be unique within a form: "亡くなった方_氏" beside the 届出人's "届出人_氏"
  const item = (s: string) => (labelPrefix.trim() ? `${labelPrefix.trim()}_${s}` : s);
  return [
    { id: id('familyName'), label: `${labelPrefix}氏`, kind: 'name', required: true, maxLength: 40, bind: `${scope}.familyName`, item: item('氏'), print: { section, span: 3 } },
    { id: id('givenName'), label: `${labelPrefix}名`, kind: 'name', required: true, maxLength: 40, bind: `${scope}.givenName`, item: item('名'), print: { section, span: 3 } },
    { id: id('familyNameKana'), label: `${labelPrefix}氏（${kanaLabel}）`, kind: kana, required: true, maxLength: 60, bind: `${scope}.familyNameKana`, item: item('氏_カナ'), print: { section, span: 3 } },
    { id: id('givenNameKana'), label: `${labelPrefix}名（${kanaLabel}）`, kind: kana, required: true, maxLength: 60, bind: `${scope}.givenNameKana`, item: item('名_カナ'), print: { section, span: 3 } },
  ];
}

export function birthDateField(scope: Scope, section: string, id = 'birthDate', label = '生年月日'): FieldDef {
  return { id, label, kind: 'date', required: true, maxLength: 20, bind: `${scope}.birthDate`, item: label.replace(/ /g, '_'), placeholder: '昭和60年4月1日 / S60.4.1 / 1985-04-01', print: { section, span: 4 } };
}

/** The members of a 住民異動届-like list: name, birth date, sex, 続柄 (and optionally 個人番号). */
export function personRowFields(section: string, opt: { kana?: 'kana' | 'katakana'; myNumber?: boolean } = {}): FieldDef[] {
  const rows: FieldDef[] = [
    ...nameFields('person', section, '', '', opt.kana ?? 'kana'),
    birthDateField('person', section),
    { id: 'sex', label: '性別', kind: 'select', required: true, maxLength: 2, options: SEX_OPTIONS, bind: 'person.sex', item: '性別', print: { section, span: 2 } },
    { id: 'relation', label: '続柄', kind: 'select', required: true, maxLength: 10, options: RELATION_OPTIONS, bind: 'person.relation', item: '続柄', print: { section, span: 2 } },
  ];
  if (opt.myNumber) rows.push(myNumberField('person', section, false));
  return rows;
}

export function myNumberField(scope: Scope, section: string, required: boolean, id = 'myNumber'): FieldDef {
  return { id, label: '個人番号', kind: 'myNumber', required, maxLength: 20, bind: `${scope}.myNumber`, item: '個人番号', print: { section, span: 4 } };
}

/** 届出人 / 請求者 / 申請者: name, phone, 続柄 to the persons concerned. */
export function applicantFields(section = 'applicant', label = '届出人'): FieldDef[] {
  return [
    ...nameFields('applicant', section, 'applicant', `${label} `),
    { id: 'applicantPhone', label: `${label} 電話番号`, kind: 'phone', required: true, maxLength: 20, bind: 'applicant.phone', item: `${label}_電話番号`, print: { section, span: 4 } },
  ];
}

/** 住所 with its 郵便番号; `which` picks the household key (current, previous, or next). */
export function addressFields(which: 'address' | 'previousAddress' | 'nextAddress', label: string, section: string, required = true): FieldDef[] {
  const postalKey = which === 'address' ? 'postalCode' : which === 'previousAddress' ? 'previousPostalCode' : null;
  const fields: FieldDef[] = [];
  if (postalKey) {
    fields.push({ id: postalKey, label: `${label}の郵便番号`, kind: 'postalCode', required: false, maxLength: 10, bind: `household.${postalKey}`, item: `${label}_郵便番号`, placeholder: '123-4567', print: { section, span: 3 } });
  }
  fields.push({ id: which, label, kind: 'address', required, maxLength: 200, bind: `household.${which}`, item: label, print: { section, span: postalKey ? 9 : 12 } });
  return fields;
}

export function eventDateField(id: string, label: string, section: string): FieldDef {
  return { id, label, kind: 'date', required: true, maxLength: 20, bind: 'event.date', item: label, placeholder: '令和8年11月20日 / R8.11.20', print: { section, span: 4 } };
}

/** Quick picks for an insurer's name: the usual 職場の健康保険 kinds (the clerk adds the company's name where needed). */
export const EMPLOYER_INSURER_PICKS: readonly string[] = ['協会けんぽ', '健康保険組合', '共済組合'];
/** … and the city's own 国民健康保険, for forms where it may be the answer. */
export const INSURER_PICKS: readonly string[] = [...EMPLOYER_INSURER_PICKS, '国民健康保険（{市区町村}）'];

/** 受取口座: the 公金受取口座 registered at マイナポータル, or an account written on the form. */
export const PAYEE_PUBLIC = '公金受取口座';
export const PAYEE_WRITTEN = '口座を記入する';
const WRITTEN_ACCOUNT = { field: 'payeeAccount', equals: PAYEE_WRITTEN } as const;

/**
 * 振込先口座: where a benefit (児童手当, 葬祭費 …) is paid. Since 2022 (公金受取口座登録法) a resident who
 * registered a 公金受取口座 at マイナポータル may, with their consent, be paid into it: the clerk asks
 * which, and only a written account needs the bank details (the payload then carries
 * 受取口座: 公金受取口座 and no account fields).
 */
export function bankFields(section: string): FieldDef[] {
  return [
    {
      id: 'payeeAccount', label: '受取口座', kind: 'select', required: true, maxLength: 10, item: '受取口座',
      options: [
        { value: PAYEE_PUBLIC, label: '公金受取口座を利用する（マイナポータルに登録済みの口座）' },
        { value: PAYEE_WRITTEN, label: '口座を記入する' },
      ],
      hint: '公金受取口座の利用は、ご本人の同意を確認してから選びます',
      print: { section, span: 12 },
    },
    { id: 'bankName', label: '金融機関名', kind: 'text', required: true, maxLength: 40, when: WRITTEN_ACCOUNT, item: '金融機関名', print: { section, span: 4 } },
    { id: 'branchName', label: '支店名', kind: 'text', required: true, maxLength: 40, when: WRITTEN_ACCOUNT, suggestions: ['本店'], item: '支店名', print: { section, span: 4 } },
    { id: 'accountType', label: '預金種目', kind: 'select', required: true, maxLength: 4, options: opts(['普通', '当座']), when: WRITTEN_ACCOUNT, item: '預金種目', print: { section, span: 2 } },
    { id: 'accountNumber', label: '口座番号', kind: 'text', required: true, maxLength: 8, when: WRITTEN_ACCOUNT, item: '口座番号', print: { section, span: 2 } },
    { id: 'accountHolderKana', label: '口座名義（カタカナ）', kind: 'katakana', required: true, maxLength: 60, when: WRITTEN_ACCOUNT, item: '口座名義_カナ', print: { section, span: 12 } },
  ];
}

/**
 * How many days after the death the 葬儀の日 is offered as one click: a funeral is held within about a
 * week of the death (火葬 waits at least 24 hours, 墓地埋葬法 §3, and a crematorium's queue a few days);
 * a later one (a 葬祭 held after a 密葬, an application months later) is typed.
 */
export const FUNERAL_DAYS_OFFERED = 7;

/**
 * 葬祭費支給申請書: the same items whichever insurer pays (国保 or 後期高齢), so one definition
 * serves both and their validation cannot drift apart.
 */
export function funeralExpensesForm(o: { id: string; title: string; gyomu: string; payloadKind: string; insuredNumberLabel: string; insuredNumberMax: number }): FormDefinition {
  return {
    id: o.id,
    version: 2,
    title: o.title,
    gyomu: o.gyomu,
    payloadKind: o.payloadKind,
    print: a4({ deceased: '亡くなった方', applicant: '申請者（葬祭を行った方）', bank: '振込先' }),
    fields: [
      ...nameFields('subject', 'deceased', 'deceased', '亡くなった方 '),
      birthDateField('subject', 'deceased', 'deceasedBirthDate', '亡くなった方 生年月日'),
      eventDateField('deathDate', '死亡日', 'deceased'),
      { id: 'insuredNumber', label: o.insuredNumberLabel, kind: 'text', required: false, maxLength: o.insuredNumberMax, item: '被保険者番号', owner: 'subject', print: { section: 'deceased', span: 4 } },
      { id: 'funeralDate', label: '葬儀の日', kind: 'date', required: true, maxLength: 20, datePicks: { from: 'deathDate', days: FUNERAL_DAYS_OFFERED }, item: '葬祭日', print: { section: 'applicant', span: 4 } },
      ...applicantFields('applicant', '申請者'),
      ...bankFields('bank'),
    ],
    rules: [
      { kind: 'notFuture', field: 'deathDate', message: '死亡日が未来の日付です。' },
      { kind: 'dateNotAfter', field: 'deathDate', other: 'funeralDate', message: '葬儀の日が死亡日より前になっています。' },
      { kind: 'dateNotAfter', field: 'deceasedBirthDate', other: 'deathDate', message: '死亡日が生年月日より前になっています。' },
    ],
  };
}
