import { useEffect, useRef, type FocusEvent, type FormEvent } from 'react';
import { useApp } from '../store';
import { findForm } from '../../../common/forms/registry';
import { FormFields } from '../components/FormFields';
import { focusFirstError } from '../components/focus';

/**
 * One application typed or corrected on its own (a returned application comes back here): the same field
 * rendering as the visit case's forms — conditions, choices, quick picks, 個人番号 masked — with `f-` ids.
 * A field's error shows once the clerk has left it, or after 送信.
 */
export function FormScreen() {
  const form = useApp((s) => s.form);
  const submit = useApp((s) => s.submit);
  const abandonCorrection = useApp((s) => s.abandonCorrection);
  const setField = useApp((s) => s.setField);
  const touch = useApp((s) => s.touch);
  const city = useApp((s) => s.info?.city ?? null);
  const def = findForm(form.formId);
  const root = useRef<HTMLFormElement>(null);
  const banner = useRef<HTMLDivElement>(null);
  // a failed 送信 (each sets a new banner): the first field in error takes the focus, else the banner
  useEffect(() => {
    if (form.banner?.kind === 'error') focusFirstError(root.current, banner.current);
  }, [form.banner]);
  if (!def) return <p>様式が見つかりません。</p>;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit();
  };
  return (
    <form className="form-card" ref={root} onSubmit={onSubmit} noValidate aria-labelledby="form-title">
      <h1 id="form-title">{def.title}</h1>
      <p className="form-meta">業務: {def.gyomu} ・ 様式 v{def.version}</p>
      {form.correcting && (
        <div className="banner warn" role="note">
          差戻しの修正: {form.correcting.reason ?? '要対応の申請'}
          <button type="button" className="row-btn subtle" onClick={abandonCorrection}>修正をやめる</button>
        </div>
      )}
      {form.banner && (
        <div className={`banner ${form.banner.kind}`} ref={banner} tabIndex={-1} role={form.banner.kind === 'error' ? 'alert' : 'status'}>
          {form.banner.text}
        </div>
      )}
      <div onBlurCapture={(e: FocusEvent) => {
        const key = (e.target as HTMLElement).closest('[data-field]')?.getAttribute('data-field');
        if (key) touch(key);
      }}>
        <FormFields form={def} values={form.values} errors={form.fieldErrors} warnings={form.warnings} onChange={setField} idPrefix="f-" city={city} />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.submitting}>
          {form.submitting ? '保存中…' : form.correcting ? '修正して再提出' : '確認して送信キューへ'}
        </button>
      </div>
    </form>
  );
}
