import { householdErrors, personLabel, type HouseholdPerson, type LifeEvent } from '../domain/household';
import { addDays, calendarAgeOn } from '../domain/age';
import { schoolStageLabel, schoolStageOn } from '../domain/school';
import { formatJa } from '../validation/wareki';
import { subjectIndexes } from '../forms/bindings';
import { findForm } from '../forms/registry';
import { evaluate, type Tri } from './conditions';
import { DEFAULT_RULES } from './default-rules';
import type { Deadline, NavigatorRule } from './rule-types';

export interface NavigatorCase {
  event: LifeEvent;
  /** ISO date of the event */
  date: string;
  persons: readonly HouseholdPerson[];
}

/** One procedure for the clerk's list. The first five fields are the CLI's contract. */
export interface Procedure {
  formId: string;
  gyomu: string;
  required: boolean;
  reason: string;
  /** ISO date, null when the law sets none */
  deadline: string | null;
  ruleId: string;
  title: string;
  /** the answer was "不明": ask before filing (required is false then) */
  needsConfirmation: boolean;
  /** indexes into persons of who this form is for (fills the form's person list) */
  persons: number[];
  overdue: boolean;
  /** Japanese; set when the deadline has passed (the procedure is still listed and accepted) */
  warning?: string;
  legalBasis?: string;
}

export interface NavigatorResult {
  procedures: Procedure[];
}

/** The case cannot be navigated as given; `problems` are Japanese, one per fact to fix. */
export class NavigatorInputError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'NavigatorInputError';
  }
}

export function deadlineDate(eventDate: string, d: Deadline | null): string | null {
  return d ? addDays(eventDate, d.countFirstDay ? d.days - 1 : d.days) : null;
}

function eventProblems(c: NavigatorCase, subjects: number[], today: string | undefined): string[] {
  const problems = householdErrors(c.persons, c.date);
  if (c.persons.length === 0) problems.push('世帯の人が一人もいません。');
  if (c.event === '出生' && subjects.length === 0) problems.push(`出生：届出の日付（${c.date}）に生まれた子（続柄「子」）が世帯にいません。`);
  if (c.event === '死亡' && subjects.length === 0) problems.push('死亡：亡くなった方を続柄「本人」として入力してください。');
  if (c.event === '婚姻' && !(c.persons.some((p) => p.relation === '本人') && c.persons.some((p) => p.relation === '配偶者'))) {
    problems.push('婚姻：本人と配偶者の両方を入力してください。');
  }
  if (today && (c.event === '出生' || c.event === '死亡') && c.date > today) problems.push(`${c.event}の日付（${c.date}）が今日（${today}）より後です。`);
  return problems;
}

function fillTemplate(template: string, who: string, school = ''): string {
  return template.replaceAll('{who}', who).replaceAll('{school}', school);
}

/**
 * Lists the procedures a life event needs for this household.
 *
 * @param today ISO date of the counter's day: deadlines before it produce a warning (the procedure
 *   is still listed); omitted, no overdue check is made
 * @throws NavigatorInputError when the household is inconsistent (a child older than its parent …)
 */
export function navigate(c: NavigatorCase, options: { rules?: readonly NavigatorRule[]; today?: string } = {}): NavigatorResult {
  const rules = options.rules ?? DEFAULT_RULES;
  const subjects = subjectIndexes(c);
  const problems = eventProblems(c, subjects, options.today);
  if (problems.length > 0) throw new NavigatorInputError(problems);

  // Labels use the everyday age ("3歳のお子さま"); conditions use the age in law (age.ts).
  const label = (i: number): string => {
    const p = c.persons[i]!;
    if (subjects.includes(i)) return c.event === '死亡' ? `亡くなった方（${calendarAgeOn(p.birthDate, c.date)}歳）` : '生まれたお子さま';
    return personLabel(p, c.date, i);
  };
  const judge = (cond: NonNullable<NavigatorRule['who']>, i: number): Tri =>
    evaluate(cond, { person: c.persons[i]!, eventDate: c.date, isSubject: subjects.includes(i) });
  const all = c.persons.map((_, i) => i);

  const procedures: Procedure[] = [];
  for (const rule of rules) {
    if (!rule.events.includes(c.event)) continue;
    const form = findForm(rule.formId);
    if (!form) throw new Error(`rule ${rule.id}: unknown form ${rule.formId}`); // city-config refuses these earlier
    const deadline = deadlineDate(c.date, rule.deadline);
    const push = (persons: number[], reason: string, unknown: boolean) => {
      const overdue = deadline !== null && options.today !== undefined && options.today > deadline;
      procedures.push({
        formId: form.id, gyomu: form.gyomu, required: rule.required && !unknown, reason, deadline,
        ruleId: rule.id, title: form.title, needsConfirmation: unknown,
        persons: rule.fill === 'subjects' ? subjects : persons, overdue,
        ...(overdue ? { warning: `届出期限（${formatJa(deadline!)}）を過ぎています。受け付けますが、遅れた理由を確認してください。` } : {}),
        ...(rule.legalBasis ? { legalBasis: rule.legalBasis } : {}),
      });
    };
    const confirm = (unknowns: number[]) =>
      push(unknowns, fillTemplate(rule.confirmReason ?? '{who}について「不明」の回答があるため、対象かどうか確認が必要です', unknowns.map(label).join('・')), true);

    if (rule.householdMin) {
      const results = all.map((i) => judge(rule.householdMin!.who, i));
      const yes = results.filter((r) => r === true).length;
      const maybe = results.filter((r) => r === 'unknown').length;
      if (yes + maybe < rule.householdMin.count) continue;
      if (yes < rule.householdMin.count) {
        confirm(all.filter((i) => results[i] === 'unknown'));
        continue;
      }
    }
    if (rule.scope === 'case' || !rule.who) {
      push(all, fillTemplate(rule.reason, ''), false);
      continue;
    }
    const results = all.map((i) => judge(rule.who!, i));
    const matched = all.filter((i) => results[i] === true);
    const unknowns = all.filter((i) => results[i] === 'unknown');
    if (rule.scope === 'household') {
      if (matched.length > 0) push(matched, fillTemplate(rule.reason, matched.map(label).join('・')), false);
      if (unknowns.length > 0) confirm(unknowns);
    } else {
      for (const i of matched) push([i], fillTemplate(rule.reason, label(i), schoolStageLabel(schoolStageOn(c.persons[i]!.birthDate, c.date))), false);
      for (const i of unknowns) confirm([i]);
    }
  }
  return { procedures };
}
