import type { FormEvent } from 'react';
import { useApp } from '../store';
import { findForm } from '../../../common/forms/registry';
import { parseDateInput, formatWareki, formatJa } from '../../../common/validation/wareki';
import type { FieldDef } from '../../../common/forms/form-definition';

/** Shows how a typed date was understood, in both calendars, so a mis-typed era is caught at once. */
function DateEcho({ raw }: { raw: string }) {
  if (raw.trim() === '') return null;
  const p = parseDateInput(raw);
  if (!p.ok) return null;
  return (
    <span className="echo">
      → {formatJa(p.iso)}（{formatWareki(p.iso)}）
    </span>
  );
}

function Field({ def }: { def: FieldDef }) {
  const { form, setField, touch } = useApp();
  const id = `f-${def.id}`;
  const error = form.fieldErrors[def.id];
  const warning = form.warnings[def.id];
  const raw = form.values[def.id] ?? '';
  return (
    <div className={`field kind-${def.kind}${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {def.label}
        {def.required && <span className="req">必須</span>}
      </label>
      <input
        id={id}
        name={def.id}
        value={raw}
        placeholder={def.placeholder}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setField(def.id, e.target.value)}
        onBlur={() => touch(def.id)}
      />
      {def.kind === 'date' && <DateEcho raw={raw} />}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      {!error && warning && <p className="field-warning">{warning}</p>}
    </div>
  );
}

export function FormScreen() {
  const { form, submit, abandonCorrection } = useApp();
  const def = findForm(form.formId);
  if (!def) return <p>様式が見つかりません。</p>;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit();
  };
  return (
    <form className="form-card" onSubmit={onSubmit} noValidate aria-labelledby="form-title">
      <h1 id="form-title">{def.title}</h1>
      <p className="form-meta">業務: {def.gyomu} ・ 様式 v{def.version}</p>
      {form.correcting && (
        <div className="banner warn" role="note">
          差戻しの修正: {form.correcting.reason ?? '要対応の申請'}
          <button type="button" className="row-btn subtle" onClick={abandonCorrection}>修正をやめる</button>
        </div>
      )}
      {form.banner && (
        <div className={`banner ${form.banner.kind}`} role={form.banner.kind === 'error' ? 'alert' : 'status'}>
          {form.banner.text}
        </div>
      )}
      <div className="fields">
        {def.fields.map((f) => (
          <Field key={f.id} def={f} />
        ))}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.submitting}>
          {form.submitting ? '保存中…' : form.correcting ? '修正して再提出' : '確認して送信キューへ'}
        </button>
      </div>
    </form>
  );
}
