import { levenshtein } from '../text/levenshtein';

/** Labels printed on card fronts that an address row may run into when the label sits at its end. */
const LABELS = ['生年月日', '有効期限', '性別', '氏名', '住所'];

/** Punctuation: no address ends in one (5-15-22. is a speck read as a full stop). A closing parenthesis may (（山田方）). */
const TRAILING_MARKS = /[\s.,。、，．・:：;；!！?？'"『』「」|｜_~〜]+$/u;

/**
 * An address as read without what cannot end one: trailing punctuation, and a card label it ran into, read
 * exactly, one character off (1061番地生生月日: the 生年月日 label beside the row's end), with its first three
 * right and its end misread (２４号生年月有明: the label under the last row taken for a row), or with its last
 * two right and its start misread (108号全全月日). A label is only
 * cut after a number or a 番地 word, where an address can end, so a place name is never shortened.
 */
export function trimAddressTail(address: string): string {
  let t = address.replace(TRAILING_MARKS, '');
  const cs = [...t];
  for (const label of LABELS) {
    const n = [...label].length;
    for (const len of [n, n - 1, n + 1]) {
      if (len < 2 || len > cs.length - 1) continue;
      const tail = cs.slice(cs.length - len);
      const before = cs[cs.length - len - 1]!;
      // a four-character label one character off, begun right and misread at its end (生年月有明), or misread
      // at its start (no digit or join there: those are the 番地's) and ended right, as long as it is (全全月日)
      const misread =
        levenshtein(tail, [...label]) <= (n >= 4 ? 1 : 0) ||
        (n >= 4 && tail.slice(0, n - 1).join('') === label.slice(0, n - 1)) ||
        (n >= 4 && len === n && tail.slice(n - 2).join('') === label.slice(n - 2) && !/[0-9０-９\-－ー‐−]/.test(tail.slice(0, n - 2).join('')));
      if (misread && /[0-9０-９番地号目]/.test(before)) {
        t = cs.slice(0, cs.length - len).join('').replace(TRAILING_MARKS, '');
        return t;
      }
    }
  }
  return t;
}
