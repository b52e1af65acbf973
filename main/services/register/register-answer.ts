import { OPTIONAL_PERSON_ITEMS, PERSON_ITEMS, STATUS_ITEMS, STATUS_NUMBERS, type PersonItem, type RegisterMapping, type StatusItem } from '../../../common/register/register-mapping';
import type { RegisterPersonView, RegisterStatusView } from '../../../common/contract/register-operations';

/**
 * Checks an answer of the register's lookup API against the mapping. Every string is kept exactly as
 * the register wrote it: no trimming, no NFC/NFKC (a variant kanji with its IVS selector is a different
 * name in 行政事務標準文字, and the counter must print what the register holds).
 * A problem names the resource, the record's position and the item, never a value: the line goes to the log.
 */
export interface AnswerProblem {
  resource: string;
  /** 0-based position of the record in the answer's list, or -1 for the answer itself */
  record: number;
  item: string;
  problem: 'not-json' | 'no-list' | 'missing' | 'not-string' | 'bad-date' | 'unknown-code';
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: AnswerProblem };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** items whose absence makes a record useless to the counter (every person item is required) */
const REQUIRED: readonly PersonItem[] = PERSON_ITEMS;

function records(body: string, resource: string, m: RegisterMapping): Checked<Record<string, unknown>[]> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, problem: { resource, record: -1, item: '', problem: 'not-json' } };
  }
  const list = json !== null && typeof json === 'object' ? (json as Record<string, unknown>)[m.listKey] : undefined;
  if (!Array.isArray(list) || list.some((r) => r === null || typeof r !== 'object' || Array.isArray(r))) {
    return { ok: false, problem: { resource, record: -1, item: m.listKey, problem: 'no-list' } };
  }
  return { ok: true, value: list as Record<string, unknown>[] };
}

export function checkPersons(body: string, resource: string, m: RegisterMapping): Checked<RegisterPersonView[]> {
  const list = records(body, resource, m);
  if (!list.ok) return list;
  const out: RegisterPersonView[] = [];
  for (const [i, r] of list.value.entries()) {
    const v = {} as Record<PersonItem, string>;
    for (const k of REQUIRED) {
      const name = m.items[k];
      const x = r[name];
      if (x === undefined || x === null || x === '') return { ok: false, problem: { resource, record: i, item: name, problem: 'missing' } };
      if (typeof x !== 'string') return { ok: false, problem: { resource, record: i, item: name, problem: 'not-string' } };
      v[k] = x;
    }
    if (!ISO_DAY.test(v.birthDate)) return { ok: false, problem: { resource, record: i, item: m.items.birthDate, problem: 'bad-date' } };
    const sex = m.sexCodes[v.sex];
    if (sex === undefined) return { ok: false, problem: { resource, record: i, item: m.items.sex, problem: 'unknown-code' } };
    const extra: Partial<Record<(typeof OPTIONAL_PERSON_ITEMS)[number], string>> = {};
    for (const k of OPTIONAL_PERSON_ITEMS) {
      const name = m.optionalItems?.[k];
      const x = name === undefined ? undefined : r[name];
      // held for some residents only: absent or empty is "not held", anything but a string is refused
      if (x === undefined || x === null || x === '') continue;
      if (typeof x !== 'string') return { ok: false, problem: { resource, record: i, item: name!, problem: 'not-string' } };
      extra[k] = x;
    }
    out.push({ ...v, sexCode: v.sex, sex, ...extra });
  }
  return { ok: true, value: out };
}

export function checkStatus(body: string, resource: string, m: RegisterMapping): Checked<RegisterStatusView | null> {
  const list = records(body, resource, m);
  if (!list.ok) return list;
  const r = list.value[0];
  if (!r) return { ok: true, value: null };
  const code = r[m.items.residentCode];
  if (typeof code !== 'string' || code === '') return { ok: false, problem: { resource, record: 0, item: m.items.residentCode, problem: 'missing' } };
  const v: RegisterStatusView = { residentCode: code };
  for (const k of STATUS_ITEMS as readonly StatusItem[]) {
    const x = r[m.status[k]];
    if (x === undefined) continue;
    if (typeof x !== 'string') return { ok: false, problem: { resource, record: 0, item: m.status[k], problem: 'not-string' } };
    v[k] = x;
  }
  for (const k of STATUS_NUMBERS) {
    const name = m.statusNumbers?.[k];
    const x = name === undefined ? undefined : r[name];
    if (x === undefined || x === null || x === '') continue;
    if (typeof x !== 'string') return { ok: false, problem: { resource, record: 0, item: name!, problem: 'not-string' } };
    v[k] = x;
  }
  return { ok: true, value: v };
}
