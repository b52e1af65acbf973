import { useEffect, useState } from 'react';
import { parseDateInput, formatWareki } from '../../../common/validation/wareki';

/**
 * A day typed as the clerk types dates everywhere else (R8.12.3, 令和8年12月3日, 2026-12-03): the
 * browser's own date input would show mm/dd/yyyy in an English Chromium, which no setting of ours fixes.
 */
export function DayInput({ label, iso, onDay }: { label: string; iso: string; onDay(iso: string): void }) {
  const [raw, setRaw] = useState(iso ? formatWareki(iso) : '');
  const parsed = raw.trim() === '' ? null : parseDateInput(raw);
  useEffect(() => {
    setRaw((r) => {
      const shown = r.trim() === '' ? null : parseDateInput(r);
      // the filter was cleared elsewhere: a valid day still shown would claim a filter that is gone
      if (iso === '') return shown?.ok ? '' : r;
      // the day was set elsewhere (a card read searched with its 生年月日): shown, unless the text already means it
      return shown?.ok && shown.iso === iso ? r : formatWareki(iso);
    });
  }, [iso]);
  const change = (v: string) => {
    setRaw(v);
    if (v.trim() === '') return onDay('');
    const p = parseDateInput(v);
    if (p.ok) onDay(p.iso);
  };
  return (
    <span className="day-input">
      <input type="text" inputMode="numeric" aria-label={label} placeholder="R8.12.3" value={raw} onChange={(e) => change(e.target.value)} aria-invalid={parsed && !parsed.ok ? true : undefined} />
      {parsed && !parsed.ok && <span className="field-error" role="alert">{parsed.message}</span>}
    </span>
  );
}
