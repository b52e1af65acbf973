import { memo, useCallback, useMemo, useRef, useState, type FormEvent } from 'react';
import { useCase } from '../case-store';
import { useApp } from '../store';
import { Field } from '../components/FormFields';
import { useDatePicks } from '../components/use-date-picks';
import { firstControl, useFocusOnError, useOpenAtTop } from '../components/focus';
import { expandSuggestions } from '../../../common/domain/city';
import { sameAnswerElsewhere } from '../../../common/cases/shared-answers';
import { fieldDefOf } from '../../../common/forms/form-keys';
import { findForm } from '../../../common/forms/registry';
import { validateForm } from '../../../common/forms/validate-form';
import type { FieldDef } from '../../../common/forms/form-definition';
import type { CaseFormView } from '../../../common/contract/case-operations';

/**
 * まとめて確認: every form of the case still to confirm, on one page, each with the fields that need the
 * clerk — those in error when the page opened (they stay while being answered) and any that come into
 * error as the clerk answers (a choice that asks for more). The rest of each form comes from the
 * household the clerk has checked, and each form can still be opened whole from the list. One confirm
 * confirms them all in one update of the case; a form still missing an answer stays unconfirmed, its
 * errors shown here.
 */
export function ConfirmTogether({ onOpen }: { onOpen(key: string): void }) {
  const forms = useCase((s) => s.current?.forms);
  const busy = useCase((s) => s.busy);
  const confirmTogether = useCase((s) => s.confirmTogether);
  const today = useApp((s) => s.info?.today ?? '9999-12-31');
  const root = useRef<HTMLFormElement>(null);
  // form key → the fields it needed when the page opened
  const [opened] = useState(() => {
    const edits = useCase.getState().edits;
    const m = new Map<string, string[]>();
    for (const f of forms ?? []) {
      const def = findForm(f.formId);
      if (f.confirmed || f.applicationId || !def) continue;
      m.set(f.key, Object.keys(validateForm(def, { ...f.values, ...(edits[f.key] ?? {}) }, today).fieldErrors));
    }
    return m;
  });
  useOpenAtTop(() => firstControl(root.current, '.has-error') ?? root.current?.querySelector('h1'));
  const failed = useFocusOnError(root);
  const todo = (forms ?? []).filter((f) => opened.has(f.key));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void confirmTogether(todo.filter((f) => !f.confirmed).map((f) => f.key)).then((ok) => ok || failed());
  };
  return (
    <form className="form-card case-form-together" ref={root} onSubmit={onSubmit} noValidate aria-labelledby="together-title">
      <h1 id="together-title" tabIndex={-1}>まとめて確認（{todo.length}件）</h1>
      <p className="form-meta">未確認の様式を並べ、入力が必要な項目だけを表示しています。ほかの項目は世帯の情報から記入されています。様式全体は左の一覧から開けます。</p>
      {todo.map((f, i) => <TogetherForm key={f.key} f={f} at={i} needed={opened.get(f.key) ?? []} today={today} onOpen={onOpen} />)}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || todo.length === 0}>
          {todo.length}件をまとめて確認しました（Enter）
        </button>
      </div>
    </form>
  );
}

/** One form on the まとめて確認 page: its title and the fields that need the clerk; typing re-renders only this form. */
const NO_FIELDS: readonly FieldDef[] = [];

const TogetherForm = memo(function TogetherForm({ f, at, needed, today, onOpen }: { f: CaseFormView; at: number; needed: string[]; today: string; onOpen(key: string): void }) {
  const mine = useCase((s) => s.edits[f.key]);
  const setFormValue = useCase((s) => s.setFormValue);
  const city = useApp((s) => s.info?.city ?? null);
  const previousAddress = useCase((s) => s.current?.data.household.previousAddress);
  const def = findForm(f.formId);
  const values = useMemo(() => ({ ...f.values, ...(mine ?? {}) }), [f.values, mine]);
  const v = useMemo(() => (def ? validateForm(def, values, today) : null), [def, values, today]);
  // an answer also fills the same person's same item in the other forms on the page that were empty or
  // still showed the previous value (the 届出人's 受取口座 on the 葬祭費 and the 未支給年金): typed once
  const onChange = useCallback(
    (k: string, val: string) => {
      const { current, edits } = useCase.getState();
      const shownValue = (key: string, field: string) => edits[key]?.[field] ?? current?.forms.find((x) => x.key === key)?.values[field] ?? '';
      const before = shownValue(f.key, k);
      setFormValue(f.key, k, val);
      const onPage = (current?.forms ?? []).filter((x) => !x.confirmed && !x.applicationId);
      for (const t of sameAnswerElsewhere(onPage, f.key, k)) {
        const there = shownValue(t.formKey, t.fieldKey);
        if (there === '' || there === before) setFormValue(t.formKey, t.fieldKey, val);
      }
    },
    [setFormValue, f.key],
  );
  // field id → its quick picks (stable arrays, so memoized fields do not re-render)
  const picks = useMemo(() => new Map((def ? [...def.fields, ...(def.groups ?? []).flatMap((g) => g.fields)] : []).filter((x) => x.suggestions).map((x) => [x.id, expandSuggestions(x.suggestions, city, previousAddress)])), [def, city, previousAddress]);
  const days = useDatePicks(def?.fields ?? NO_FIELDS, values);
  const shown = useRef(new Set(needed));
  if (!def || !v) return null;
  // a field stays once shown: one that came into error as the clerk answered (the bank fields after 口座を記入する)
  // would otherwise leave the page at its first keystroke, taking the focus with it
  for (const k of Object.keys(v.fieldErrors)) shown.current.add(k);
  const keys = [...shown.current];
  const fields = keys.flatMap((k) => {
    const d = fieldDefOf(def, k);
    return d && !f.fromCase.includes(k) ? [{ k, d }] : [];
  });
  // errors this page cannot show as a field (a whole group, a value from the household): the form itself shows them
  const elsewhere = keys.filter((k) => v.fieldErrors[k] && !fields.some((x) => x.k === k));
  return (
    <section className="together-form" aria-label={def.title} data-form-key={f.key}>
      <h2>
        {def.title}
        <span className={`badge ${f.confirmed ? 'ok' : Object.keys(v.fieldErrors).length ? 'todo' : 'check'}`}>{f.confirmed ? '確認済' : Object.keys(v.fieldErrors).length ? `要入力 ${Object.keys(v.fieldErrors).length}` : '入力済み'}</span>
      </h2>
      {fields.length > 0 && (
        <div className="fields">
          {fields.map(({ k, d }) => (
            <Field key={k} def={d} k={k} value={values[k] ?? ''} error={v.fieldErrors[k]} warning={v.warnings[k]} locked={false} checked={f.verifiedMyNumbers.includes(k)} onChange={onChange} idPrefix={`t${at}-`} picks={picks.get(d.id) ?? days.get(d.id)} />
          ))}
        </div>
      )}
      {fields.length === 0 && <p className="note">入力が必要な項目はありません。</p>}
      {elsewhere.length > 0 && (
        <p className="field-error" role="alert">
          {elsewhere.map((k) => v.fieldErrors[k]).join(' ')}
          <button type="button" className="row-btn" onClick={() => onOpen(f.key)}>この様式を開く</button>
        </p>
      )}
    </section>
  );
});
