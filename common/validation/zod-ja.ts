import type { z } from 'zod';

/** zod's own messages are English; the counter and city IT staff read Japanese. */
export function zodIssueJa(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '必須の項目がありません' : `型が違います（${issue.expected} が必要です）`;
    case 'invalid_value':
      return `使えない値です（使える値：${issue.values.map(String).join('、')}）`;
    case 'too_small':
      return issue.origin === 'string' ? `短すぎます（${String(issue.minimum)}文字以上）` : issue.origin === 'array' ? `${String(issue.minimum)}件以上必要です` : `小さすぎます（${String(issue.minimum)}以上）`;
    case 'too_big':
      return issue.origin === 'string' ? `長すぎます（${String(issue.maximum)}文字以内）` : issue.origin === 'array' ? `${String(issue.maximum)}件以内にしてください` : `大きすぎます（${String(issue.maximum)}以下）`;
    case 'invalid_format':
      return '書式が正しくありません（IDは英字で始まり、英数字・ハイフン・下線だけ）';
    case 'unrecognized_keys':
      return `知らないキーがあります：${issue.keys.join('、')}`;
    case 'invalid_union':
      return '書き方が正しくありません';
    default:
      return issue.message;
  }
}

/** `persons[2].birthDate` style, for messages that must point at the exact place. */
export function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s === '' ? String(p) : `${s}.${String(p)}`), '') || '(全体)';
}
