/**
 * 性別 as printed (男 / 女) → 'M' / 'F'. Only a character right after the label, standing alone, or ending the
 * birth date's row counts: there the label is evidence, not a requirement (misread, 性別 女 comes out 融女;
 * a foreign resident's card prints the date without 生: 1934年08月07日各 男; a date's day, as a name may end
 * in 日出男).
 */
export function parseSex(raw: string): 'M' | 'F' | null {
  const t = raw.replace(/[\s\u3000]+/g, '');
  const m = /性?別[:：]?([男女])/.exec(t) ?? /(?:^|生|別)([男女])$/.exec(t) ?? /[0-9０-９]日生?[^男女\d]{1,2}([男女])$/.exec(t) ?? /^性[^男女\d]?([男女])[^男女]{0,2}$/.exec(t) ?? /^([男女])$/.exec(t);
  if (!m) return null;
  return m[1] === '男' ? 'M' : 'F';
}
