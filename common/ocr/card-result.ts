import type { CardReadWarning } from '../card/card-warnings';

/** What reading the front of a My Number card yields; shared by the OCR service, the CLI and (later) the UI. */
export type CardLayoutId = 'current' | 'next-gen' | 'foreign' | 'unknown';

export type OcrErrorCode =
  | 'not-an-image'
  | 'heic'
  | 'truncated'
  | 'too-large'
  | 'too-small'
  | 'blank'
  | 'no-card'
  | 'back-side'
  | 'not-mynumber-card'
  | 'timeout'
  | 'internal';

export interface OcrField {
  value: string | null;
  /** 0..1; 0 when nothing was read */
  confidence: number;
  /**
   * Why a field the card's layout prints has no value, for the clerk (Japanese): its text was not found on
   * the card, or found and not readable as that field. Absent when there is a value or the layout prints
   * no such field (性別 on a next-generation card): a field is never silently empty.
   */
  reason?: string;
}

/** The reasons a printed field has no value (OcrField.reason). */
export const UNREAD_REASON = {
  notFound: '券面にこの項目の文字が見つかりませんでした。画像を見て入力してください。',
  unreadable: (detail: string) => `文字は見つかりましたが読み取れませんでした（${detail}）。画像を見て入力してください。`,
} as const;

export const FIELD_NAMES = ['name', 'nameKana', 'address', 'birthDate', 'sex', 'expiryDate'] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export type CardFields = Record<FieldName, OcrField>;

/** A region of the warped card image (card pixels, top-left origin) a field was read from: the UI shows it as the crop. */
export interface FieldSource {
  x: number;
  y: number;
  width: number;
  height: number;
  /** the raw OCR text of the line(s), before parsing */
  raw: string;
  /** per-character confidence 0..1 of `raw`, for highlighting doubtful characters */
  charConfidence: number[];
}

/** Whether a line is the one a field's region starts with (a field's first line starts where its source does). */
export function startsSource(l: { x0: number; y0: number }, s: FieldSource | undefined): boolean {
  return !!s && l.x0 === s.x && l.y0 === s.y;
}

/** Whether a line's box lies within a field's region, give or take `tol` px on every side. */
export function insideSource(l: { x0: number; y0: number; x1: number; y1: number }, s: FieldSource, tol: number): boolean {
  return l.x0 >= s.x - tol && l.x1 <= s.x + s.width + tol && l.y0 >= s.y - tol && l.y1 <= s.y + s.height + tol;
}

export interface AddressParts {
  original: string;
  normalized: string;
  prefecture: string | null;
  municipality: string | null;
  town: string | null;
  block: string | null;
  building: string | null;
}

export interface CardReadResult {
  layout: CardLayoutId;
  fields: CardFields;
  /** family / given split of the name (U+3000 in `fields.name.value`) */
  nameParts: { family: string; given: string } | null;
  address: AddressParts | null;
  sources: Partial<Record<FieldName, FieldSource>>;
  /** notes for the clerk, e.g. 有効期限切れ: a typed code and its Japanese text */
  warnings: CardReadWarning[];
  /** clockwise degrees the card was turned to read it (0 or 180 after warping) */
  rotation: number;
  /**
   * The card image exactly as read (warped, turned, grey, one byte per pixel): the field rectangles in
   * `sources` are in its coordinates, so the clerk's crops come from here. Personal data: memory only.
   */
  card: { width: number; height: number; data: Uint8Array };
  ms: number;
}

export function emptyFields(): CardFields {
  const f = (): OcrField => ({ value: null, confidence: 0 });
  return { name: f(), nameKana: f(), address: f(), birthDate: f(), sex: f(), expiryDate: f() };
}
