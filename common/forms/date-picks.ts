import { addDays } from '../domain/age';
import { formatWareki, parseDateInput } from '../validation/wareki';
import type { FieldDef } from './form-definition';

/**
 * One-click days for a date that can only fall between an earlier date of the same form and today
 * (FieldDef.datePicks): 葬儀の日 is on or after the 死亡日 and, when the 葬祭費 is applied for, not
 * later than today. Each pick is the day in full 和暦 (令和8年12月2日), the way the form prints it, so
 * the value reads the same as one typed; typing any other day still works.
 * No picks while the earlier date is not a valid date, or lies in the future.
 */
export function datePicksBetween(fromRaw: string, today: string, maxDays: number): string[] {
  const from = parseDateInput(fromRaw);
  if (!from.ok || from.iso > today) return [];
  const out: string[] = [];
  for (let d = from.iso; d <= today && out.length < maxDays; d = addDays(d, 1)) out.push(formatWareki(d));
  return out;
}

/** The quick picks of a field with `datePicks`, from the form's current values; undefined for other fields. */
export function datePicksFor(def: FieldDef, values: Readonly<Record<string, string>>, today: string): string[] | undefined {
  if (!def.datePicks) return undefined;
  return datePicksBetween(values[def.datePicks.from] ?? '', today, def.datePicks.days);
}
