import { describe, expect, it } from 'vitest';
import { calendarAgeOn, dayReachingAge, lawAgeOn, withinFiscalYearOfAge } from '../../common/domain/age';
import { elementaryEntryDate, schoolStageLabel, schoolStageOn } from '../../common/domain/school';

describe('age in law (年齢計算ニ関スル法律): one turns N the day before the birthday', () => {
  it('counts the new age from the day before the birthday', () => {
    expect(calendarAgeOn('2000-05-10', '2020-05-09')).toBe(19);
    expect(lawAgeOn('2000-05-10', '2020-05-08')).toBe(19);
    expect(lawAgeOn('2000-05-10', '2020-05-09')).toBe(20);
    expect(dayReachingAge('2000-05-10', 20)).toBe('2020-05-09');
  });

  it('handles 29 February births: the new age is reached on 28 February in common years', () => {
    expect(dayReachingAge('2004-02-29', 1)).toBe('2005-02-28');
    expect(lawAgeOn('2004-02-29', '2005-02-27')).toBe(0);
    expect(lawAgeOn('2004-02-29', '2005-02-28')).toBe(1);
  });

  it('児童手当 runs to the 31 March after reaching 18', () => {
    expect(withinFiscalYearOfAge('2008-04-02', 18, '2027-03-31')).toBe(true);
    expect(withinFiscalYearOfAge('2008-04-02', 18, '2027-04-01')).toBe(false);
    // born 1 April: reaches 18 on 31 March itself, so that is the last day
    expect(withinFiscalYearOfAge('2008-04-01', 18, '2026-03-31')).toBe(true);
    expect(withinFiscalYearOfAge('2008-04-01', 18, '2026-04-01')).toBe(false);
  });
});

describe('school years (学校教育法 §17)', () => {
  it('children born on 1 April enter with the year before (早生まれ)', () => {
    expect(elementaryEntryDate('2019-04-01')).toBe('2025-04-01');
    expect(elementaryEntryDate('2019-04-02')).toBe('2026-04-01');
    expect(elementaryEntryDate('2020-03-31')).toBe('2026-04-01');
  });

  it('gives the stage and grade on a date', () => {
    expect(schoolStageLabel(schoolStageOn('2019-06-01', '2026-11-20'))).toBe('小学1年生');
    expect(schoolStageLabel(schoolStageOn('2019-06-01', '2027-03-31'))).toBe('小学1年生');
    expect(schoolStageLabel(schoolStageOn('2019-06-01', '2027-04-01'))).toBe('小学2年生');
    expect(schoolStageLabel(schoolStageOn('2013-06-01', '2026-11-20'))).toBe('中学1年生');
    expect(schoolStageOn('2023-03-10', '2026-11-20')).toEqual({ level: '未就学' });
    expect(schoolStageOn('2010-06-01', '2026-11-20')).toEqual({ level: '義務教育修了' });
  });
});
