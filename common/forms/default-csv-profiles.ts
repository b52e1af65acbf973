import type { FormDefinition } from './form-definition';
import type { CsvColumn, CsvProfile, CsvProfileSet, CodeTables } from './csv-profile';
import { FORMS } from './registry';
import { RELATIONS } from '../domain/household';

/**
 * The default column profiles: every form's payload items as columns, with the 基本データリスト's
 * names where our item names differ (the names in ../shared/domain/standard-interfaces.md are
 * defaults, not verified columns of the official list — a city replaces a form's profile from its
 * data dir). Free-text addresses go whole into 住所 / 転居前住所 …; splitting them into
 * 住所_市区町村コード / 町字コード / 番地号表記 needs the city's address dictionary.
 */

/** 異動事由 of the 住民異動届 that are one kind of 異動 (転入 depends on 国内/国外: see 転入元区分) */
const IDO_JIYU: Readonly<Record<string, string>> = {
  'jumin-ido-tenkyo': '転居',
  'jumin-ido-tenkyo-setai': '転居',
  'jumin-ido-tenshutsu': '国内転出',
};

/** our item name → the 基本データリスト データ項目名称, for the 住民基本台帳 forms */
const JUKI_NAMES: Readonly<Record<string, string>> = {
  新住所: '住所',
  新住所_郵便番号: '住所_郵便番号',
  現住所: '住所',
  現住所_郵便番号: '住所_郵便番号',
  旧住所: '転居前住所',
  旧住所_郵便番号: '転居前住所_郵便番号',
  従前の住所: '転入前住所',
  従前の住所_郵便番号: '転入前住所_郵便番号',
  転出先: '転出先住所（予定）',
  転出先_郵便番号: '転出先住所（予定）_郵便番号',
  異動日: '異動年月日',
  転入した日: '異動年月日',
  転居した日: '異動年月日',
  '転出（予定）日': '異動年月日',
};

/**
 * The standard leaves the code values open (the list's Excel was not available): 性別 uses 1 男 /
 * 2 女 like the register; 続柄 and 異動事由 default to the category names themselves, so a city whose
 * system wants codes overrides the table, not the profile.
 */
export const DEFAULT_CODE_TABLES: CodeTables = {
  性別: { 男: '1', 女: '2' },
  続柄: Object.fromEntries(relationValues().map((r) => [r, r])),
  異動事由: {
    転居: '転居',
    国内転出: '国内転出',
    世帯主変更: '世帯主変更',
    世帯合併: '世帯合併',
    世帯分離: '世帯分離',
    世帯構成変更: '世帯変更',
  },
  転入元区分: { 国内: '国内転入', 国外: '国外転入' },
};

/**
 * 業務ID of the standardized 業務 (vendor code; to be confirmed against 「各種IDの管理方針」). The
 * 9xx numbers are ours for the 業務 whose ID we do not have; a city overrides them in its file.
 */
export const DEFAULT_GYOMU_IDS: Readonly<Record<string, string>> = {
  住民基本台帳: '001',
  印鑑登録: '002',
  就学: '017',
  介護保険: '023',
  国民健康保険: '024',
  後期高齢者医療: '025',
  児童手当: '027',
  国民年金: '901',
  戸籍: '902',
  子ども医療費助成: '903',
};

/** every 続柄 a form offers (the 世帯's list, and the wider one of 未支給年金's 請求者) */
function relationValues(): string[] {
  const fromForms = FORMS.flatMap((f) => [...f.fields, ...(f.groups ?? []).flatMap((g) => g.fields)])
    .filter((f) => (f.item ?? f.id) === '続柄')
    .flatMap((f) => (f.options ?? []).map((o) => o.value));
  return [...new Set<string>([...RELATIONS, ...fromForms])];
}

const CODED_ITEMS: Readonly<Record<string, string>> = { 性別: '性別', 続柄: '続柄' };

function columnsOf(form: FormDefinition, items: readonly string[]): CsvColumn[] {
  const juki = form.gyomu === '住民基本台帳';
  const rename = (item: string) => (juki ? (JUKI_NAMES[item] ?? item) : item);
  const has = new Set(items);
  const out: CsvColumn[] = [];
  for (const item of items) {
    // 氏 + 名 → 氏名, 氏_カナ + 名_カナ → 氏名_フリガナ (with the person's prefix: 届出人_氏名)
    const pair = /^(.*)氏(_カナ)?$/u.exec(item);
    if (pair && has.has(`${pair[1]}名${pair[2] ?? ''}`)) {
      out.push({ name: `${pair[1]}氏名${pair[2] ? '_フリガナ' : ''}`, from: [item, `${pair[1]}名${pair[2] ?? ''}`] });
      continue;
    }
    const given = /^(.*)名(_カナ)?$/u.exec(item);
    if (given && has.has(`${given[1]}氏${given[2] ?? ''}`)) continue;
    if (item === '異動事由') {
      out.push({ name: '異動事由', from: item, code: '異動事由' });
      continue;
    }
    if (item === '転入元区分' && juki) {
      out.push({ name: '異動事由', from: item, code: '転入元区分' });
      continue;
    }
    out.push({ name: rename(item), from: item, ...(CODED_ITEMS[item] ? { code: CODED_ITEMS[item] } : {}) });
  }
  return out;
}

export function defaultProfile(form: FormDefinition): CsvProfile {
  const top = form.fields.map((f) => f.item ?? f.id);
  const member = (form.groups ?? []).flatMap((g) => g.fields.map((f) => f.item ?? f.id));
  // top-level and member items may share a name (a 世帯主's 氏 vs. a member's): the member's wins in a row
  const topCols = columnsOf(form, top.filter((i) => !member.includes(i)));
  const memberCols = columnsOf(form, member);
  const ido = IDO_JIYU[form.id];
  const lead: CsvColumn[] = ido ? [{ name: '異動事由', const: ido, code: '異動事由' }] : [];
  const names = new Set<string>();
  // a renamed column may meet another of the same name (新住所 and 現住所 are never on one form; be safe)
  const columns = [...lead, ...topCols, ...memberCols].filter((c) => (names.has(c.name) ? false : (names.add(c.name), true)));
  return { columns };
}

export function defaultProfileSet(forms: readonly FormDefinition[] = FORMS): CsvProfileSet {
  return {
    profiles: Object.fromEntries(forms.map((f) => [f.id, defaultProfile(f)])),
    codeTables: DEFAULT_CODE_TABLES,
    gyomuIds: DEFAULT_GYOMU_IDS,
  };
}
