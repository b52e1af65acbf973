import { describe, expect, it } from 'vitest';
import { navigate, type NavigatorCase } from '../../common/navigator/navigate';
import { DEFAULT_RULES } from '../../common/navigator/default-rules';
import { applyCityConfig, CityConfigError } from '../../common/navigator/city-config';
import { findForm } from '../../common/forms/registry';
import type { HouseholdPerson, LifeEvent } from '../../common/domain/household';

const D = '2026-11-20';
type P = HouseholdPerson;
const p = (birthDate: string, relation: P['relation'] = '本人', healthInsurance: P['healthInsurance'] = '社保', pension: P['pension'] = '厚生年金', careCertified = false): P => ({ birthDate, relation, healthInsurance, pension, careCertified });
const c = (event: LifeEvent, ...persons: P[]): NavigatorCase => ({ event, date: D, persons });
const fires = (rules: ReturnType<typeof applyCityConfig> | typeof DEFAULT_RULES, kase: NavigatorCase, id: string) =>
  navigate(kase, { rules }).procedures.some((x) => x.ruleId === id && !x.needsConfirmation);

const adult = p('1986-05-10');
const newborn = p(D, '子', '社保', 'なし');
const spouse = p('1987-08-15', '配偶者');

/** Each default rule: a case where it applies and one, as close as possible, where it does not. */
const TABLE: Record<string, [NavigatorCase, NavigatorCase]> = {
  'tennyu-todoke': [c('転入', adult), c('転居', adult)],
  'tennyu-kokuho': [c('転入', p('1986-05-10', '本人', '国保', '国民年金')), c('転入', adult)],
  'tennyu-nenkin': [c('転入', p('1986-05-10', '本人', '国保', 'なし')), c('転入', p('1966-11-20', '本人', '国保', '国民年金'))],
  // 65 in law on the day before the 65th birthday
  'tennyu-kaigo': [c('転入', p('1961-11-21', '本人', '国保', 'なし')), c('転入', p('1961-11-22', '本人', '国保', 'なし'))],
  'tennyu-kaigo-nintei': [c('転入', p('1976-01-01', '本人', '社保', '厚生年金', true)), c('転入', p('1976-01-01'))],
  'tennyu-kouki': [c('転入', p('1951-11-21', '本人', '後期高齢', 'なし')), c('転入', p('1951-11-22', '本人', '国保', 'なし'))],
  // 児童手当 to the 31 March after reaching 18: born 2008-04-02 reaches 18 on 2026-04-01 → until 2027-03-31
  'tennyu-jidou-teate': [c('転入', adult, p('2008-04-02', '子', '社保', 'なし')), c('転入', adult, p('2008-04-01', '子', '社保', 'なし'))],
  'tennyu-kodomo-iryo': [c('転入', adult, p('2010-01-01', '子', '社保', 'なし')), c('転入', adult, p('2008-01-01', '子', '社保', 'なし'))],
  // 小1 from the 1 April after turning 6: born 2020-04-01 is in 小1 now, born 2020-04-02 not yet
  'tennyu-shugaku': [c('転入', adult, p('2020-04-01', '子', '社保', 'なし')), c('転入', adult, p('2020-04-02', '子', '社保', 'なし'))],
  'tennyu-card': [c('転入', adult), c('転出', adult)],
  'tennyu-inkan': [c('転入', adult), c('転出', adult)],
  'tenshutsu-todoke': [c('転出', adult), c('転入', adult)],
  'tenshutsu-kokuho': [c('転出', p('1986-05-10', '本人', '国保')), c('転出', adult)],
  'tenshutsu-kaigo': [c('転出', p('1956-01-01', '本人', '後期高齢', 'なし')), c('転出', adult)],
  'tenshutsu-kouki': [c('転出', p('1946-01-01', '本人', '後期高齢', 'なし')), c('転出', p('1956-01-01', '本人', '国保', 'なし'))],
  'tenshutsu-jidou-teate': [c('転出', adult, p('2015-01-01', '子', '社保', 'なし')), c('転出', adult)],
  'tenkyo-todoke': [c('転居', adult), c('転入', adult)],
  'tenkyo-kokuho': [c('転居', p('1986-05-10', '本人', '国保')), c('転居', adult)],
  'tenkyo-jidou-teate': [c('転居', adult, p('2015-01-01', '子', '社保', 'なし')), c('転居', adult)],
  // 中3 is still 就学 age; a child born 2011-04-01 finished 中学校 last March
  'tenkyo-shugaku': [c('転居', adult, p('2011-04-02', '子', '社保', 'なし')), c('転居', adult, p('2011-04-01', '子', '社保', 'なし'))],
  'tenkyo-card': [c('転居', adult), c('婚姻', adult, spouse)],
  'shussei-todoke': [c('出生', adult, newborn), c('転入', adult, newborn)],
  'shussei-jidou-teate': [c('出生', adult, newborn), c('転出', adult, newborn)],
  'shussei-kodomo-iryo': [c('出生', adult, newborn), c('転居', adult, newborn)],
  'shussei-kokuho': [c('出生', p('1986-05-10', '本人', '国保', '国民年金'), newborn), c('出生', adult, newborn)],
  'shibou-todoke': [c('死亡', adult, spouse), c('転居', adult, spouse)],
  'shibou-kokuho': [c('死亡', p('1960-01-01', '本人', '国保'), spouse), c('死亡', adult, p('1987-08-15', '配偶者', '国保'))],
  'shibou-kouki': [c('死亡', p('1940-01-01', '本人', '後期高齢'), spouse), c('死亡', p('1950-01-01', '本人', '国保'), spouse)],
  'shibou-kaigo': [c('死亡', p('1960-01-01', '本人', '国保', '国民年金', true), spouse), c('死亡', p('1962-01-01', '本人', '国保'), spouse)],
  'shibou-kokuho-sousaihi': [c('死亡', p('1960-01-01', '本人', '国保'), spouse), c('死亡', adult, spouse)],
  'shibou-kouki-sousaihi': [c('死亡', p('1940-01-01', '本人', '後期高齢'), spouse), c('死亡', p('1940-01-01', '本人', '社保'), spouse)],
  'shibou-nenkin': [c('死亡', p('1940-01-01', '本人', '後期高齢', '厚生年金'), spouse), c('死亡', p('1940-01-01', '本人', '後期高齢', 'なし'), spouse)],
  'shibou-inkan': [c('死亡', adult), c('転出', adult)],
  'shibou-setai': [c('死亡', adult, spouse, p('2010-01-01', '子', '社保', 'なし')), c('死亡', adult, spouse, p('2012-01-01', '子', '社保', 'なし'))],
  'konin-todoke': [c('婚姻', adult, spouse), c('転居', adult, spouse)],
  'konin-setai': [c('婚姻', adult, spouse), c('転入', adult, spouse)],
  'konin-kokuho': [c('婚姻', adult, p('1987-08-15', '配偶者', '国保')), c('婚姻', adult, spouse)],
  'konin-nenkin': [c('婚姻', adult, p('1987-08-15', '配偶者', '国保', '国民年金')), c('婚姻', adult, p('1987-08-15', '配偶者', '国保', 'なし'))],
  'konin-jidou-teate': [c('婚姻', adult, spouse, p('2015-01-01', '子', '社保', 'なし')), c('婚姻', adult, spouse)],
  'konin-inkan': [c('婚姻', adult, spouse), c('死亡', adult, spouse)],
  // the surviving spouse's card still shows an old address; the deceased's card is returned, not changed
  'card-kenmen-henko': [c('死亡', adult, { ...spouse, cardOutdated: true }), c('死亡', { ...adult, cardOutdated: true }, spouse)],
};

describe('every default rule', () => {
  it('has a test case, names a registered form and has a Japanese reason', () => {
    expect(Object.keys(TABLE).sort()).toEqual(DEFAULT_RULES.map((r) => r.id).sort());
    for (const r of DEFAULT_RULES) {
      expect(findForm(r.formId), r.id).toBeDefined();
      expect(r.reason, r.id).toMatch(/[ぁ-ん]/);
      if (r.scope !== 'case') expect(r.reason, r.id).toContain('{who}');
    }
  });

  it.each(Object.entries(TABLE))('%s applies when it should and not otherwise', (id, [yes, no]) => {
    expect(fires(DEFAULT_RULES, yes, id)).toBe(true);
    expect(fires(DEFAULT_RULES, no, id)).toBe(false);
  });
});

describe('deadlines', () => {
  const due = (kase: NavigatorCase, formId: string) => navigate(kase).procedures.find((x) => x.formId === formId)!.deadline;
  it('転入 14 days after, 児童手当 15 days after, 出生届 14 days counting the birth day, 死亡届 7 days counting the day', () => {
    expect(due(c('転入', adult, p('2015-01-01', '子', '社保', 'なし')), 'jumin-ido-tennyu')).toBe('2026-12-04');
    expect(due(c('転入', adult, p('2015-01-01', '子', '社保', 'なし')), 'jidou-teate-nintei')).toBe('2026-12-05');
    expect(due(c('出生', adult, newborn), 'koseki-shussei')).toBe('2026-12-03');
    expect(due(c('死亡', adult, spouse), 'koseki-shibou')).toBe('2026-11-26');
    expect(due(c('婚姻', adult, spouse), 'koseki-konin')).toBeNull();
  });
});

describe('city configuration', () => {
  it('a city can disable a rule, change one (e.g. 子ども医療費 to the end of 中学校) and add its own', () => {
    const rules = applyCityConfig({
      disable: ['tennyu-inkan'],
      change: { 'tennyu-kodomo-iryo': { who: { all: [{ relation: ['子'] }, { untilFiscalYearEndAfterAge: 15 }] } } },
      add: [{ id: 'city-gomi', events: ['転入', '転居'], formId: 'juminhyo-koufu', required: false, scope: 'case', deadline: null, reason: 'ごみ収集カレンダーをお渡しします' }],
    });
    const teen = c('転入', adult, p('2010-01-01', '子', '社保', 'なし')); // 16 in law: 高校生
    expect(fires(DEFAULT_RULES, teen, 'tennyu-kodomo-iryo')).toBe(true);
    expect(fires(rules, teen, 'tennyu-kodomo-iryo')).toBe(false);
    expect(fires(rules, c('転入', adult, p('2012-01-01', '子', '社保', 'なし')), 'tennyu-kodomo-iryo')).toBe(true);
    expect(fires(rules, teen, 'tennyu-inkan')).toBe(false);
    expect(navigate(teen, { rules }).procedures.at(-1)).toMatchObject({ formId: 'juminhyo-koufu', reason: 'ごみ収集カレンダーをお渡しします', gyomu: '住民基本台帳' });
    // the defaults themselves are untouched
    expect(fires(DEFAULT_RULES, teen, 'tennyu-inkan')).toBe(true);
  });

  it.each([
    [{ disable: ['no-such-rule'] }, '規則「no-such-rule」はありません'],
    [{ change: { 'tennyu-card': { formId: 'no-such-form' } } }, '規則「tennyu-card」の様式「no-such-form」は登録されていません'],
    [{ change: { 'tennyu-card': { scope: 'perPerson' } } }, '規則「tennyu-card」のwho: household / perPerson の規則には who'],
    [{ change: { 'tennyu-kokuho': { who: { healthInsurance: ['共済'] } } } }, 'change.tennyu-kokuho.who'],
    [{ add: [{ id: 'tennyu-card', events: ['転入'], formId: 'inkan-toroku', required: false, scope: 'case', deadline: null, reason: 'x' }] }, '規則「tennyu-card」は既にあります'],
    [{ colour: 'red' }, '知らないキーがあります：colour'],
  ])('refuses a broken configuration in Japanese (%#)', (config, message) => {
    expect(() => applyCityConfig(config)).toThrow(CityConfigError);
    expect(() => applyCityConfig(config)).toThrow(message);
  });
});
