import { z } from 'zod';
import { isStandardGyomu, STANDARD_GYOMU } from '../domain/gyomu';
import { GROUP_BINDINGS, TOP_LEVEL_BINDINGS } from './bindings';
import type { FormDefinition } from './form-definition';
import { pathText, zodIssueJa } from '../validation/zod-ja';

/**
 * The schema every form definition must pass before the app uses it: built-in forms at module
 * load (registry.ts) and forms a city supplies as JSON. A definition that fails is refused with a
 * Japanese message naming the form id and the field, so that city IT staff can fix it.
 */
const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;
const FIELD_KINDS = ['name', 'kana', 'katakana', 'date', 'address', 'text', 'postalCode', 'phone', 'myNumber', 'select', 'checkbox'] as const;

const condition = z.union([
  z.strictObject({ field: z.string().min(1), equals: z.string() }),
  z.strictObject({ field: z.string().min(1), in: z.array(z.string()).min(1) }),
  z.strictObject({ field: z.string().min(1), notEmpty: z.literal(true) }),
]);

const field = z.strictObject({
  id: z.string().regex(ID),
  label: z.string().min(1).max(60),
  kind: z.enum(FIELD_KINDS),
  required: z.boolean(),
  maxLength: z.number().int().min(1).max(2000),
  placeholder: z.string().max(100).optional(),
  hint: z.string().max(200).optional(),
  bind: z.string().optional(),
  when: condition.optional(),
  options: z.array(z.strictObject({ value: z.string().min(1).max(100), label: z.string().min(1).max(100) })).min(1).optional(),
  suggestions: z.array(z.string().min(1).max(60)).min(1).max(8).optional(),
  datePicks: z.strictObject({ from: z.string().min(1), days: z.number().int().min(1).max(8) }).optional(),
  item: z.string().min(1).max(100).optional(),
  owner: z.enum(['applicant', 'subject']).optional(),
  print: z.strictObject({ section: z.string().min(1), span: z.number().int().min(1).max(12) }).optional(),
});

const rule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('dateNotAfter'), field: z.string(), other: z.string(), message: z.string().min(1) }),
  z.strictObject({ kind: z.literal('notFuture'), field: z.string(), message: z.string().min(1) }),
  z.strictObject({ kind: z.literal('different'), field: z.string(), other: z.string(), message: z.string().min(1) }),
  z.strictObject({ kind: z.literal('deadlineDays'), field: z.string(), days: z.number().int().min(1).max(3650), message: z.string().min(1) }),
]);

const group = z.strictObject({
  id: z.string().regex(ID),
  label: z.string().min(1),
  bind: z.enum(['persons', 'subjects']),
  min: z.number().int().min(0).max(20),
  max: z.number().int().min(1).max(20),
  fields: z.array(field).min(1),
  rules: z.array(rule),
  print: z.strictObject({ section: z.string().min(1) }).optional(),
});

const formShape = z.strictObject({
  id: z.string().regex(ID),
  version: z.number().int().min(1),
  title: z.string().min(1).max(100),
  gyomu: z.string().min(1),
  localGyomu: z.boolean().optional(),
  fields: z.array(field),
  groups: z.array(group).optional(),
  rules: z.array(rule),
  payloadKind: z.string().min(1).optional(),
  print: z
    .strictObject({
      paper: z.literal('A4'),
      orientation: z.enum(['portrait', 'landscape']),
      sections: z.array(z.strictObject({ id: z.string().min(1), title: z.string().min(1) })).min(1),
      signature: z.boolean(),
    })
    .optional(),
});

type FormShape = z.infer<typeof formShape>;
type FieldShape = z.infer<typeof field>;
type Issue = { path: (string | number)[]; message: string };

/** Consistency the shape alone cannot express; each issue's path points at the offending field. */
function crossCheck(f: FormShape): Issue[] {
  const issues: Issue[] = [];
  if (!f.localGyomu && !isStandardGyomu(f.gyomu)) {
    issues.push({ path: ['gyomu'], message: `「${f.gyomu}」は標準化20業務の名称ではありません（${STANDARD_GYOMU.join('、')}）。独自業務なら localGyomu: true にしてください` });
  }
  const sections = new Set((f.print?.sections ?? []).map((s) => s.id));
  const topIds = new Set(f.fields.map((x) => x.id));
  const checkFields = (fields: readonly FieldShape[], base: (string | number)[], visible: Set<string>, bindings: readonly string[]) => {
    const seen = new Set<string>();
    const items = new Set<string>();
    fields.forEach((x, i) => {
      const at = [...base, i];
      if (seen.has(x.id)) issues.push({ path: [...at, 'id'], message: `項目IDが重複しています` });
      seen.add(x.id);
      const item = x.item ?? x.id;
      if (items.has(item)) issues.push({ path: [...at, 'item'], message: `送信データの項目名「${item}」が重複しています` });
      items.add(item);
      if (x.kind === 'select' && !x.options) issues.push({ path: [...at, 'options'], message: '選択肢（options）がありません' });
      if (x.kind !== 'select' && x.options) issues.push({ path: [...at, 'options'], message: '選択肢は kind が select の項目にだけ書けます' });
      if (x.suggestions && x.kind !== 'text' && x.kind !== 'address') issues.push({ path: [...at, 'suggestions'], message: '入力候補は kind が text か address の項目にだけ書けます' });
      if (x.suggestions && new Set(x.suggestions).size !== x.suggestions.length) issues.push({ path: [...at, 'suggestions'], message: '入力候補が重複しています' });
      if (x.datePicks && x.kind !== 'date') issues.push({ path: [...at, 'datePicks'], message: '日付の候補は kind が date の項目にだけ書けます' });
      if (x.datePicks && !topIds.has(x.datePicks.from)) issues.push({ path: [...at, 'datePicks', 'from'], message: `日付の候補の起点「${x.datePicks.from}」という項目がありません` });
      if (x.bind !== undefined && !bindings.includes(x.bind)) issues.push({ path: [...at, 'bind'], message: `「${x.bind}」という案件データはありません` });
      if (x.owner !== undefined && (x.bind !== undefined || bindings === GROUP_BINDINGS)) issues.push({ path: [...at, 'owner'], message: 'owner は案件データに結び付かない様式直下の項目にだけ書けます（結び付いた項目はその人のもの）' });
      if (x.when && (!visible.has(x.when.field) || x.when.field === x.id)) {
        issues.push({ path: [...at, 'when', 'field'], message: `条件の項目「${x.when.field}」がありません` });
      }
      if (x.print && f.print && !sections.has(x.print.section)) issues.push({ path: [...at, 'print', 'section'], message: `印刷セクション「${x.print.section}」がありません` });
    });
  };
  const checkRules = (rules: FormShape['rules'], base: (string | number)[], ids: Set<string>, otherIds: Set<string>) => {
    rules.forEach((r, i) => {
      if (!ids.has(r.field)) issues.push({ path: [...base, i, 'field'], message: `規則の項目「${r.field}」がありません` });
      if ('other' in r && !ids.has(r.other) && !otherIds.has(r.other)) issues.push({ path: [...base, i, 'other'], message: `規則の項目「${r.other}」がありません` });
    });
  };
  checkFields(f.fields, ['fields'], topIds, TOP_LEVEL_BINDINGS);
  checkRules(f.rules, ['rules'], topIds, new Set());
  const groupIds = new Set<string>();
  f.groups?.forEach((g, gi) => {
    if (groupIds.has(g.id) || topIds.has(g.id)) issues.push({ path: ['groups', gi, 'id'], message: 'グループIDが重複しています' });
    groupIds.add(g.id);
    if (g.min > g.max) issues.push({ path: ['groups', gi, 'min'], message: `最少人数（${g.min}）が最大人数（${g.max}）を超えています` });
    const ids = new Set(g.fields.map((x) => x.id));
    checkFields(g.fields, ['groups', gi, 'fields'], new Set([...ids, ...topIds]), GROUP_BINDINGS);
    checkRules(g.rules, ['groups', gi, 'rules'], ids, topIds);
    if (g.print && f.print && !sections.has(g.print.section)) issues.push({ path: ['groups', gi, 'print', 'section'], message: `印刷セクション「${g.print.section}」がありません` });
  });
  return issues;
}

export class FormDefinitionError extends Error {
  constructor(
    readonly formId: string,
    /** e.g. "fields[4].kind" */
    readonly where: string,
    /** the field id when the problem is inside a field, else null */
    readonly fieldId: string | null,
    detail: string,
  ) {
    super(`様式「${formId}」の定義が不正です：${fieldId ? `項目「${fieldId}」の` : ''}${where}: ${detail}。`);
    this.name = 'FormDefinitionError';
  }
}

function describePath(raw: unknown, path: readonly PropertyKey[]): { where: string; fieldId: string | null } {
  const where = pathText(path);
  const get = (o: unknown, k: PropertyKey): unknown => (o !== null && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined);
  let fieldId: string | null = null;
  if (path[0] === 'fields' && typeof path[1] === 'number') {
    const id = get(get(get(raw, 'fields'), path[1]), 'id');
    fieldId = typeof id === 'string' ? id : `${path[1] + 1}番目の項目`;
  } else if (path[0] === 'groups' && typeof path[1] === 'number') {
    const g = get(get(raw, 'groups'), path[1]);
    const gid = String(get(g, 'id') ?? path[1]);
    if (path[2] === 'fields' && typeof path[3] === 'number') {
      const id = get(get(get(g, 'fields'), path[3]), 'id');
      fieldId = `${gid}.${typeof id === 'string' ? id : `${path[3] + 1}番目の項目`}`;
    } else fieldId = gid;
  }
  return { where, fieldId };
}

/** Checks one definition; throws FormDefinitionError on the first problem. */
export function loadFormDefinition(raw: unknown): FormDefinition {
  const id = typeof (raw as { id?: unknown } | null)?.id === 'string' ? (raw as { id: string }).id : '(idなし)';
  const parsed = formShape.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const { where, fieldId } = describePath(raw, issue.path);
    throw new FormDefinitionError(id, where, fieldId, zodIssueJa(issue));
  }
  const problem = crossCheck(parsed.data)[0];
  if (problem) {
    const { where, fieldId } = describePath(raw, problem.path);
    throw new FormDefinitionError(id, where, fieldId, problem.message);
  }
  // the caller's object is returned (not zod's copy) so that identity and readonly-ness are kept
  return raw as FormDefinition;
}

/** Checks a whole set: every definition, and that ids are unique across the set. */
export function loadFormDefinitions(raws: readonly unknown[]): FormDefinition[] {
  const out: FormDefinition[] = [];
  for (const raw of raws) {
    const def = loadFormDefinition(raw);
    if (out.some((f) => f.id === def.id)) throw new FormDefinitionError(def.id, 'id', null, '同じIDの様式が2つあります');
    out.push(def);
  }
  return out;
}
