import { create } from 'zustand';
import type { AppInfo, QueueItem, QueueStats, SyncStatus } from '../../common/contract/operations';
import type { ApplicationStatus } from '../../common/domain/application-status';
import { findForm } from '../../common/forms/registry';
import { validateForm } from '../../common/forms/validate-form';
import { bridge } from './bridge/bridge';

export type Screen = 'entry' | 'queue';

interface FormState {
  formId: string;
  values: Record<string, string>;
  /** fields the clerk has left at least once: errors show only there until submit */
  touched: Record<string, boolean>;
  fieldErrors: Record<string, string>;
  warnings: Record<string, string>;
  submitting: boolean;
  /** Japanese banner after a submit attempt */
  banner: { kind: 'success' | 'error'; text: string } | null;
}

interface AppState {
  screen: Screen;
  info: AppInfo | null;
  fatal: string | null;
  form: FormState;
  queue: { items: QueueItem[]; filter: ApplicationStatus | 'all' };
  stats: QueueStats | null;
  sync: SyncStatus | null;
  setScreen(s: Screen): void;
  setField(id: string, value: string): void;
  touch(id: string): void;
  submit(): Promise<void>;
  refresh(): Promise<void>;
  setFilter(f: ApplicationStatus | 'all'): void;
  sendNow(): Promise<void>;
  loadInfo(): Promise<void>;
}

const FORM_ID = 'jumin-ido-tenkyo';

function emptyForm(): FormState {
  return { formId: FORM_ID, values: {}, touched: {}, fieldErrors: {}, warnings: {}, submitting: false, banner: null };
}

function revalidate(form: FormState, today: string, showAll: boolean): Pick<FormState, 'fieldErrors' | 'warnings'> {
  const def = findForm(form.formId);
  if (!def) return { fieldErrors: {}, warnings: {} };
  const v = validateForm(def, form.values, today);
  const visible = showAll ? v.fieldErrors : Object.fromEntries(Object.entries(v.fieldErrors).filter(([k]) => form.touched[k]));
  return { fieldErrors: visible, warnings: v.warnings };
}

export const useApp = create<AppState>((set, get) => ({
  screen: 'entry',
  info: null,
  fatal: null,
  form: emptyForm(),
  queue: { items: [], filter: 'all' },
  stats: null,
  sync: null,

  setScreen: (screen) => set({ screen }),

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
    const r = await bridge.submitApplication({ formId: s.form.formId, values: s.form.values });
    if (r.ok) {
      const form = emptyForm();
      set({ form: { ...form, banner: { kind: 'success', text: '受け付けました。送信状況の画面で進み具合を確認できます。' } } });
      void get().refresh();
    } else {
      set((cur) => ({
        form: {
          ...cur.form,
          submitting: false,
          fieldErrors: r.error.fieldErrors ?? cur.form.fieldErrors,
          banner: { kind: 'error', text: r.error.message },
        },
      }));
    }
  },

  refresh: async () => {
    const filter = get().queue.filter;
    const [list, stats, sync] = await Promise.all([
      bridge.listQueue(filter === 'all' ? { limit: 200 } : { status: filter, limit: 200 }),
      bridge.getQueueStats({}),
      bridge.getSyncStatus({}),
    ]);
    set((s) => ({
      queue: list.ok ? { ...s.queue, items: list.value.items } : s.queue,
      stats: stats.ok ? stats.value : s.stats,
      sync: sync.ok ? sync.value : { connection: 'unknown', sending: false, lastSuccessAt: null, lastError: sync.error.message },
    }));
  },

  setFilter: (filter) => {
    set((s) => ({ queue: { ...s.queue, filter } }));
    void get().refresh();
  },

  sendNow: async () => {
    await bridge.syncNow({});
    await get().refresh();
  },

  loadInfo: async () => {
    const r = await bridge.getAppInfo({});
    if (r.ok) set({ info: r.value });
    else set({ fatal: r.error.message });
  },
}));
