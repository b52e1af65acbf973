import { create } from 'zustand';
import type { RegisterPersonView } from '../../../common/contract/register-operations';
import { searchQuery, type SearchFields } from './register-query';
import { bridge } from '../bridge/bridge';
import { useCase } from '../case-store';

/**
 * 「住民を検索」: the clerk's query, the register's answer and which row is picked. Nothing here outlives
 * the visit: the answer is held on screen only, and what the clerk takes goes into the case (case-store
 * applyRegister). A refused or failed lookup is a message in place; the household form stays usable.
 */
export type { SearchMode } from './register-query';

interface RegisterSearchState extends SearchFields {
  results: RegisterPersonView[] | null;
  active: number;
  busy: boolean;
  message: { kind: 'error' | 'info'; text: string } | null;
  /** the last search failed because this counter has no register configured */
  unconfigured: boolean;
  /** the case this search belongs to: a new visit starts empty */
  caseId: string | null;
  patch(p: Partial<Pick<RegisterSearchState, 'mode' | 'name' | 'birthDate' | 'address' | 'residentCode' | 'active'>>): void;
  resetFor(caseId: string): void;
  search(): Promise<boolean>;
  /**
   * the search a confirmed card read starts (card-lookup.ts): the card's 氏名 and 生年月日 into the fields,
   * searched; true when exactly one resident matched (their 世帯 is offered, the clerk takes it)
   */
  searchFromCard(name: string, birthDate: string): Promise<boolean>;
  /** takes row `i`'s 世帯 into the case; true when it was filled */
  take(i: number): Promise<boolean>;
}

const EMPTY = { mode: 'name' as const, name: '', birthDate: '', address: '', residentCode: '', results: null, active: 0, busy: false, message: null, unconfigured: false };

export const useRegisterSearch = create<RegisterSearchState>((set, get) => ({
  ...EMPTY,
  caseId: null,
  patch: (p) => set(p),
  resetFor: (caseId) => {
    if (get().caseId !== caseId) set({ ...EMPTY, caseId });
  },
  search: async () => {
    const q = searchQuery(get());
    if (typeof q === 'string') {
      set({ message: { kind: 'error', text: q }, results: null });
      return false;
    }
    set({ busy: true, message: null });
    const r = await bridge.searchResidents(q);
    if (!r.ok) {
      set({ busy: false, results: null, message: { kind: 'error', text: r.error.message }, unconfigured: r.error.code === 'REGISTER_UNAVAILABLE' && r.error.reason === 'not-configured' });
      return false;
    }
    const found = r.value.persons;
    set({
      unconfigured: false,
      busy: false,
      results: found,
      active: 0,
      message: found.length === 0 ? { kind: 'info', text: '住民基本台帳に該当する住民は見つかりませんでした。条件を変えて検索するか、手入力で続けてください。' } : null,
    });
    return found.length > 0;
  },
  searchFromCard: async (name, birthDate) => {
    const before = { mode: get().mode, name: get().name, birthDate: get().birthDate };
    set({ mode: 'name', name, birthDate });
    if (!(await get().search())) {
      // a counter without a register says nothing: the clerk did not ask for this search
      if (get().unconfigured) set({ ...before, message: null });
      return false;
    }
    const n = get().results?.length ?? 0;
    if (n !== 1) return false;
    set({ message: { kind: 'info', text: 'カードの氏名・生年月日で住民基本台帳に1件見つかりました。この方の世帯でよければ Enter（またはクリック）で反映します。' } });
    return true;
  },
  take: async (i) => {
    const row = get().results?.[i];
    if (!row) return false;
    set({ busy: true, message: null, active: i });
    const h = await bridge.getRegisterHousehold({ residentCode: row.residentCode });
    if (!h.ok) {
      set({ busy: false, message: { kind: 'error', text: h.error.message } });
      return false;
    }
    const filled = await useCase.getState().applyRegister(row.residentCode, h.value);
    set({ busy: false, ...(filled ? { results: null } : { message: { kind: 'error', text: '選んだ住民が世帯の回答にいません。もう一度検索してください。' } }) });
    return filled;
  },
}));
