import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { FieldDef, FormDefinition } from '../../../common/forms/form-definition';
import { validateForm } from '../../../common/forms/validate-form';
import { FormFields } from '../components/FormFields';

/**
 * `#bench-form`: a 100-field form rendered by the generic field renderer and validated on every
 * keystroke, for `npm run bench:counter`. The time from the keydown (event.timeStamp) to the
 * committed render of the validated form is appended to `data-samples` of #bench-form.
 */
const KINDS: FieldDef['kind'][] = ['name', 'kana', 'date', 'address', 'text', 'postalCode', 'phone', 'katakana', 'text', 'name'];

export const BENCH_FORM: FormDefinition = {
  id: 'bench-100',
  version: 1,
  title: '計測用（100項目）',
  gyomu: '住民基本台帳',
  rules: [],
  fields: Array.from({ length: 100 }, (_, i) => ({
    id: `f${i}`,
    label: `項目${i + 1}`,
    kind: KINDS[i % KINDS.length]!,
    required: true,
    maxLength: 200,
  })),
};

export function BenchScreen() {
  const [values, setValues] = useState<Record<string, string>>({});
  const started = useRef<number | null>(null);
  const samples = useRef<number[]>([]);
  const host = useRef<HTMLDivElement>(null);
  const v = useMemo(() => validateForm(BENCH_FORM, values, '2026-11-20'), [values]);
  // one function for the page's life, as the 手続きナビ's forms have: memoized fields re-render only for their own value
  const onChange = useCallback((k: string, val: string) => setValues((s) => ({ ...s, [k]: val })), []);
  useLayoutEffect(() => {
    if (started.current === null) return;
    samples.current.push(performance.now() - started.current);
    started.current = null;
    host.current?.setAttribute('data-samples', samples.current.map((x) => x.toFixed(3)).join(','));
  }, [v]);
  return (
    <div id="bench-form" ref={host} onKeyDownCapture={(e) => (started.current = e.timeStamp)}>
      <FormFields form={BENCH_FORM} values={values} errors={v.fieldErrors} warnings={v.warnings} onChange={onChange} idPrefix="b-" />
      <p data-testid="bench-errors">{Object.keys(v.fieldErrors).length}</p>
    </div>
  );
}
