import { z } from 'zod';
import { HEALTH_INSURANCES, LIFE_EVENTS, PENSIONS, RELATIONS } from '../domain/household';
import type { NavigatorRule, PersonCondition } from './rule-types';

/** zod mirror of rule-types.ts, for rules written by city IT staff as JSON. */
export const personCondition: z.ZodType<PersonCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ lawAgeAtLeast: z.number().int().min(0).max(150) }),
    z.strictObject({ lawAgeBelow: z.number().int().min(0).max(150) }),
    z.strictObject({ untilFiscalYearEndAfterAge: z.number().int().min(0).max(30) }),
    z.strictObject({ school: z.enum(['elementary', 'compulsory']) }),
    z.strictObject({ relation: z.array(z.enum(RELATIONS)).min(1) }),
    z.strictObject({ healthInsurance: z.array(z.enum(HEALTH_INSURANCES)).min(1) }),
    z.strictObject({ pension: z.array(z.enum(PENSIONS)).min(1) }),
    z.strictObject({ careCertified: z.boolean() }),
    z.strictObject({ cardOutdated: z.boolean() }),
    z.strictObject({ subject: z.boolean() }),
    z.strictObject({ all: z.array(personCondition).min(1) }),
    z.strictObject({ any: z.array(personCondition).min(1) }),
    z.strictObject({ not: personCondition }),
  ]),
);

const deadline = z.strictObject({ days: z.number().int().min(1).max(3650), countFirstDay: z.boolean() });

export const navigatorRule: z.ZodType<NavigatorRule> = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/),
    events: z.array(z.enum(LIFE_EVENTS)).min(1),
    formId: z.string().min(1),
    required: z.boolean(),
    scope: z.enum(['case', 'household', 'perPerson']),
    who: personCondition.optional(),
    householdMin: z.strictObject({ who: personCondition, count: z.number().int().min(1).max(20) }).optional(),
    fill: z.enum(['matched', 'subjects']).optional(),
    deadline: deadline.nullable(),
    reason: z.string().min(1).max(300),
    confirmReason: z.string().min(1).max(300).optional(),
    legalBasis: z.string().min(1).max(200).optional(),
  })
  .refine((r) => r.scope === 'case' || r.who !== undefined, { message: 'household / perPerson の規則には who（対象者の条件）が必要です', path: ['who'] });

/** What a city may change: fields of an existing rule, except its id. */
export const ruleChange = z
  .strictObject({
    events: z.array(z.enum(LIFE_EVENTS)).min(1),
    formId: z.string().min(1),
    required: z.boolean(),
    scope: z.enum(['case', 'household', 'perPerson']),
    who: personCondition,
    householdMin: z.strictObject({ who: personCondition, count: z.number().int().min(1).max(20) }),
    fill: z.enum(['matched', 'subjects']),
    deadline: deadline.nullable(),
    reason: z.string().min(1).max(300),
    confirmReason: z.string().min(1).max(300),
    legalBasis: z.string().min(1).max(200),
  })
  .partial();

export const cityConfig = z.strictObject({
  /** ids of default rules this city does not use */
  disable: z.array(z.string()).optional(),
  /** id → the fields to change */
  change: z.record(z.string(), ruleChange).optional(),
  /** the city's own rules, listed after the defaults */
  add: z.array(navigatorRule).optional(),
});
export type CityConfig = z.infer<typeof cityConfig>;
