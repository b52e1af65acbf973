import { useMemo } from 'react';
import { useApp } from '../store';
import { datePicksBetween } from '../../../common/forms/date-picks';
import type { FieldDef } from '../../../common/forms/form-definition';

/**
 * field id → its one-click days (FieldDef.datePicks) for the form's current values and the counter's
 * today. The arrays stay the same while the dates they come from do not change, so memoized fields do
 * not re-render on every keystroke elsewhere. No picks before the app knows its today.
 */
export function useDatePicks(fields: readonly FieldDef[], values: Readonly<Record<string, string>>): Map<string, string[]> {
  const today = useApp((s) => s.info?.today);
  const spec = JSON.stringify(fields.flatMap((f) => (f.datePicks ? [[f.id, values[f.datePicks.from] ?? '', f.datePicks.days]] : [])));
  return useMemo(() => {
    const m = new Map<string, string[]>();
    if (!today) return m;
    for (const [id, from, days] of JSON.parse(spec) as [string, string, number][]) m.set(id, datePicksBetween(from, today, days));
    return m;
  }, [spec, today]);
}
