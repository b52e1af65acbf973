import { create } from 'zustand';
import type { CaseDataDto, CaseSummary, VisitCaseView } from '../../common/contract/case-operations';
import { assumedCoverage, type HealthInsurance, type LifeEvent, type MyNumberSource, type Pension, type Relation, type Sex } from '../../common/domain/household';
import { parseDateInput, parseEventDateInput, formatWareki, type YearlessRule } from '../../common/validation/wareki';
import { addressForEvent, isOnlyCityPrefix, type CityIdentity } from '../../common/domain/city';
import { guessRelation } from '../../common/domain/relation-guess';
import type { CardNumberRead, ConfirmedCard } from './card/confirmed-card';
import type { CardTarget } from './card/card-store';
import { bridge } from './bridge/bridge';
import { useApp } from './store';
import { pdfBlobUrl, printOnPaper, savePdf } from './print/print-pdf';
import type { RegisterRecord } from '../../common/register/register-fill';
import type { CardFront } from '../../common/register/card-register-diff';
import type { RegisterHousehold } from '../../common/contract/register-operations';
import { cardFront, followRegisterAddress, householdFromRegister, registerTakenText } from './register/register-draft';
import { trackPersonsEpoch, type PersonIdentity } from './persons-epoch';

/**
 * The 手続きナビ flow: one visit case at a time. The household is edited here as raw text (dates as
 * typed, 和暦 or 西暦) and saved to the services at each step; forms come back derived from the case.
 */
export type CaseStep = 'household' | 'procedures' | 'forms' | 'finish';

export interface PersonDraft extends PersonIdentity {
  relation: Relation;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  birthRaw: string;
  sex: Sex | '';
  healthInsurance: HealthInsurance;
  pension: Pension;
  careCertified: boolean;
  phone: string;
  myNumber: string;
  /** the saved number was read from this person's card (cleared as soon as the number is edited) */
  myNumberSource?: MyNumberSource;
  nationality: string;
  answers: Record<string, string>;
  /** the person's data came from a card the clerk confirmed */
  fromCard?: boolean;
  /** 続柄 was guessed from the birth dates (shown as 推定 until the clerk changes it) */
  relationGuessed?: boolean;
  /** what the 住民基本台帳 holds for this person, when picked from it (kept in the case, compared with a card) */
  register?: RegisterRecord;
  /** the card's front as confirmed, for a person from the register (its names stay the register's) */
  card?: CardFront;
}

export interface HouseholdDraft {
  event: LifeEvent;
  dateRaw: string;
  persons: PersonDraft[];
  postalCode: string;
  address: string;
  previousPostalCode: string;
  previousAddress: string;
  nextAddress: string;
  /** index of the 世帯主 when it is not the 本人 (a household taken from the register) */
  headIndex?: number;
}

interface CaseState {
  current: VisitCaseView | null;
  draft: HouseholdDraft | null;
  /**
   * Moves whenever the persons are replaced, reordered or one is removed (not when one is edited or added at
   * the end): whatever was asked for "person i" before (the resident's 電話番号) no longer belongs to whoever
   * is i now. Derived by the store's setter (persons-epoch.ts) on every change of the persons: no action sets it.
   */
  personsEpoch: number;
  step: CaseStep;
  /** form key → what the clerk typed in this form since the last save */
  edits: Record<string, Record<string, string>>;
  activeForm: string | null;
  /** the forms step shows まとめて確認 (every form still to confirm on one page) instead of one form */
  together: boolean;
  busy: boolean;
  message: { kind: 'error' | 'success' | 'info'; text: string } | null;
  householdErrors: Record<string, string>;
  resumable: CaseSummary[];
  pdf: { url: string; fileName: string; pages: number | null } | null;
  loadResumable(): Promise<void>;
  newCase(): Promise<void>;
  resume(id: string): Promise<void>;
  /** deletes a saved case the clerk will not finish (asked to confirm in the list first) */
  discard(id: string): Promise<void>;
  closeCase(): void;
  setStep(s: CaseStep): void;
  patchDraft(p: Partial<HouseholdDraft>): void;
  patchPerson(i: number, p: Partial<PersonDraft>): void;
  addPerson(relation: Relation): void;
  removePerson(i: number): void;
  saveHousehold(): Promise<boolean>;
  toggleProcedure(key: string, selected: boolean): Promise<void>;
  setFormValue(formKey: string, fieldKey: string, value: string): void;
  openForm(key: string): void;
  /** opens the forms step at まとめて確認 */
  openTogether(): void;
  confirmForm(key: string): Promise<boolean>;
  /** まとめて確認: confirms the forms `keys` with what the clerk typed in each, in one update of the case */
  confirmTogether(keys: string[]): Promise<boolean>;
  makePdf(): Promise<void>;
  /** on paper: Electron's print dialog (or the configured printer); in browser mode the PDF in the browser's print view */
  printCase(): Promise<void>;
  submit(): Promise<void>;
  /** the clerk confirmed a card read: it becomes that person (or a new one) of the case */
  applyCard(target: CardTarget, card: ConfirmedCard): Promise<void>;
  /** the 個人番号 read from person `index`'s card back, confirmed by the clerk */
  applyMyNumber(index: number, read: CardNumberRead): Promise<void>;
  /** the clerk picked resident `residentCode` of this register 世帯: it becomes the case's household, saved in one update */
  applyRegister(residentCode: string, household: RegisterHousehold): Promise<boolean>;
}

function emptyPerson(relation: Relation, from?: PersonDraft): PersonDraft {
  const sameFamily = from && relation !== 'その他';
  return {
    relation,
    familyName: sameFamily ? from.familyName : '',
    givenName: '',
    familyNameKana: sameFamily ? from.familyNameKana : '',
    givenNameKana: '',
    birthRaw: '',
    sex: '',
    ...assumedCoverage(relation, from),
    careCertified: false,
    phone: '',
    myNumber: '',
    nationality: '',
    answers: {},
  };
}

function toDraft(v: VisitCaseView): HouseholdDraft {
  const d = v.data;
  return {
    event: d.event,
    dateRaw: d.date ? formatWareki(d.date) : '',
    persons: d.persons.map((p) => ({
      relation: p.relation,
      familyName: p.familyName ?? '',
      givenName: p.givenName ?? '',
      familyNameKana: p.familyNameKana ?? '',
      givenNameKana: p.givenNameKana ?? '',
      birthRaw: p.birthDate ? formatWareki(p.birthDate) : '',
      sex: p.sex ?? '',
      healthInsurance: p.healthInsurance,
      pension: p.pension,
      careCertified: p.careCertified,
      phone: p.phone ?? '',
      myNumber: p.myNumber ?? '',
      ...(p.myNumberSource ? { myNumberSource: p.myNumberSource } : {}),
      nationality: p.nationality ?? '',
      answers: p.answers ?? {},
      ...(p.register ? { register: p.register } : {}),
      ...(p.card ? { card: p.card } : {}),
    })),
    postalCode: d.household.postalCode ?? '',
    address: d.household.address ?? '',
    previousPostalCode: d.household.previousPostalCode ?? '',
    previousAddress: d.household.previousAddress ?? '',
    nextAddress: d.household.nextAddress ?? '',
    ...(d.household.headIndex !== undefined ? { headIndex: d.household.headIndex } : {}),
  };
}

const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** What the household step needs from the counter: its calendar day and its city. */
export interface CounterContext {
  today: string;
  city: CityIdentity | null;
}

function counterContext(): CounterContext {
  const info = useApp.getState().info;
  return { today: info?.today ?? todayIso(), city: info?.city ?? null };
}

/** A 転出日 may still be ahead (a planned move); every other event's day has happened. */
export function yearlessRule(event: LifeEvent): YearlessRule {
  return event === '転出' ? 'nearest' : 'past';
}

/** The event's date as typed (year optional: 11.24 is the last 11月24日, see parseEventDateInput). */
export function parseCaseDate(d: Pick<HouseholdDraft, 'dateRaw' | 'event'>, today: string = counterContext().today) {
  return parseEventDateInput(d.dateRaw, today, yearlessRule(d.event));
}

/**
 * Draft → case data; errors keyed like the household inputs (`p0.birth`, `date`). Names are kept exactly.
 * An address holding only the city's prefilled prefix counts as not entered.
 */
export function draftToData(d: HouseholdDraft, ctx: CounterContext = counterContext()): { data: CaseDataDto; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const date = parseCaseDate(d, ctx.today);
  if (!date.ok) errors.date = `届出の日付: ${date.message}`;
  const persons = d.persons.map((p, i) => {
    const b = p.birthRaw.trim() === '' ? null : parseDateInput(p.birthRaw);
    if (!b) errors[`p${i}.birth`] = '生年月日を入力してください。';
    else if (!b.ok) errors[`p${i}.birth`] = `生年月日: ${b.message}`;
    const digits = p.myNumber.replace(/\D/g, '');
    return {
      relation: p.relation,
      ...(opt(p.familyName) ? { familyName: p.familyName.trim() } : {}),
      ...(opt(p.givenName) ? { givenName: p.givenName.trim() } : {}),
      ...(opt(p.familyNameKana) ? { familyNameKana: p.familyNameKana.trim() } : {}),
      ...(opt(p.givenNameKana) ? { givenNameKana: p.givenNameKana.trim() } : {}),
      birthDate: b && b.ok ? b.iso : '',
      ...(p.sex ? { sex: p.sex } : {}),
      healthInsurance: p.healthInsurance,
      pension: p.pension,
      careCertified: p.careCertified,
      ...(opt(p.phone) ? { phone: p.phone.trim() } : {}),
      ...(digits ? { myNumber: digits.slice(0, 12) } : {}),
      ...(opt(p.nationality) ? { nationality: p.nationality.trim() } : {}),
      ...(Object.keys(p.answers).length ? { answers: p.answers } : {}),
      ...(p.register ? { register: p.register } : {}),
      ...(p.card ? { card: p.card } : {}),
    };
  });
  if (persons.length === 0) errors.persons = '世帯の人を1人以上入力してください。';
  const household = {
    ...(opt(d.postalCode) ? { postalCode: d.postalCode.trim() } : {}),
    ...(opt(d.address) && !isOnlyCityPrefix(d.address, ctx.city) ? { address: d.address.trim() } : {}),
    ...(opt(d.previousPostalCode) ? { previousPostalCode: d.previousPostalCode.trim() } : {}),
    ...(opt(d.previousAddress) ? { previousAddress: d.previousAddress.trim() } : {}),
    ...(opt(d.nextAddress) ? { nextAddress: d.nextAddress.trim() } : {}),
    ...(d.headIndex !== undefined && d.headIndex < d.persons.length ? { headIndex: d.headIndex } : {}),
  };
  return { data: { event: d.event, date: date.ok ? date.iso : '1900-01-01', persons, household }, errors };
}

function firstOpenForm(v: VisitCaseView): string | null {
  return (v.forms.find((f) => !f.confirmed && !f.applicationId) ?? v.forms[0])?.key ?? null;
}

/** The case as typed so far, saved without the household step's checks (a person may still lack a birth date). */
async function persist(get: () => CaseState, set: (p: Partial<CaseState>) => void): Promise<void> {
  const { current, draft } = get();
  if (!current || !draft || current.status !== 'open') return;
  const { data, errors } = draftToData(draft);
  if (errors.date) return;
  const r = await bridge.updateCase({ caseId: current.id, data });
  if (r.ok) set({ current: r.value });
}

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** What a confirmed card gives a person draft. Names keep their exact code points. */
function cardPatch(card: ConfirmedCard): Partial<PersonDraft> {
  return {
    familyName: card.familyName,
    givenName: card.givenName,
    ...(card.familyNameKana ? { familyNameKana: card.familyNameKana } : {}),
    ...(card.givenNameKana ? { givenNameKana: card.givenNameKana } : {}),
    ...(card.birthDate ? { birthRaw: formatWareki(card.birthDate) } : {}),
    ...(card.sex ? { sex: card.sex } : {}),
    fromCard: true,
  };
}

export const useCase = create<CaseState>()(trackPersonsEpoch((set, get) => ({
  current: null,
  draft: null,
  personsEpoch: 0,
  step: 'household',
  edits: {},
  activeForm: null,
  together: false,
  busy: false,
  message: null,
  householdErrors: {},
  resumable: [],
  pdf: null,

  loadResumable: async () => {
    const r = await bridge.listCases({ status: 'open', limit: 20 });
    if (r.ok) set({ resumable: r.value.items });
  },

  newCase: async () => {
    const r = await bridge.createCase({});
    if (!r.ok) return set({ message: { kind: 'error', text: r.error.message } });
    const draft = toDraft(r.value);
    draft.persons = [emptyPerson('本人')];
    draft.address = addressForEvent(draft.event, draft.address, counterContext().city);
    set({ current: r.value, draft, step: 'household', edits: {}, activeForm: null, message: null, householdErrors: {}, pdf: null });
  },

  resume: async (id) => {
    const r = await bridge.getCase({ caseId: id });
    if (!r.ok) return set({ message: { kind: 'error', text: r.error.message } });
    const step: CaseStep = r.value.forms.length > 0 ? 'forms' : r.value.data.persons.length > 0 ? 'procedures' : 'household';
    const draft = toDraft(r.value);
    draft.address = addressForEvent(draft.event, draft.address, counterContext().city);
    set({ current: r.value, draft, step, edits: {}, activeForm: firstOpenForm(r.value), message: null, householdErrors: {}, pdf: null });
  },

  discard: async (id) => {
    const r = await bridge.discardCase({ caseId: id });
    set({ message: r.ok ? { kind: 'success', text: '保存していた来庁を破棄しました。' } : { kind: 'error', text: r.error.message } });
    await get().loadResumable();
  },

  closeCase: () => {
    const { current, draft, step } = get();
    // what was typed on the household step is kept (dates not yet valid stay empty)
    if (current && draft && step === 'household' && current.status === 'open') {
      const { data, errors } = draftToData(draft);
      if (!errors.date) void bridge.updateCase({ caseId: current.id, data }).then(() => get().loadResumable());
    }
    const pdf = get().pdf;
    if (pdf) URL.revokeObjectURL(pdf.url);
    set({ current: null, draft: null, step: 'household', edits: {}, activeForm: null, message: null, pdf: null });
    void get().loadResumable();
  },

  setStep: (step) => set({ step, together: false, message: null }),

  patchDraft: (p) =>
    set((s) => {
      if (!s.draft) return s;
      // the register's 住所 follows a changed event to its field (register-draft.ts)
      const next = { ...s.draft, ...p, ...(p.event !== undefined ? followRegisterAddress(s.draft, p.event) : {}) };
      // a new address after 転入 / 転居 starts with the city's 都道府県+市区町村
      if (p.event !== undefined && p.address === undefined) next.address = addressForEvent(next.event, next.address, counterContext().city);
      return { draft: next };
    }),

  patchPerson: (i, p) =>
    set((s) => {
      if (!s.draft) return s;
      const before = s.draft.persons[i];
      let persons = s.draft.persons.map((x, j) => {
        if (j !== i) return x;
        const next = { ...x, ...p };
        // a number edited by hand is a typed number: no longer the one read from the card
        if (p.myNumber !== undefined && p.myNumber !== x.myNumber) delete next.myNumberSource;
        return next;
      });
      // the 本人's family-name ふりがな is typed once: members with the same family name follow it
      if (before?.relation === '本人' && p.familyNameKana !== undefined) {
        persons = persons.map((x, j) =>
          j !== i && x.familyName !== '' && x.familyName === persons[i]!.familyName && (x.familyNameKana === '' || x.familyNameKana === before.familyNameKana) ? { ...x, familyNameKana: p.familyNameKana! } : x,
        );
      }
      return { draft: { ...s.draft, persons } };
    }),

  addPerson: (relation) =>
    set((s) => {
      if (!s.draft) return s;
      const honnin = s.draft.persons.find((p) => p.relation === '本人');
      return { draft: { ...s.draft, persons: [...s.draft.persons, emptyPerson(relation, honnin)] } };
    }),

  removePerson: (i) =>
    set((s) => {
      if (!s.draft) return s;
      const { headIndex, ...rest } = s.draft;
      // the 世帯主 keeps pointing at the same person (and is forgotten with them)
      const head = headIndex === undefined || headIndex === i ? undefined : headIndex > i ? headIndex - 1 : headIndex;
      return { draft: { ...rest, ...(head !== undefined ? { headIndex: head } : {}), persons: s.draft.persons.filter((_, j) => j !== i) } };
    }),

  saveHousehold: async () => {
    const { current, draft } = get();
    if (!current || !draft) return false;
    const { data, errors } = draftToData(draft);
    if (Object.keys(errors).length > 0) {
      set({ householdErrors: errors, message: { kind: 'error', text: '入力内容を確認してください。赤字の項目があります。' } });
      return false;
    }
    set({ busy: true, householdErrors: {} });
    const r = await bridge.updateCase({ caseId: current.id, data });
    set({ busy: false });
    if (!r.ok) {
      set({ message: { kind: 'error', text: r.error.message } });
      return false;
    }
    set({ current: r.value, message: r.value.problems.length ? { kind: 'error', text: r.value.problems.join(' ') } : null, activeForm: firstOpenForm(r.value) });
    return r.value.problems.length === 0;
  },

  toggleProcedure: async (key, selected) => {
    const { current } = get();
    if (!current) return;
    const r = await bridge.updateCase({ caseId: current.id, selection: { [key]: selected } });
    if (r.ok) set({ current: r.value, activeForm: get().activeForm && r.value.forms.some((f) => f.key === get().activeForm) ? get().activeForm : firstOpenForm(r.value) });
    else set({ message: { kind: 'error', text: r.error.message } });
  },

  setFormValue: (formKey, fieldKey, value) =>
    set((s) => ({ edits: { ...s.edits, [formKey]: { ...(s.edits[formKey] ?? {}), [fieldKey]: value } } })),

  openForm: (key) => set({ activeForm: key, together: false, message: null }),

  openTogether: () => set({ step: 'forms', together: true, message: null }),

  confirmForm: async (key) => {
    const { current, edits } = get();
    if (!current) return false;
    set({ busy: true });
    const r = await bridge.updateCase({ caseId: current.id, form: { key, values: edits[key] ?? {}, confirm: true } });
    set({ busy: false });
    if (!r.ok) {
      set({ message: { kind: 'error', text: r.error.message } });
      return false;
    }
    const form = r.value.forms.find((f) => f.key === key);
    const rest = { ...get().edits };
    delete rest[key];
    if (!form?.confirmed) {
      set({ current: r.value, edits: rest, message: { kind: 'error', text: '入力内容を確認してください。赤字の項目があります。' } });
      return false;
    }
    const next = r.value.forms.find((f) => !f.confirmed && !f.applicationId);
    set({
      current: r.value,
      edits: rest,
      activeForm: next?.key ?? key,
      step: next ? 'forms' : 'finish',
      message: { kind: 'success', text: `「${form.title}」を確認済みにしました。` },
    });
    return true;
  },

  confirmTogether: async (keys) => {
    const { current, edits } = get();
    if (!current || keys.length === 0) return false;
    set({ busy: true });
    const r = await bridge.updateCase({ caseId: current.id, forms: keys.map((key) => ({ key, values: edits[key] ?? {}, confirm: true })) });
    set({ busy: false });
    if (!r.ok) {
      set({ message: { kind: 'error', text: r.error.message } });
      return false;
    }
    // what was typed is in the case now (a form left unconfirmed too): the forms show it from there
    const rest = { ...get().edits };
    for (const k of keys) delete rest[k];
    const left = r.value.forms.filter((f) => keys.includes(f.key) && !f.confirmed);
    if (left.length > 0) {
      set({ current: r.value, edits: rest, message: { kind: 'error', text: `入力内容を確認してください。赤字の項目があります（${left.map((f) => f.title).join('、')}）。` } });
      return false;
    }
    const next = r.value.forms.find((f) => !f.confirmed && !f.applicationId);
    set({
      current: r.value,
      edits: rest,
      activeForm: next?.key ?? get().activeForm,
      step: next ? 'forms' : 'finish',
      message: { kind: 'success', text: `${keys.length}件の様式を確認済みにしました。` },
    });
    return true;
  },

  makePdf: async () => {
    const { current } = get();
    if (!current) return;
    set({ busy: true, message: { kind: 'info', text: 'PDFを作成しています…' } });
    const r = await bridge.renderPrint({ caseId: current.id, target: 'all', format: 'pdf' });
    set({ busy: false });
    if (!r.ok) return set({ message: { kind: 'error', text: r.error.message } });
    const old = get().pdf;
    if (old) URL.revokeObjectURL(old.url);
    const pdf = { url: pdfBlobUrl(r.value.content), fileName: r.value.fileName, pages: r.value.pages };
    set({ pdf, message: { kind: 'success', text: `印刷用PDFを作成しました（${r.value.pages ?? '?'}ページ）。` } });
    // hand the file to the browser at once: one click for the clerk
    savePdf(pdf);
  },

  printCase: async () => {
    const { current, busy } = get();
    if (!current || busy) return;
    set({ busy: true, message: { kind: 'info', text: '印刷の準備をしています…' } });
    const r = await printOnPaper({ kind: 'case', caseId: current.id, target: 'all' }, useApp.getState().info?.nativePrint ?? false);
    set({ busy: false });
    if (!r.ok) return set({ message: { kind: 'error', text: r.text } });
    if (r.pdf) {
      const old = get().pdf;
      if (old) URL.revokeObjectURL(old.url);
      set({ pdf: r.pdf });
    }
    set({ message: { kind: 'success', text: r.text } });
  },

  applyCard: async (target, card) => {
    const { draft } = get();
    if (!draft || target.kind === 'back') return;
    let persons = [...draft.persons];
    const honnin = persons.find((p) => p.relation === '本人');
    const registered = target.kind === 'person' ? persons[target.index]?.register : undefined;
    if (target.kind === 'person' && registered) {
      // the register holds the legal record: the card is kept beside it and compared (RegisterFacts), never written over it
      persons[target.index] = { ...persons[target.index]!, card: cardFront(card), fromCard: true };
    } else if (target.kind === 'person' && persons[target.index]) {
      // the card's front is kept too: a register search after the read compares with it
      persons[target.index] = { ...persons[target.index]!, ...cardPatch(card), card: cardFront(card) };
    } else {
      // a family member's card: 続柄 guessed from the birth dates, the 本人's insurance and pension as defaults
      const known = persons.map((p) => {
        const b = parseDateInput(p.birthRaw);
        return { relation: p.relation, birthDate: b.ok ? b.iso : '', familyName: p.familyName };
      });
      const date = parseCaseDate(draft, counterContext().today);
      const guess = card.birthDate ? guessRelation({ birthDate: card.birthDate, familyName: card.familyName }, known, date.ok ? date.iso : todayIso()) : null;
      const relation = guess ?? (honnin ? 'その他' : '本人');
      const p = { ...emptyPerson(relation, honnin), ...cardPatch(card), card: cardFront(card), relationGuessed: guess !== null };
      // family name read the same as the 本人's: the ふりがな typed once for the household
      if (!card.familyNameKana && honnin && card.familyName === honnin.familyName) p.familyNameKana = honnin.familyNameKana;
      persons = [...persons, p];
    }
    // the card's address: where the household lived before a 転入 / 転居, else its address
    const patch: Partial<HouseholdDraft> = {};
    if (card.address) {
      const key = draft.event === '転入' || draft.event === '転居' ? 'previousAddress' : 'address';
      if (isOnlyCityPrefix(draft[key], counterContext().city)) patch[key] = card.address;
    }
    const text = registered ? 'カードを読み取りました。住民票との違いを確認してください。' : 'カードの内容を反映しました。';
    set({ draft: { ...draft, ...patch, persons }, message: { kind: 'success', text } });
    await persist(get, set);
  },

  applyRegister: async (residentCode, household) => {
    const { draft, current } = get();
    if (!draft || !current) return false;
    const take = householdFromRegister(draft, residentCode, household);
    if (!take) return false;
    set({ draft: take.draft, householdErrors: {}, message: { kind: take.draft.persons.length ? 'success' : 'info', text: registerTakenText(take, household) } });
    await persist(get, set);
    return true;
  },

  applyMyNumber: async (index, read) => {
    const { draft, current } = get();
    if (!draft?.persons[index] || !current) return;
    // what the household step holds is saved first, so the services match the person being read
    await persist(get, set);
    // the services take the digits from their own record of this read: the number is recorded as the card's
    const r = await bridge.updateCase({ caseId: current.id, cardMyNumber: { person: index, readId: read.readId } });
    if (!r.ok) return set({ message: { kind: 'error', text: r.error.message } });
    const persons = get().draft?.persons.map((p, j) => (j === index ? { ...p, myNumber: read.myNumber, myNumberSource: r.value.data.persons[index]?.myNumberSource } : p));
    set({ current: r.value, ...(persons && get().draft ? { draft: { ...get().draft!, persons } } : {}), message: { kind: 'success', text: '個人番号を反映しました（画面では伏せて表示します）。' } });
  },

  submit: async () => {
    const { current } = get();
    if (!current) return;
    set({ busy: true });
    const r = await bridge.submitCase({ caseId: current.id });
    set({ busy: false });
    if (!r.ok) return set({ message: { kind: 'error', text: r.error.message } });
    const g = await bridge.getCase({ caseId: current.id });
    set({
      ...(g.ok ? { current: g.value } : {}),
      message: {
        kind: 'success',
        text: `${r.value.applicationIds.length}件の申請を送信キューに入れました。${r.value.unconfirmed.length ? `未確認のため送信しなかった様式: ${r.value.unconfirmed.join('、')}` : ''}`,
      },
    });
  },
})));
