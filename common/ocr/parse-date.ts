import { isoFromParts, warekiToIso } from '../validation/wareki';
import { foldForNumbers } from './ocr-text';

export type DateRead = { ok: true; iso: string; wareki: boolean } | { ok: false; reason: string };

/** Era names as tesseract may half-read them: one surviving character is enough to know the era. */
const ERA_HINTS: readonly [RegExp, string][] = [
  [/明治|明|治/, '明治'],
  [/大正|正/, '大正'],
  [/昭和|昭/, '昭和'],
  [/平成|平|成/, '平成'],
  [/令和|令/, '令和'],
];

/**
 * A surviving character two eras share (和 of 昭和 and 令和): the date decides, when one era only gives a date
 * that has been (a wareki date on a card is the birth date): 骨和60年 is 昭和60年, as 令和60年 is to come.
 */
const SHARED_ERA_HINTS: readonly [RegExp, string[]][] = [[/和/, ['昭和', '令和']]];

const DATE = /(\d{1,4}|元)年(\d{1,2})月(\d{1,2})日?/;

/**
 * A printed card date (`昭和60年 3月 3日生`, `2030年 3月 3日まで有効`, `1985年3月3日`) → ISO.
 * Impossible dates (平成32年, 2月30日) are rejected, not guessed.
 * @param today ISO; with it, an era read by a character two eras share is the one whose date has been
 */
export function parseCardDate(raw: string, today?: string): DateRead {
  const t = foldForNumbers(raw);
  const m = DATE.exec(t);
  if (!m) return { ok: false, reason: '日付が読み取れません。' };
  const [, yRaw = '', mo = '', d = ''] = m;
  const before = t.slice(0, m.index);
  if (yRaw.length === 4) {
    const iso = isoFromParts(Number(yRaw), Number(mo), Number(d));
    if (!iso || yRaw < '1868') return { ok: false, reason: '存在しない日付です。' };
    return { ok: true, iso, wareki: false };
  }
  const year = yRaw === '元' ? 1 : Number(yRaw);
  const era = ERA_HINTS.find(([re]) => re.test(before.slice(-3)))?.[1];
  if (!era) {
    const shared = today ? SHARED_ERA_HINTS.find(([re]) => re.test(before.slice(-3)))?.[1] : undefined;
    const past = (shared ?? []).map((e) => warekiToIso(e, year, Number(mo), Number(d))).flatMap((r) => (r.ok && r.iso <= today! ? [r.iso] : []));
    return past.length === 1 ? { ok: true, iso: past[0]!, wareki: true } : { ok: false, reason: '元号が読み取れません。' };
  }
  const r = warekiToIso(era, year, Number(mo), Number(d));
  return r.ok ? { ok: true, iso: r.iso, wareki: true } : { ok: false, reason: r.message };
}

/**
 * A line that begins with an era and has its 年 soon after: no line of a card but a date does, whatever became
 * of its digits (昭和較剛年旧月過4.目生: letter-spaced Gothic read as kanji).
 */
const ERA_YEAR = /^(?:明治|大正|昭和|平成|令和).{1,4}年/;

/**
 * true when the text looks like a date at all (for finding the date lines by shape): a year and a month, or a
 * month and a day after 年 where the year itself was lost (田萌年10月9日: 1997 in letter-spaced digits on a
 * phone photo), or an era and its 年 (ERA_YEAR). No address is written with 年, 月 and 日 in turn.
 */
export function looksLikeDate(raw: string): boolean {
  const t = foldForNumbers(raw);
  return /(?:\d{1,4}|元)年\d{1,2}月/.test(t) || /年\d{1,2}月\d{1,2}日/.test(t) || ERA_YEAR.test(t);
}
