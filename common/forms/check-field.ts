import type { FieldDef } from './form-definition';
import { parseDateInput } from '../validation/wareki';
import { isKana, toFullwidthKatakana, widenHalfwidthKatakana } from '../validation/kana';
import { parsePostalCode } from '../validation/postal-code';
import { parsePhone } from '../validation/phone';
import { parseMyNumber } from '../validation/my-number';
import { HARD_INPUT_LIMIT, TOO_LONG_MESSAGE } from '../validation/digits';

/** One field's raw text → its normalized value or a Japanese message naming the field. */
export type FieldCheck = { value: string; error?: undefined } | { value?: undefined; error: string };

// C0/C1 controls (tab and newline included) never belong in a one-line form field.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;
const CHECKED = new Set(['はい', 'true', '1', 'on']);
const UNCHECKED = new Set(['', 'いいえ', 'false', '0', 'off']);

function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** A choice is chosen, not typed: the message says what the clerk does with the control they see. */
function requiredMessage(def: FieldDef): string {
  return def.kind === 'select' ? `${def.label}を選択してください。` : `${def.label}を入力してください。`;
}

export function checkField(def: FieldDef, raw: string): FieldCheck {
  // A huge paste is refused before any trimming or pattern work, so it costs nothing.
  if (raw.length > HARD_INPUT_LIMIT) return { error: `${def.label}: ${TOO_LONG_MESSAGE}` };
  // Names keep their exact code points: only surrounding white space is dropped.
  const trimmed = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
  if (def.kind === 'checkbox') {
    if (CHECKED.has(trimmed)) return { value: 'はい' };
    if (!UNCHECKED.has(trimmed)) return { error: `${def.label}は「はい」か空欄にしてください。` };
    return def.required ? { error: `${def.label}を確認してチェックしてください。` } : { value: '' };
  }
  if (trimmed === '') return def.required ? { error: requiredMessage(def) } : { value: '' };
  if (codePointLength(trimmed) > def.maxLength) return { error: `${def.label}は${def.maxLength}文字以内で入力してください。` };
  if (CONTROL.test(trimmed)) return { error: `${def.label}に使えない制御文字が含まれています。` };
  switch (def.kind) {
    case 'name':
    case 'address':
    case 'text':
      return { value: trimmed };
    case 'kana': {
      const widened = widenHalfwidthKatakana(trimmed);
      return isKana(widened) ? { value: widened } : { error: `${def.label}はひらがなまたはカタカナで入力してください。` };
    }
    case 'katakana': {
      const k = toFullwidthKatakana(trimmed);
      return k !== null ? { value: k } : { error: `${def.label}はカタカナで入力してください。` };
    }
    case 'date': {
      const parsed = parseDateInput(trimmed);
      return parsed.ok ? { value: parsed.iso } : { error: `${def.label}: ${parsed.message}` };
    }
    case 'postalCode': {
      const p = parsePostalCode(trimmed);
      return p.ok ? { value: p.digits } : { error: p.message };
    }
    case 'phone': {
      const p = parsePhone(trimmed);
      return p.ok ? { value: p.value } : { error: p.message };
    }
    case 'myNumber': {
      const p = parseMyNumber(trimmed);
      return p.ok ? { value: p.digits } : { error: p.message };
    }
    case 'select':
      return def.options?.some((o) => o.value === trimmed) ? { value: trimmed } : { error: `${def.label}は選択肢から選んでください。` };
  }
}
