/**
 * Date input as clerks type it: 西暦 (1985-04-01, 1985/4/1, 1985年4月1日, 19850401) or 和暦
 * (昭和60年4月1日, S60.4.1, s60/4/1, 令和元年5月1日, R1.5.1).
 * Impossible combinations (平成32年, 昭和64年2月1日, 令和元年4月1日) are rejected, never guessed.
 * The date of a visit's event may also be typed without its year (6.1, 6/1, 6月1日): see
 * parseEventDateInput, which takes today's date to place it.
 *
 * 明治 starts 1868-01-25 here (the 改元の詔 is dated 明治元年9月8日 but applied from the start of
 * that lunar year; 1868-01-25 is its Gregorian equivalent). Dates before it are rejected.
 */
export interface Era {
  name: string;
  letter: string;
  /** first day, ISO */
  start: string;
}

export const ERAS: readonly Era[] = [
  { name: '明治', letter: 'M', start: '1868-01-25' },
  { name: '大正', letter: 'T', start: '1912-07-30' },
  { name: '昭和', letter: 'S', start: '1926-12-25' },
  { name: '平成', letter: 'H', start: '1989-01-08' },
  { name: '令和', letter: 'R', start: '2019-05-01' },
];

export type DateParse = { ok: true; iso: string } | { ok: false; message: string };

const FULLWIDTH_DIGIT = /[０-９]/g;
function toAsciiDigits(s: string): string {
  return s.replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function isoFromParts(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function eraOf(token: string): Era | undefined {
  const upper = token.toUpperCase();
  return ERAS.find((e) => e.name === token || e.letter === upper);
}

/** The era a Gregorian ISO date falls in, or undefined before 明治. */
export function eraForIso(iso: string): Era | undefined {
  let found: Era | undefined;
  for (const era of ERAS) if (iso >= era.start) found = era;
  return found;
}

export function warekiToIso(eraToken: string, eraYear: number, m: number, d: number): DateParse {
  const era = eraOf(eraToken);
  if (!era) return { ok: false, message: '元号が読み取れません。' };
  if (eraYear < 1) return { ok: false, message: `${era.name}の年は1（元年）以上です。` };
  const startYear = Number(era.start.slice(0, 4));
  const iso = isoFromParts(startYear + eraYear - 1, m, d);
  if (!iso) return { ok: false, message: '存在しない日付です。' };
  const label = `${era.name}${eraYear === 1 ? '元' : eraYear}年${m}月${d}日`;
  if (iso < era.start) return { ok: false, message: `${label}は存在しません（${era.name}は${formatJa(era.start)}から）。` };
  const next = ERAS[ERAS.indexOf(era) + 1];
  if (next && iso >= next.start) {
    return { ok: false, message: `${label}は存在しません（${era.name}は${formatJa(dayBefore(next.start))}まで）。` };
  }
  return { ok: true, iso };
}

function dayBefore(iso: string): string {
  const t = Date.parse(`${iso}T00:00:00Z`) - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function formatJa(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 和暦 label for an ISO date, e.g. 2019-05-01 → 令和元年5月1日. */
export function formatWareki(iso: string): string {
  const era = eraForIso(iso);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (!era) return formatJa(iso);
  const eraYear = y - Number(era.start.slice(0, 4)) + 1;
  return `${era.name}${eraYear === 1 ? '元' : eraYear}年${m}月${d}日`;
}

const WAREKI = /^(明治|大正|昭和|平成|令和|[MTSHRmtshr])\s*(元|\d{1,2})\s*[年.\/\-]\s*(\d{1,2})\s*[月.\/\-]\s*(\d{1,2})\s*日?$/u;
const SEIREKI = /^(\d{4})\s*[年.\/\-]\s*(\d{1,2})\s*[月.\/\-]\s*(\d{1,2})\s*日?$/u;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

export function parseDateInput(raw: string): DateParse {
  const s = toAsciiDigits(raw.trim()).replace(/　/g, ' ');
  if (s === '') return { ok: false, message: '日付を入力してください。' };
  const w = WAREKI.exec(s);
  if (w) {
    const [, era = '', y = '', m = '', d = ''] = w;
    return warekiToIso(era, y === '元' ? 1 : Number(y), Number(m), Number(d));
  }
  const g = SEIREKI.exec(s) ?? COMPACT.exec(s);
  if (g) {
    const iso = isoFromParts(Number(g[1]), Number(g[2]), Number(g[3]));
    if (!iso) return { ok: false, message: '存在しない日付です。' };
    if (iso < ERAS[0]!.start) return { ok: false, message: '明治元年より前の日付は扱えません。' };
    return { ok: true, iso };
  }
  return { ok: false, message: '日付の形式が正しくありません（例：昭和60年4月1日、S60.4.1、1985-04-01）。' };
}

const MONTH_DAY = /^(\d{1,2})\s*[月.\/\-．／－]\s*(\d{1,2})\s*日?$/u;

/**
 * Which year a date typed without one (6.1, 6/1, 6月1日) falls in:
 * - `past`: the most recent such day that is not after `today` — this year's, or last year's while
 *   this year's is still ahead. For a day that has happened: 転入・転居した日, 生まれた日, 亡くなった日.
 * - `nearest`: the closest such day to `today`, ahead or behind (last, this or next year; a tie goes
 *   to the past). For a day that may still be to come: the planned 転出日.
 * The day must exist in that year: 2月30日 is refused, and so is 2月29日 outside a leap year (it is
 * never carried back to the last 2月29日, which would be years away; type the year then).
 */
export type YearlessRule = 'past' | 'nearest';

function yearlessToIso(m: number, d: number, today: string, rule: YearlessRule): DateParse {
  if (!isoFromParts(2024, m, d)) return { ok: false, message: '存在しない日付です。' };
  const y = Number(today.slice(0, 4));
  const on = (year: number) => isoFromParts(year, m, d);
  if (rule === 'past') {
    const thisYear = on(y);
    const found = thisYear !== null && thisYear <= today ? thisYear : on(y - 1);
    return found ? { ok: true, iso: found } : { ok: false, message: `${m}月${d}日は今年も昨年もありません。年も入力してください。` };
  }
  const dayNo = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  let best: string | null = null;
  for (const iso of [on(y - 1), on(y), on(y + 1)]) {
    if (iso !== null && (best === null || Math.abs(dayNo(iso) - dayNo(today)) < Math.abs(dayNo(best) - dayNo(today)))) best = iso;
  }
  return best ? { ok: true, iso: best } : { ok: false, message: `${m}月${d}日は前後の年にありません。年も入力してください。` };
}

const DAY_ONLY = /^(\d{1,2})\s*日?$/u;

/**
 * Which month a day typed alone (1, 28, 28日) falls in, by the same `rule` as a day without its year:
 * `past` — this month's while it is not after `today`, else last month's; `nearest` — the closest of
 * last, this and next month's. The day must exist in that month (31 in a month of 30 days is refused,
 * never carried further back).
 */
function dayOnlyToIso(d: number, today: string, rule: YearlessRule): DateParse {
  if (d < 1 || d > 31) return { ok: false, message: '存在しない日付です。' };
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const on = (offset: number) => {
    const k = y * 12 + (m - 1) + offset;
    return isoFromParts(Math.floor(k / 12), (k % 12) + 1, d);
  };
  if (rule === 'past') {
    const thisMonth = on(0);
    const found = thisMonth !== null && thisMonth <= today ? thisMonth : on(-1);
    return found ? { ok: true, iso: found } : { ok: false, message: `${d}日は今月も先月もありません。月も入力してください。` };
  }
  const dayNo = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  let best: string | null = null;
  for (const iso of [on(-1), on(0), on(1)]) {
    if (iso !== null && (best === null || Math.abs(dayNo(iso) - dayNo(today)) < Math.abs(dayNo(best) - dayNo(today)))) best = iso;
  }
  return best ? { ok: true, iso: best } : { ok: false, message: `${d}日は前後の月にありません。月も入力してください。` };
}

/**
 * The date of a visit's event (#case-date): everything parseDateInput takes, and also month and day
 * alone (6.1 / 6/1 / 6月1日, full-width digits too), whose year follows `rule` (see YearlessRule), and
 * the day alone (1 / 28日), whose month follows the same rule: most events are days or weeks old, so
 * the clerk types only the day (the form echoes the full date it was read as).
 * @param today ISO date of the counter's calendar day
 */
export function parseEventDateInput(raw: string, today: string, rule: YearlessRule = 'past'): DateParse {
  const s = toAsciiDigits(raw.trim()).replace(/　/g, ' ');
  const md = MONTH_DAY.exec(s);
  if (md) return yearlessToIso(Number(md[1]), Number(md[2]), today, rule);
  const day = DAY_ONLY.exec(s);
  if (day) return dayOnlyToIso(Number(day[1]), today, rule);
  return parseDateInput(raw);
}
