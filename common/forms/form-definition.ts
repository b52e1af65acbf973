/**
 * Forms are data: a definition lists its fields (what kind of value, label, limits) and the
 * cross-field rules. One validator (validate-form.ts) interprets every definition, so adding a
 * form never adds a code branch.
 */
export type FieldKind =
  /** a person's name part: kept code point for code point (IVS included), never normalized */
  | 'name'
  /** ふりがな: half-width katakana widened, otherwise kept */
  | 'kana'
  /** 西暦 or 和暦 input → ISO date */
  | 'date'
  /** free address text, kept as typed (trimmed) */
  | 'address';

export interface FieldDef {
  id: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  /** counted in code points */
  maxLength: number;
  placeholder?: string;
  hint?: string;
}

export type CrossRule =
  /** `field` must not be later than `other` (both dates) */
  | { kind: 'dateNotAfter'; field: string; other: string; message: string }
  /** `field` must not be after today */
  | { kind: 'notFuture'; field: string; message: string }
  /** the two fields must differ */
  | { kind: 'different'; field: string; other: string; message: string }
  /** warning (not an error) when `field` is more than `days` days before today */
  | { kind: 'deadlineDays'; field: string; days: number; message: string };

export interface FormDefinition {
  id: string;
  version: number;
  title: string;
  /** the standardized 業務 this form belongs to */
  gyomu: string;
  fields: readonly FieldDef[];
  rules: readonly CrossRule[];
}
