import type http from 'node:http';
import { DEFAULT_REGISTER_MAPPING, OPTIONAL_PERSON_ITEMS, PERSON_ITEMS, STATUS_ITEMS, STATUS_NUMBERS, type RegisterMapping } from '../../common/register/register-mapping';
import type { RegisterPerson } from './sim-register-file';
import type { OAuthAnswer, SimOAuth } from './sim-oauth';

/**
 * The register owner's PULL lookup API (JSON over HTTP), as the simulator plays it. The resource paths,
 * scopes and item names come from the mapping (common/register/register-mapping.ts); the register file's
 * own keys are the default mapping's データ項目名称. Each answer is `{ <listKey>: [records] }`.
 *   GET <residents>?住民票コード=… | 氏名=…&生年月日=… | 氏名_フリガナ=…&生年月日=… | 住所=…
 *   GET <household>?住民票コード=…   → every member of that person's 世帯
 *   GET <status>?住民票コード=…      → the person's 国保/介護/後期高齢/年金 items, those present
 * How names match is the register owner's choice; this one ignores spaces and variation selectors (a
 * clerk types 葛城 for 葛󠄀城), and answers always carry the register's exact strings.
 */

/** Broken answers for drills and tests: a required item left out, or a 性別 code the mapping does not know. */
export type RegisterAnswerFault = 'missing-item' | 'unknown-code';

export interface SimRegisterApiOptions {
  persons: readonly RegisterPerson[];
  oauth: SimOAuth;
  mapping?: RegisterMapping;
  fault?: RegisterAnswerFault;
}

const VARIATION_SELECTORS = /[\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/gu;
const SPACES = /[\s\u3000]/gu;
const searchKey = (s: string) => s.replace(VARIATION_SELECTORS, '').replace(SPACES, '');
/** a required item (present in every entry: sim-register-file.ts checks at load) */
const item = (p: RegisterPerson, key: string): string => p[key] ?? '';

export function simRegisterApi(opts: SimRegisterApiOptions) {
  const m = opts.mapping ?? DEFAULT_REGISTER_MAPPING;
  const d = DEFAULT_REGISTER_MAPPING.items;
  const persons = opts.persons;

  /** a register entry as the API answers it: the mapping's names, the register's exact strings */
  const personRecord = (p: RegisterPerson): Record<string, string> => {
    const r: Record<string, string> = {};
    for (const k of PERSON_ITEMS) r[m.items[k]] = item(p, d[k]);
    // 本籍・筆頭者: only where the entry has them and the mapping names them
    for (const k of OPTIONAL_PERSON_ITEMS) {
      const from = DEFAULT_REGISTER_MAPPING.optionalItems?.[k];
      const to = m.optionalItems?.[k];
      const v = from === undefined ? undefined : p[from];
      if (to !== undefined && v !== undefined) r[to] = v;
    }
    if (opts.fault === 'missing-item') delete r[m.items.birthDate];
    if (opts.fault === 'unknown-code') r[m.items.sex] = '9';
    return r;
  };
  const statusRecord = (p: RegisterPerson): Record<string, string> => {
    const r: Record<string, string> = { [m.items.residentCode]: item(p, d.residentCode) };
    for (const k of STATUS_ITEMS) {
      const v = p[DEFAULT_REGISTER_MAPPING.status[k]];
      if (v !== undefined) r[m.status[k]] = v;
    }
    for (const k of STATUS_NUMBERS) {
      const from = DEFAULT_REGISTER_MAPPING.statusNumbers?.[k];
      const to = m.statusNumbers?.[k];
      const v = from === undefined ? undefined : p[from];
      if (to !== undefined && v !== undefined) r[to] = v;
    }
    return r;
  };
  const list = (records: Record<string, string>[]): OAuthAnswer => ({ status: 200, body: { [m.listKey]: records } });
  const bad = (reason: string): OAuthAnswer => ({ status: 400, body: { error: 'invalid_request', reason } });
  const byCode = (code: string | null) => (code ? persons.find((p) => p['住民票コード'] === code) : undefined);

  const residents = (q: URLSearchParams): OAuthAnswer => {
    const code = q.get(m.items.residentCode);
    const name = q.get(m.items.name);
    const kana = q.get(m.items.kana);
    const birth = q.get(m.items.birthDate);
    const address = q.get(m.items.address);
    if (code) return list(persons.filter((p) => p[d.residentCode] === code).map(personRecord));
    if ((name || kana) && birth) {
      const key = searchKey(name ?? kana!);
      const field = name ? d.name : d.kana;
      return list(persons.filter((p) => p[d.birthDate] === birth && searchKey(item(p, field)) === key).map(personRecord));
    }
    if (address) {
      const key = searchKey(address);
      return list(persons.filter((p) => searchKey(item(p, d.address)).includes(key)).map(personRecord));
    }
    return bad(`${m.items.residentCode}、${m.items.name}（または ${m.items.kana}）と ${m.items.birthDate}、${m.items.address} のいずれかで検索してください`);
  };

  const routes: { path: string; scope: string; answer: (q: URLSearchParams) => OAuthAnswer }[] = [
    { ...m.resources.residents, answer: residents },
    {
      ...m.resources.household,
      answer: (q) => {
        const p = byCode(q.get(m.items.residentCode));
        if (!p) return { status: 404, body: { error: 'not_found', reason: '該当する住民がいません' } };
        return list(persons.filter((o) => o[d.householdNumber] === p[d.householdNumber]).map(personRecord));
      },
    },
    {
      ...m.resources.status,
      answer: (q) => {
        const p = byCode(q.get(m.items.residentCode));
        if (!p) return { status: 404, body: { error: 'not_found', reason: '該当する住民がいません' } };
        return list([statusRecord(p)]);
      },
    },
  ];

  return {
    /** the answer for a lookup request, or null when the path is not one of the register's */
    handle(req: http.IncomingMessage, url: URL): OAuthAnswer | null {
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        return null; // broken %-escapes: not one of ours, the caller answers 404
      }
      const route = routes.find((r) => r.path === pathname);
      if (!route) return null;
      if (req.method !== 'GET') return { status: 405, body: { error: 'method_not_allowed' } };
      return opts.oauth.check(req, route.scope) ?? route.answer(url.searchParams);
    },
  };
}
