/** The counter's calendar day (local time zone) as ISO; the "today" of every form rule. */
export function localIsoDate(nowMs: number = Date.now()): string {
  const d = new Date(nowMs);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
