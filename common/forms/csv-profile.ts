import type { FormDefinition } from './form-definition';
import type { FormPayload } from './payload';

/**
 * Column profiles: how one form's payload becomes the CSV a 標準準拠システム imports (ファイル連携).
 * A column takes a payload item (FieldDef.item) — or several, joined by a full-width space (氏 + 名 →
 * 氏名) — or a constant, and may pass the value through a code table (性別 男 → 1). The profiles are
 * data: a default for every form (default-csv-profiles.ts), replaced per form by the city's file.
 */
export interface CsvColumn {
  /** the header: a 基本データリスト データ項目名称 */
  name: string;
  /** payload item(s); several are joined by U+3000 (the way 氏名 is written on a 住民票) */
  from?: string | readonly string[];
  /** a fixed value (e.g. 異動事由 of a form that is one kind of 異動) */
  const?: string;
  /** the code table the value is translated through */
  code?: string;
}

export interface CsvProfile {
  columns: readonly CsvColumn[];
}

export type CodeTables = Readonly<Record<string, Readonly<Record<string, string>>>>;

export interface CsvProfileSet {
  profiles: Readonly<Record<string, CsvProfile>>;
  codeTables: CodeTables;
  /** 業務 → 業務ID written into the manifest */
  gyomuIds: Readonly<Record<string, string>>;
}

export interface ProfileProblem {
  formId: string;
  /** the column's name, or '' for a problem of the profile as a whole */
  column: string;
  message: string;
}

/** Every payload item a form can carry: its fields' and its group's fields' item names. */
export function formItems(form: FormDefinition): Map<string, readonly string[] | null> {
  const items = new Map<string, readonly string[] | null>();
  for (const f of [...form.fields, ...(form.groups ?? []).flatMap((g) => g.fields)]) {
    items.set(f.item ?? f.id, f.kind === 'select' ? (f.options ?? []).map((o) => o.value) : f.kind === 'checkbox' ? ['はい'] : null);
  }
  return items;
}

function sources(c: CsvColumn): readonly string[] {
  return c.from === undefined ? [] : typeof c.from === 'string' ? [c.from] : c.from;
}

/** Checks one form's profile against the form and the code tables; every problem, not just the first. */
export function checkProfile(form: FormDefinition, profile: CsvProfile, tables: CodeTables): ProfileProblem[] {
  const out: ProfileProblem[] = [];
  const bad = (column: string, message: string) => out.push({ formId: form.id, column, message });
  if (profile.columns.length === 0) bad('', '列が一つもありません');
  const items = formItems(form);
  const seen = new Set<string>();
  for (const c of profile.columns) {
    if (!c.name) bad('', '列名（name）が空の列があります');
    if (seen.has(c.name)) bad(c.name, '同じ列名が二度あります');
    seen.add(c.name);
    const from = sources(c);
    if ((from.length > 0) === (c.const !== undefined)) bad(c.name, 'from（項目）と const（固定値）のどちらか一方を指定してください');
    for (const item of from) if (!items.has(item)) bad(c.name, `項目「${item}」はこの様式にありません`);
    if (c.code === undefined) continue;
    const table = tables[c.code];
    if (!table) {
      bad(c.name, `コード表「${c.code}」がありません`);
      continue;
    }
    // every value the form can give must have a code: a select's options, or the constant
    const values = c.const !== undefined ? [c.const] : from.length === 1 ? (items.get(from[0]!) ?? []) : [];
    const missing = values.filter((v) => !(v in table));
    if (missing.length > 0) bad(c.name, `コード表「${c.code}」に値「${missing.join('」「')}」のコードがありません`);
  }
  return out;
}

export class CsvValueError extends Error {}

/**
 * The rows of one application: one per member of the form's person list (住民異動届 lists everyone
 * who moves), each with the form's own items too; a form without a list gives one row.
 */
export function csvRows(profile: CsvProfile, tables: CodeTables, payload: FormPayload): string[][] {
  const groups = Object.values(payload.groups);
  const members: Record<string, string>[] = groups.length > 0 && groups[0]!.length > 0 ? groups[0]! : [{}];
  return members.map((m) =>
    profile.columns.map((c) => {
      const raw = c.const ?? sources(c).map((item) => m[item] ?? payload.items[item] ?? '').filter((v) => v !== '').join('\u3000');
      if (c.code === undefined || raw === '') return raw;
      const coded = tables[c.code]?.[raw];
      if (coded === undefined) throw new CsvValueError(`列「${c.name}」の値がコード表「${c.code}」にありません`);
      return coded;
    }),
  );
}

/**
 * RFC 4180: comma-separated, CRLF after every record, a field with a comma, a quote, CR or LF
 * quoted with its quotes doubled. Values are written code point for code point (IVS kept).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header, ...rows].map((r) => r.map(field).join(',') + '\r\n').join('');
}

/** The reader's side of toCsv (the simulator's import, the tests): RFC 4180 records. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        field += ch;
        i++;
      }
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
