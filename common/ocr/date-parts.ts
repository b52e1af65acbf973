import { foldForNumbers } from './ocr-text';

/** One read of a date line: its text and the model's confidence. */
export interface DateReadText {
  text: string;
  confidence: number;
}

/** How much a read's part counts besides its confidence (a read of confidence 0 still votes half), as the resolver's vote. */
const PART_VOTE_BASE = 0.5;

/**
 * A date put together from reads that each give only some of it, when none gives all: each part (the year as
 * printed with its era, the month, the day) is voted for by the reads that show it, each with its confidence.
 * A faint end of the line lost in some reads (1997年10 | 田萌年10月9日: the year in the one, 月 and the day
 * in the other) then still gives the date. The year is taken with its era or as four digits; a number after
 * 年 is the month even where 月 was lost, one after 月 the day. Null when a part is read by none. The result
 * is a text for the card's date parser, which still rejects what cannot be.
 */
export function dateFromParts(reads: readonly DateReadText[]): string | null {
  const years = new Map<string, number>();
  const months = new Map<number, number>();
  const days = new Map<number, number>();
  const vote = <K>(m: Map<K, number>, k: K, r: DateReadText): void => {
    m.set(k, (m.get(k) ?? 0) + PART_VOTE_BASE + r.confidence);
  };
  for (const r of reads) {
    const t = foldForNumbers(r.text);
    const year = /((?:明治|大正|昭和|平成|令和)(?:\d{1,2}|元)|(?<!\d)(?:18|19|20)\d\d)年/.exec(t);
    if (year) vote(years, year[1]!, r);
    const month = /年(\d{1,2})(?:月|$)/.exec(t) ?? /(?<!\d)(\d{1,2})月/.exec(t);
    if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12) vote(months, Number(month[1]), r);
    const day = /月(\d{1,2})日?/.exec(t) ?? /(?<!\d)(\d{1,2})日/.exec(t);
    if (day && Number(day[1]) >= 1 && Number(day[1]) <= 31) vote(days, Number(day[1]), r);
  }
  const top = <K>(m: Map<K, number>): K | undefined => [...m.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const [y, mo, d] = [top(years), top(months), top(days)];
  return y === undefined || mo === undefined || d === undefined ? null : `${y}年${mo}月${d}日`;
}
