import { dayReachingAge, addDays } from './age';

/**
 * School years by 学校教育法 §17: a child enters 小学校 at the start of the first school year (1 April)
 * after the day following the day it reaches 6 in law (see age.ts). That makes children born on
 * 1 April enter with those born the year before (早生まれ), and those born on 2 April a year later.
 * 小学校 lasts 6 years, 中学校 3 (together the 9 years of 義務教育).
 */
export type SchoolStage = { level: '未就学' } | { level: '小学校' | '中学校'; grade: number } | { level: '義務教育修了' };

/** ISO date of 1 April of the year the child enters 小学校. */
export function elementaryEntryDate(birth: string): string {
  const from = addDays(dayReachingAge(birth, 6), 1);
  const y = Number(from.slice(0, 4));
  const april1 = `${y}-04-01`;
  return from <= april1 ? april1 : `${y + 1}-04-01`;
}

export function schoolStageOn(birth: string, on: string): SchoolStage {
  const entry = elementaryEntryDate(birth);
  if (on < entry) return { level: '未就学' };
  const entryYear = Number(entry.slice(0, 4));
  const schoolYear = Number(on.slice(0, 4)) - (on.slice(5) < '04-01' ? 1 : 0);
  const yearIndex = schoolYear - entryYear + 1; // 1 = first year of 小学校
  if (yearIndex <= 6) return { level: '小学校', grade: yearIndex };
  if (yearIndex <= 9) return { level: '中学校', grade: yearIndex - 6 };
  return { level: '義務教育修了' };
}

export function schoolStageLabel(s: SchoolStage): string {
  if (s.level === '小学校') return `小学${s.grade}年生`;
  if (s.level === '中学校') return `中学${s.grade}年生`;
  return s.level;
}
