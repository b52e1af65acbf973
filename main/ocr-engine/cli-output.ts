import { emptyFields, type CardFields, type CardLayoutId, type CardReadResult } from '../../common/ocr/card-result';
import { OcrInputError } from './ocr-error';

/** The CLI's (and the benchmark's) per-image line: `{"file", "layout", "ms", "fields"}` or with `"error"`. */
export interface CliLine {
  file: string;
  layout: CardLayoutId;
  ms: number;
  fields: CardFields;
  error?: string;
}

const round = (x: number): number => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;

export function toCliLine(file: string, r: CardReadResult): CliLine {
  const fields = emptyFields();
  // a printed field with no value carries its reason (never silently empty)
  for (const k of Object.keys(fields) as (keyof CardFields)[]) {
    const f = r.fields[k];
    fields[k] = { value: f.value, confidence: round(f.confidence), ...(f.value === null && f.reason ? { reason: f.reason } : {}) };
  }
  return { file, layout: r.layout, ms: r.ms, fields };
}

/** Input problems carry a message for the clerk; anything else is reported without internals. */
export function errorLine(file: string, err: unknown, ms: number): CliLine {
  const code = (err as { code?: string } | null)?.code;
  const error =
    err instanceof OcrInputError ? err.message
      : code === 'ENOENT' ? 'ファイルが見つかりません。'
        : code === 'EISDIR' ? 'フォルダーではなく画像ファイルを指定してください。'
          : '読み取り中に問題が発生しました。もう一度お試しください。';
  return { file, layout: 'unknown', ms, fields: emptyFields(), error };
}
