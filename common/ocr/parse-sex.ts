/** 性別 as printed (男 / 女) → 'M' / 'F'. Only a character right after the label or standing alone counts. */
export function parseSex(raw: string): 'M' | 'F' | null {
  const t = raw.replace(/[\s\u3000]+/g, '');
  const m = /性?別[:：]?([男女])/.exec(t) ?? /(?:^|生|別)([男女])$/.exec(t) ?? /^([男女])$/.exec(t);
  if (!m) return null;
  return m[1] === '男' ? 'M' : 'F';
}
