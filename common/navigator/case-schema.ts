import { z } from 'zod';
import { HEALTH_INSURANCES, LIFE_EVENTS, PENSIONS, RELATIONS } from '../domain/household';
import { parseDateInput } from '../validation/wareki';
import { pathText, zodIssueJa } from '../validation/zod-ja';
import type { NavigatorCase } from './navigate';

/**
 * The navigator's input as the CLI and the UI hand it over. Dates may be 西暦 or 和暦 (what a clerk
 * types); impossible ones (平成32年, 昭和64年2月1日) are refused with the reason, never guessed.
 */
const date = z.string().max(40).transform((s, ctx) => {
  const r = parseDateInput(s);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: `日付「${s}」: ${r.message}` });
    return z.NEVER;
  }
  return r.iso;
});

const person = z.strictObject({
  birthDate: date,
  relation: z.enum(RELATIONS),
  healthInsurance: z.enum(HEALTH_INSURANCES),
  pension: z.enum(PENSIONS),
  careCertified: z.boolean(),
  name: z.string().min(1).max(80).optional(),
  cardOutdated: z.boolean().optional(),
});

const navigatorCase = z.strictObject({
  event: z.enum(LIFE_EVENTS),
  date,
  persons: z.array(person).min(1).max(20),
});

const LABELS: Record<string, string> = {
  event: '届出の種類（event）', date: '日付（date）', persons: '世帯（persons）', birthDate: '生年月日（birthDate）', relation: '続柄（relation）',
  healthInsurance: '健康保険（healthInsurance）', pension: '年金（pension）', careCertified: '要介護認定（careCertified）', name: '氏名（name）',
};

function where(path: readonly PropertyKey[]): string {
  if (path[0] === 'persons' && typeof path[1] === 'number') {
    const rest = path.slice(2).map((p) => LABELS[String(p)] ?? String(p)).join('.');
    return `${path[1] + 1}人目の${rest || '内容'}`;
  }
  return path.length === 1 ? (LABELS[String(path[0])] ?? pathText(path)) : pathText(path);
}

export type CaseParse = { ok: true; value: NavigatorCase } | { ok: false; problems: string[] };

/** Checks untrusted input (parsed JSON) and returns every problem in Japanese, each naming its place. */
export function parseNavigatorCase(input: unknown): CaseParse {
  const r = navigatorCase.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, problems: r.error.issues.slice(0, 20).map((i) => `${where(i.path)}: ${zodIssueJa(i)}`) };
}
