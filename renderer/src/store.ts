import { create } from 'zustand';
import type { AppInfo, QueueItem, QueueStats, SyncStatus } from '../../common/contract/operations';
import type { ApplicationStatus } from '../../common/domain/application-status';
import { findForm } from '../../common/forms/registry';
import { validateForm } from '../../common/forms/validate-form';
import { bridge } from './bridge/bridge';

export type Screen = 'entry' | 'queue' | 'case';

interface FormState {
  formId: string;
  values: Record<string, string>;
  /** fields the clerk has left at least once: errors show only there until submit */
  touched: Record<string, boolean>;
  fieldErrors: Record<string, string>;
  warnings: Record<string, string>;
  submitting: boolean;
  /** set while correcting a returned (差戻し) or failed application */
  correcting: { applicationId: string; reason: string | null } | null;
  /** Japanese banner after a submit attempt */
  banner: { kind: 'success' | 'error'; text: string } | null;
}

export interface QueueFilter {
  status: ApplicationStatus | 'all';
  caseId: string | null;
  fromDay: string;
  toDay: string;
}

/** A window of the (possibly 100k-row) queue: only the rows near the scroll position are loaded. */
interface QueueWindow {
  filter: QueueFilter;
  total: number;
  offset: number;
  items: QueueItem[];
  /** Japanese message of the last failed row action */
  notice: string | null;
}

interface AppState {
  screen: Screen;
  info: AppInfo | null;
  fatal: string | null;
  form: FormState;
  queue: QueueWindow;
  stats: QueueStats | null;
  sync: SyncStatus | null;
  setScreen(s: Screen): void;
  setField(id: string, value: string): void;
  touch(id: string): void;
  submit(): Promise<void>;
  refresh(): Promise<void>;
  setFilter(f: Partial<QueueFilter>): void;
  setQueueOffset(offset: number): void;
  sendNow(): Promise<void>;
  cancel(applicationId: string): Promise<void>;
  startCorrection(item: QueueItem): Promise<void>;
  abandonCorrection(): void;
  loadInfo(): Promise<void>;
}

const FORM_ID = 'jumin-ido-tenkyo';
export const QUEUE_PAGE = 100;
/** 取消 pressed as a retry started: said at once, so the clerk does not press again or walk away unsure */
const CANCEL_PENDING_NOTICE = 'この申請はいま送信中です。送信が届かなければそのまま取り消します。届いていた場合は「受理」などと表示されるので、基幹システム側で取り下げてください。';

function emptyForm(): FormState {
  return { formId: FORM_ID, values: {}, touched: {}, fieldErrors: {}, warnings: {}, submitting: false, correcting: null, banner: null };
}

function revalidate(form: FormState, today: string, showAll: boolean): Pick<FormState, 'fieldErrors' | 'warnings'> {
  const def = findForm(form.formId);
  if (!def) return { fieldErrors: {}, warnings: {} };
  const v = validateForm(def, form.values, today);
  const visible = showAll ? v.fieldErrors : Object.fromEntries(Object.entries(v.fieldErrors).filter(([k]) => form.touched[k]));
  return { fieldErrors: visible, warnings: v.warnings };
}

export const useApp = create<AppState>((set, get) => ({
  // the counter's main screen: a signed-in clerk starts at 手続きナビ, 「新しい来庁」 focused (one Enter)
  screen: 'case',
  info: null,
  fatal: null,
  form: emptyForm(),
  queue: { filter: { status: 'all', caseId: null, fromDay: '', toDay: '' }, total: 0, offset: 0, items: [], notice: null },
  stats: null,
  sync: null,

  // 「同じ来庁」 is a look at one visit from the queue screen: it ends when the clerk leaves the screen, so
  // a later visit to 送信状況 never hides a new 差戻し behind an old case filter.
  setScreen: (screen) =>
    set((s) => (screen !== 'queue' && s.queue.filter.caseId ? { screen, queue: { ...s.queue, filter: { ...s.queue.filter, caseId: null }, offset: 0, items: [], total: 0 } } : { screen })),

  setField: (id, value) =>
    set((s) => {
      const form = { ...s.form, values: { ...s.form.values, [id]: value }, banner: null };
      return { form: { ...form, ...revalidate(form, s.info?.today ?? '9999-12-31', false) } };
    }),

  touch: (id) =>
    set((s) => {
      const form = { ...s.form, touched: { ...s.form.touched, [id]: true } };
      return { form: { ...form, ...revalidate(form, s.info?.today ?? '9999-12-31', false) } };
    }),

  submit: async () => {
    const s = get();
    const local = revalidate(s.form, s.info?.today ?? '9999-12-31', true);
    if (Object.keys(local.fieldErrors).length > 0) {
      set({ form: { ...s.form, ...local, banner: { kind: 'error', text: '入力内容を確認してください。赤字の項目があります。' } } });
      return;
    }
    set({ form: { ...s.form, submitting: true, banner: null } });
    const r = await bridge.submitApplication({
      formId: s.form.formId,
      values: s.form.values,
      ...(s.form.correcting ? { supersedesId: s.form.correcting.applicationId } : {}),
    });
    if (r.ok) {
      const text = s.form.correcting ? '修正版を受け付けました。元の申請に関連付けて再提出します。' : '受け付けました。送信状況の画面で進み具合を確認できます。';
      set({ form: { ...emptyForm(), banner: { kind: 'success', text } } });
      void get().refresh();
    } else {
      set((cur) => ({
        form: { ...cur.form, submitting: false, fieldErrors: r.error.fieldErrors ?? cur.form.fieldErrors, banner: { kind: 'error', text: r.error.message } },
      }));
    }
  },

  refresh: async () => {
    const { filter, offset } = get().queue;
    const [list, stats, sync] = await Promise.all([
      bridge.listQueue({
        ...(filter.status !== 'all' ? { status: filter.status } : {}),
        ...(filter.caseId ? { caseId: filter.caseId } : {}),
        ...(filter.fromDay ? { fromDay: filter.fromDay } : {}),
        ...(filter.toDay ? { toDay: filter.toDay } : {}),
        offset,
        limit: QUEUE_PAGE,
      }),
      bridge.getQueueStats({}),
      bridge.getSyncStatus({}),
    ]);
    set((s) => ({
      // a late answer for a window the clerk has already scrolled away from is dropped
      queue: list.ok && s.queue.offset === offset && s.queue.filter === filter ? { ...s.queue, total: list.value.total, items: list.value.items } : s.queue,
      stats: stats.ok ? stats.value : s.stats,
      sync: sync.ok ? sync.value : { connection: 'unknown', sending: false, lastSuccessAt: null, lastError: sync.error.message },
    }));
  },

  setFilter: (f) => {
    set((s) => ({ queue: { ...s.queue, filter: { ...s.queue.filter, ...f }, offset: 0, items: [], total: 0 } }));
    void get().refresh();
  },

  setQueueOffset: (offset) => {
    if (offset === get().queue.offset) return;
    set((s) => ({ queue: { ...s.queue, offset } }));
    void get().refresh();
  },

  sendNow: async () => {
    await bridge.syncNow({});
    await get().refresh();
  },

  cancel: async (applicationId) => {
    const r = await bridge.cancelApplication({ applicationId });
    const notice = !r.ok ? r.error.message : r.value.cancelled ? null : CANCEL_PENDING_NOTICE;
    set((s) => ({ queue: { ...s.queue, notice } }));
    await get().refresh();
  },

  startCorrection: async (item) => {
    const r = await bridge.getApplication({ applicationId: item.id });
    if (!r.ok) {
      set((s) => ({ queue: { ...s.queue, notice: r.error.message } }));
      return;
    }
    set({
      screen: 'entry',
      form: { ...emptyForm(), formId: r.value.formId, values: r.value.values, correcting: { applicationId: item.id, reason: item.statusReason } },
    });
  },

  abandonCorrection: () => set({ form: emptyForm() }),

  loadInfo: async () => {
    const r = await bridge.getAppInfo({});
    if (r.ok) set({ info: r.value });
    else set({ fatal: r.error.message });
  },
}));
