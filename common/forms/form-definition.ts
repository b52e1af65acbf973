/**
 * Forms are data: a definition lists its fields (what kind of value, label, limits, which case data
 * fills it, where it prints, which standard data item it becomes) and the cross-field rules. One
 * validator (validate-form.ts) interprets every definition, so adding a form never adds a code
 * branch; form-schema.ts checks every definition when it is loaded.
 */
export type FieldKind =
  /** a person's name part: kept code point for code point (IVS included), never normalized */
  | 'name'
  /** ふりがな: half-width katakana widened, otherwise kept (ひらがな or カタカナ) */
  | 'kana'
  /** フリガナ printed in カタカナ: half-width widened, ひらがな turned into カタカナ */
  | 'katakana'
  /** 西暦 or 和暦 input → ISO date */
  | 'date'
  /** free address text, kept as typed (trimmed) */
  | 'address'
  /** other one-line free text (school name, insurer name …) */
  | 'text'
  /** 郵便番号 → 7 digits */
  | 'postalCode'
  /** 電話番号 → ASCII digits with the typed grouping */
  | 'phone'
  /** 個人番号 → 12 digits, check digit verified */
  | 'myNumber'
  /** one of `options` (value) */
  | 'select'
  /** 'はい' or '' (unchecked) */
  | 'checkbox';

/**
 * Where a field's value comes from in the visit case (common/domain/household.ts), so a person's
 * data typed once fills every form. `applicant.*` = the 届出人/請求者, `subject.*` = the person the
 * event is about (the deceased, the newborn), `person.*` = each member of a repeated group,
 * `household.*` and `event.*` = the case. The closed list is in bindings.ts.
 */
export type BindPath = string;

/** Shown and validated only while the condition holds; otherwise the field is ignored. */
export type FieldCondition =
  | { field: string; equals: string }
  | { field: string; in: readonly string[] }
  | { field: string; notEmpty: true };

export interface PrintHint {
  /** id of a section in the form's print layout */
  section: string;
  /** columns of a 12-column grid */
  span: number;
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface FieldDef {
  id: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  /** counted in code points */
  maxLength: number;
  placeholder?: string;
  hint?: string;
  bind?: BindPath;
  when?: FieldCondition;
  /** for kind 'select' */
  options?: readonly SelectOption[];
  /**
   * one-click answers shown beside a text or address input (typing still works): the usual insurers,
   * the city itself. `{都道府県}` and `{市区町村}` stand for the city's (common/domain/city.ts); a pick
   * using them is not offered while no city is configured.
   */
  suggestions?: readonly string[];
  /**
   * for kind 'date': the days from the date in top-level field `from` up to today (at most `days`) as
   * one-click answers (common/forms/date-picks.ts): a date that cannot be before that one nor after today
   */
  datePicks?: { from: string; days: number };
  /** the standard data item (基本データリスト) name in the payload; defaults to the field id */
  item?: string;
  /**
   * Whose data an unbound top-level field holds, so that what the clerk types reaches the forms of that
   * person only (common/cases/field-home.ts): the 届出人/請求者 (the default: 振込先, 基礎年金番号 on their
   * own 国民年金 届) or the event's subject (the deceased's 被保険者番号 or 本籍). A bound field is the
   * bound person's; a group field is its member's.
   */
  owner?: 'applicant' | 'subject';
  print?: PrintHint;
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

/**
 * A repeated block, one per person (住民異動届 lists everyone who moves). Raw values are keyed
 * `${group.id}.${index}.${field.id}` (index from 0); rules name the group's own field ids and, for
 * `other`, may name a top-level field.
 */
export interface GroupDef {
  id: string;
  label: string;
  /** which case persons fill it: every selected person, or only the event's subject(s) */
  bind: 'persons' | 'subjects';
  min: number;
  max: number;
  fields: readonly FieldDef[];
  rules: readonly CrossRule[];
  print?: { section: string };
}

export interface PrintSection {
  id: string;
  title: string;
}

export interface PrintLayout {
  paper: 'A4';
  orientation: 'portrait' | 'landscape';
  sections: readonly PrintSection[];
  /** signature line for the 届出人 (the resident signs, never writes) */
  signature: boolean;
}

export interface FormDefinition {
  id: string;
  /** bumped whenever fields, payload or rules change; stored with every application */
  version: number;
  title: string;
  /** the standardized 業務 this form belongs to (one of STANDARD_GYOMU unless localGyomu) */
  gyomu: string;
  /** true for a city's own program outside the 20 standardized 業務 (e.g. 子ども医療費助成) */
  localGyomu?: boolean;
  fields: readonly FieldDef[];
  groups?: readonly GroupDef[];
  rules: readonly CrossRule[];
  /** payload kind name the back end's generic intake maps (one application per form) */
  payloadKind?: string;
  print?: PrintLayout;
}
