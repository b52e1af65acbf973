import { memo, useMemo, useRef, useState } from 'react';
import type { FieldDef, FormDefinition } from '../../../common/forms/form-definition';
import { conditionHolds, groupCount, groupKey } from '../../../common/forms/form-keys';
import { formatJa, formatWareki, parseDateInput } from '../../../common/validation/wareki';
import { expandSuggestions, type CityIdentity } from '../../../common/domain/city';
import { caretToEnd, continueAfterTab } from './caret';
import { AddressHelp, PostalHint } from './PostalAddressFields';
import { usePostalAddress, type PostalAddressState } from './use-postal-address';
import { confirmReveal } from '../session/reveal';
import { useDatePicks } from './use-date-picks';

/**
 * Generic rendering of any form definition: every field kind (text, kana, date with 和暦 echo,
 * 郵便番号, 電話番号, 個人番号 masked unless revealed on purpose, select, checkbox) and groups of
 * persons. Values that come from the visit case are shown read-only: they are changed on the
 * household step so that every form of the case follows. A field with quick picks (FieldDef.suggestions:
 * insurers, the city) shows them as buttons beside its input; a pick fills the input and leaves the
 * caret at its end, so the clerk can go on typing.
 */
export interface FormFieldsProps {
  form: FormDefinition;
  values: Record<string, string>;
  errors: Record<string, string>;
  warnings: Record<string, string>;
  /** keys filled from the case (read-only here) */
  fromCase?: ReadonlySet<string>;
  /** 個人番号 keys whose number was read from that person's card (the only ones marked as checked) */
  verified?: ReadonlySet<string>;
  onChange(key: string, value: string): void;
  idPrefix?: string;
  /** the counter's city, for quick picks naming it */
  city?: CityIdentity | null;
  /** the household's previous address (a visit case after a 転入), for quick picks naming where it was */
  previousAddress?: string | null;
}

export function DateEcho({ raw }: { raw: string }) {
  if (raw.trim() === '') return null;
  const p = parseDateInput(raw);
  if (!p.ok) return null;
  return (
    <span className="echo">
      → {formatJa(p.iso)}（{formatWareki(p.iso)}）
    </span>
  );
}

function maskNumber(v: string): string {
  const d = v.replace(/\D/g, '');
  return d.length <= 4 ? d : `${'●'.repeat(d.length - 4)}${d.slice(-4)}`;
}

const RADIO_MAX = 6;

interface FieldProps {
  def: FieldDef;
  k: string;
  value: string;
  error?: string;
  warning?: string;
  locked: boolean;
  /** a 個人番号 read from its person's card */
  checked?: boolean;
  onChange(key: string, value: string): void;
  idPrefix: string;
  /** quick picks, already expanded for the city */
  picks?: readonly string[];
  /** 郵便番号 ⇄ 住所 between a 郵便番号 and the address after it (PostalAddressPair) */
  postal?: { pair: PostalAddressState; role: 'postal' | 'address' };
}

export const Field = memo(function Field({ def, k, value, error, warning, locked, checked, onChange, idPrefix, picks, postal }: FieldProps) {
  const [reveal, setReveal] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = `${idPrefix}${k.replace(/\./g, '_')}`;
  const helps = postal?.role === 'address' && (postal.pair.towns !== null || postal.pair.codes.length > 0);
  const describedBy = [error ? `${id}-error` : '', helps ? postal.pair.helpId : ''].filter(Boolean).join(' ') || undefined;
  const cls = `field kind-${def.kind}${error ? ' has-error' : ''}${locked ? ' from-case' : ''}`;
  const label = (
    <>
      {def.label}
      {def.required && <span className="req">必須</span>}
      {locked && <span className="from-case-tag" title="来庁者・世帯の画面で修正すると、すべての様式に反映されます">世帯から</span>}
      {checked && <span className="tag ok" data-testid="mynumber-checked">カードで確認済み</span>}
    </>
  );
  let control;
  if (def.kind === 'select' && def.options && def.options.length <= RADIO_MAX && !locked) {
    return (
      <fieldset className={`${cls} radios`} aria-invalid={error ? true : undefined} aria-describedby={describedBy} data-field={k}>
        <legend>{label}</legend>
        <div className="radio-row">
          {def.options.map((o) => (
            <label key={o.value} className={value === o.value ? 'radio on' : 'radio'}>
              <input type="radio" name={id} value={o.value} checked={value === o.value} onChange={() => onChange(k, o.value)} />
              {o.label}
            </label>
          ))}
        </div>
        {def.hint && <p className="hint">{def.hint}</p>}
        {error && <p className="field-error" id={`${id}-error`} role="alert">{error}</p>}
        {!error && warning && <p className="field-warning">{warning}</p>}
      </fieldset>
    );
  }
  if (def.kind === 'select' && !locked) {
    control = (
      <select id={id} value={value} onChange={(e) => onChange(k, e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={describedBy}>
        <option value="">選んでください</option>
        {def.options?.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    );
  } else if (def.kind === 'checkbox') {
    return (
      <div className={cls} data-field={k}>
        <label className="check">
          <input id={id} type="checkbox" checked={value === 'はい'} disabled={locked} onChange={(e) => onChange(k, e.target.checked ? 'はい' : '')} />
          {label}
        </label>
        {def.hint && <p className="hint">{def.hint}</p>}
        {error && <p className="field-error" id={`${id}-error`} role="alert">{error}</p>}
      </div>
    );
  } else if (def.kind === 'myNumber') {
    control = (
      <span className="mynumber">
        {locked ? (
          <input id={id} value={reveal ? value : maskNumber(value)} readOnly aria-describedby={describedBy} />
        ) : (
          <input
            id={id}
            type={reveal ? 'text' : 'password'}
            inputMode="numeric"
            autoComplete="off"
            value={value}
            onChange={(e) => onChange(k, e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
          />
        )}
        <label className="reveal">
          <input type="checkbox" checked={reveal} onChange={(e) => void confirmReveal(e.target.checked, k).then(setReveal)} />
          表示する
        </label>
      </span>
    );
  } else {
    control = (
      <input
        id={id}
        ref={inputRef}
        value={value}
        readOnly={locked}
        tabIndex={locked ? -1 : undefined}
        placeholder={locked ? undefined : def.placeholder}
        autoComplete="off"
        spellCheck={false}
        inputMode={def.kind === 'postalCode' || def.kind === 'phone' ? 'tel' : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(k, e.target.value)}
        onKeyDown={postal ? (postal.role === 'address' ? postal.pair.onAddressKeyDown : postal.pair.onKeyDown) : undefined}
        onKeyUp={postal?.role === 'address' ? continueAfterTab : undefined}
        aria-keyshortcuts={helps ? (postal.pair.codes.length === 1 ? 'ArrowDown Alt+P' : 'ArrowDown') : undefined}
      />
    );
  }
  return (
    <div className={cls} data-field={k}>
      <label htmlFor={id}>{label}</label>
      {control}
      {!locked && picks && picks.length > 0 && (
        <div className="picks" role="group" aria-label={`${def.label}の候補`}>
          {picks.map((p) => (
            <button
              key={p}
              type="button"
              className={value === p ? 'pick on' : 'pick'}
              aria-pressed={value === p}
              onClick={() => {
                onChange(k, p);
                const el = inputRef.current;
                if (el) {
                  el.focus();
                  requestAnimationFrame(() => caretToEnd(el));
                }
              }}
            >
              {p}
            </button>
          ))}
        </div>
      )}
      {postal?.role === 'postal' && <PostalHint pair={postal.pair} />}
      {postal?.role === 'address' && <AddressHelp pair={postal.pair} addressId={id} label={def.label} />}
      {def.kind === 'date' && <DateEcho raw={value} />}
      {def.hint && <p className="hint">{def.hint}</p>}
      {error && <p className="field-error" id={`${id}-error`} role="alert">{error}</p>}
      {!error && warning && <p className="field-warning">{warning}</p>}
    </div>
  );
});

export function FormFields({ form, values, errors, warnings, fromCase, verified, onChange, idPrefix = 'cf-', city, previousAddress }: FormFieldsProps) {
  const top = (id: string) => values[id] ?? '';
  // field id → its quick picks for this city (stable arrays, so memoized fields do not re-render)
  const picks = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const f of [...form.fields, ...(form.groups ?? []).flatMap((g) => g.fields)]) if (f.suggestions) m.set(f.id, expandSuggestions(f.suggestions, city, previousAddress));
    return m;
  }, [form, city, previousAddress]);
  const days = useDatePicks(form.fields, values);
  const visibleTop = form.fields.filter((f) => !f.when || conditionHolds(f.when, top));
  return (
    <div className="form-fields">
      <div className="fields">
        {visibleTop.map((f, i) => {
          const props = (d: FieldDef) => ({ def: d, k: d.id, value: values[d.id] ?? '', error: errors[d.id], warning: warnings[d.id], locked: fromCase?.has(d.id) ?? false, checked: verified?.has(d.id) ?? false, onChange, idPrefix, picks: picks.get(d.id) ?? days.get(d.id) });
          // a 郵便番号 and the address right after it, both editable, look each other up
          const next = visibleTop[i + 1];
          const prev = visibleTop[i - 1];
          // (an address from the case, read-only here, still suggests its 郵便番号 while that is empty)
          const paired = (p: FieldDef | undefined, a: FieldDef | undefined) => p?.kind === 'postalCode' && a?.kind === 'address' && !fromCase?.has(p.id);
          if (paired(prev, f)) return null;
          if (paired(f, next)) return <PostalAddressPair key={f.id} postal={props(f)} address={props(next!)} city={city ?? null} />;
          return <Field key={f.id} {...props(f)} />;
        })}
      </div>
      {(form.groups ?? []).map((g) => {
        const n = groupCount(g, values);
        return (
          <section key={g.id} className="group" aria-label={g.label}>
            <h2>{g.label}</h2>
            {errors[g.id] && <p className="field-error" role="alert">{errors[g.id]}</p>}
            {Array.from({ length: n }, (_, i) => {
              const raw = (id: string) => (g.fields.some((f) => f.id === id) ? (values[groupKey(g.id, i, id)] ?? '') : top(id));
              return (
                <fieldset key={i} className="member">
                  <legend>{i + 1}人目</legend>
                  <div className="fields">
                    {g.fields
                      .filter((f) => !f.when || conditionHolds(f.when, raw))
                      .map((f) => {
                        const k = groupKey(g.id, i, f.id);
                        return <Field key={k} def={f} k={k} value={values[k] ?? ''} error={errors[k]} warning={warnings[k]} locked={fromCase?.has(k) ?? false} checked={verified?.has(k) ?? false} onChange={onChange} idPrefix={idPrefix} picks={picks.get(f.id)} />;
                      })}
                  </div>
                </fieldset>
              );
            })}
          </section>
        );
      })}
    </div>
  );
}

/** A form's 郵便番号 and its address, side by side as two fields, with the lookups between them. */
function PostalAddressPair({ postal, address, city }: { postal: FieldProps; address: FieldProps; city: CityIdentity | null }) {
  const addressId = `${address.idPrefix}${address.k.replace(/\./g, '_')}`;
  const pair = usePostalAddress({
    postal: postal.value,
    address: address.value,
    setPostal: (v) => postal.onChange(postal.k, v),
    setAddress: (v) => address.onChange(address.k, v),
    city,
    addressId,
  });
  return (
    <>
      <Field {...postal} postal={{ pair, role: 'postal' }} />
      <Field {...address} postal={{ pair, role: 'address' }} />
    </>
  );
}
