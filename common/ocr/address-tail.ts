import { levenshtein } from '../text/levenshtein';

/** Labels printed on card fronts that an address row may run into when the label sits at its end. */
const LABELS = ['生年月日', '有効期限', '性別', '氏名', '住所'];

/** Punctuation: no address ends in one (5-15-22. is a speck read as a full stop). A closing parenthesis may (（山田方）). */
const TRAILING_MARKS = /[\s.,。、，．・:：;；!！?？'"『』「」|｜_~〜]+$/u;

/**
 * An address as read without what cannot end one: trailing punctuation, and a card label it ran into, read
 * exactly, one character off (1061番地生生月日: the 生年月日 label beside the row's end), with its first three
 * right and its end misread (２４号生年月有明: the label under the last row taken for a row), as long as it
 * is or one shorter with two of its characters in a row right (108号全全月日, 406号年月ロ), or as long as it is
 * with half its characters in their places (609号生鋳月呈). A label is only
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
      // a four-character label one character off, begun right and misread at its end (生年月有明), or as long
      // as it is or one shorter with two of its characters in a row read right and nothing of a 番地 in it (a
      // digit, a join, 番, 号, 丁): misread at its start (全全月日) or its first character lost (年月ロ); or as
      // long as it is, half of it in place, nothing of a 番地 in it: misread at every other character (生鋳月呈)
      const noBlock = !BLOCK_IN_TAIL.test(tail.join(''));
      const misread =
        levenshtein(tail, [...label]) <= (n >= 4 ? 1 : 0) ||
        (n >= 4 && tail.slice(0, n - 1).join('') === label.slice(0, n - 1)) ||
        (n >= 4 && len >= n - 1 && len <= n && sharesPair(tail, [...label]) && noBlock) ||
        (n >= 4 && len === n && inPlace(tail, [...label]) * 2 >= n && noBlock);
      if (misread && /[0-9０-９番地号目]/.test(before)) {
        t = cs.slice(0, cs.length - len).join('').replace(TRAILING_MARKS, '');
        return t;
      }
    }
  }
  return t;
}

/** Something of a 番地 (a digit, a join, 番, 号, 丁): a tail holding it is the address's, not a misread label. */
const BLOCK_IN_TAIL = /[0-9０-９\-－ー‐−番号丁]/;

/** How many of `label`'s characters stand at the same place in `tail`. */
function inPlace(tail: readonly string[], label: readonly string[]): number {
  return label.filter((c, i) => tail[i] === c).length;
}

/** Whether two of `label`'s characters side by side stand side by side in `tail` too. */
function sharesPair(tail: readonly string[], label: readonly string[]): boolean {
  for (let i = 0; i + 1 < label.length; i++) for (let j = 0; j + 1 < tail.length; j++) if (tail[j] === label[i] && tail[j + 1] === label[i + 1]) return true;
  return false;
}
