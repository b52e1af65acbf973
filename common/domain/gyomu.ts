/**
 * The 20 standardized 業務 (標準準拠システム), spelled exactly as in the national list: a form's
 * `gyomu` must be one of these so that the back end can route it, unless the form is explicitly
 * marked as a city's own program (see FormDefinition.localGyomu).
 */
export const STANDARD_GYOMU = [
  '住民基本台帳',
  '選挙人名簿管理',
  '固定資産税',
  '個人住民税',
  '法人住民税',
  '軽自動車税',
  '国民健康保険',
  '国民年金',
  '障害者福祉',
  '後期高齢者医療',
  '介護保険',
  '児童手当',
  '健康管理',
  '就学',
  '児童扶養手当',
  '生活保護',
  '子ども・子育て支援',
  '印鑑登録',
  '戸籍',
  '戸籍の附票',
] as const;

export type StandardGyomu = (typeof STANDARD_GYOMU)[number];

export function isStandardGyomu(s: string): s is StandardGyomu {
  return (STANDARD_GYOMU as readonly string[]).includes(s);
}
