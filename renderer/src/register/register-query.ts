import type { SearchResidentsQuery } from '../../../common/contract/register-operations';
import { isKana } from '../../../common/validation/kana';

export type SearchMode = 'name' | 'address' | 'residentCode';

/** What the clerk typed into 「住民を検索」. */
export interface SearchFields {
  mode: SearchMode;
  name: string;
  /** ISO, '' until a valid day is typed */
  birthDate: string;
  address: string;
  residentCode: string;
}

/** The query as the contract takes it, or what is missing (Japanese). ふりがな typed in kana searches by フリガナ. */
export function searchQuery(s: SearchFields): SearchResidentsQuery | string {
  if (s.mode === 'address') return s.address.trim() ? { by: 'address', address: s.address.trim() } : '住所を入力してください。';
  if (s.mode === 'residentCode') {
    const code = s.residentCode.replace(/[\s\-\u2010-\u2015\uFF0D]/gu, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
    return /^\d{11}$/.test(code) ? { by: 'residentCode', residentCode: code } : '住民票コードは11桁の数字で入力してください。';
  }
  const text = s.name.trim();
  if (!text) return '氏名またはフリガナを入力してください。';
  if (!s.birthDate) return '生年月日を入力してください（例 S19.3.15）。';
  return isKana(text) ? { by: 'kana', kana: text, birthDate: s.birthDate } : { by: 'name', name: text, birthDate: s.birthDate };
}

