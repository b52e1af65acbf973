import { describe, expect, it } from 'vitest';
import { navigate, NavigatorInputError, type NavigatorCase } from '../../common/navigator/navigate';
import { parseNavigatorCase } from '../../common/navigator/case-schema';
import { assumedCoverage, type HouseholdPerson } from '../../common/domain/household';

const D = '2026-11-20';
type P = HouseholdPerson;
const person = (birthDate: string, relation: P['relation'], healthInsurance: P['healthInsurance'], pension: P['pension'], careCertified = false): P => ({ birthDate, relation, healthInsurance, pension, careCertified });
const brief = (c: NavigatorCase, today = D) => navigate(c, { today }).procedures.map((p) => [p.formId, p.required, p.deadline]);

/** Two adults around 40, a 7-year-old (小学1年生) and a 3-year-old, all moving in from elsewhere. */
function familyOfFour(parents: '社保' | '国保'): NavigatorCase {
  const hi = parents;
  const pen = parents === '社保' ? '厚生年金' : '国民年金';
  return {
    event: '転入', date: D,
    persons: [person('1986-05-10', '本人', hi, pen), person('1987-08-15', '配偶者', hi, pen), person('2019-06-01', '子', hi, 'なし'), person('2023-03-10', '子', hi, 'なし')],
  };
}

describe('family of four moving in (転入)', () => {
  it('parents in 社保: the exact procedure list', () => {
    expect(brief(familyOfFour('社保'))).toEqual([
      ['jumin-ido-tennyu', true, '2026-12-04'],
      ['jidou-teate-nintei', true, '2026-12-05'],
      ['kodomo-iryo-jukyu', true, null],
      ['shugaku-tennyugaku', true, null],
      ['mynumber-card-tsuiki', false, null],
      ['inkan-toroku', false, null],
    ]);
  });

  it('parents in 国保: adds 国保 for all four and 国民年金 for each parent', () => {
    expect(brief(familyOfFour('国保'))).toEqual([
      ['jumin-ido-tennyu', true, '2026-12-04'],
      ['kokuho-shikaku-shutoku', true, '2026-12-04'],
      ['kokumin-nenkin-hihokensha', true, '2026-12-04'],
      ['kokumin-nenkin-hihokensha', true, '2026-12-04'],
      ['jidou-teate-nintei', true, '2026-12-05'],
      ['kodomo-iryo-jukyu', true, null],
      ['shugaku-tennyugaku', true, null],
      ['mynumber-card-tsuiki', false, null],
      ['inkan-toroku', false, null],
    ]);
  });

  it('gives reasons that name the persons, 業務 names, and whom each form is for', () => {
    const r = navigate(familyOfFour('国保'), { today: D }).procedures;
    const by = (id: string) => r.filter((p) => p.formId === id);
    expect(by('jidou-teate-nintei')[0]).toMatchObject({ gyomu: '児童手当', reason: '7歳のお子さま・3歳のお子さまがいるため、児童手当の認定請求が必要です', persons: [2, 3], needsConfirmation: false, overdue: false });
    expect(by('shugaku-tennyugaku')[0]).toMatchObject({ gyomu: '就学', reason: '7歳のお子さま（小学1年生）の転入学の手続きが必要です', persons: [2] });
    expect(by('kokuho-shikaku-shutoku')[0]).toMatchObject({ gyomu: '国民健康保険', persons: [0, 1, 2, 3] });
    expect(by('kokumin-nenkin-hihokensha').map((p) => [p.persons, p.reason])).toEqual([
      [[0], '本人（40歳）は20歳以上60歳未満で厚生年金に加入していないため、国民年金の届出が必要です'],
      [[1], '配偶者（39歳）は20歳以上60歳未満で厚生年金に加入していないため、国民年金の届出が必要です'],
    ]);
    expect(by('jumin-ido-tennyu')[0]).toMatchObject({ gyomu: '住民基本台帳', title: '住民異動届（転入）', persons: [0, 1, 2, 3] });
  });

  it('uses a name when one is given', () => {
    const c = familyOfFour('社保');
    const named = { ...c, persons: c.persons.map((p, i) => (i === 3 ? { ...p, name: '髙橋 結' } : p)) };
    expect(navigate(named, { today: D }).procedures.find((p) => p.formId === 'jidou-teate-nintei')!.reason).toBe('7歳のお子さま・髙橋 結さん（3歳）がいるため、児童手当の認定請求が必要です');
  });
});

describe('おくやみ: a 78-year-old in 後期高齢 dies, the spouse is 75', () => {
  const okuyami: NavigatorCase = {
    event: '死亡', date: '2026-11-18',
    persons: [person('1948-03-03', '本人', '後期高齢', '国民年金'), person('1951-06-06', '配偶者', '後期高齢', '国民年金')],
  };

  it('the exact procedure list', () => {
    expect(brief(okuyami, '2026-11-20')).toEqual([
      ['koseki-shibou', true, '2026-11-24'],
      ['kouki-shikaku-soshitsu', true, '2026-12-02'],
      ['kaigo-shikaku-soshitsu', true, '2026-12-02'],
      ['kouki-sousaihi', false, null],
      ['nenkin-mishikyu', false, null],
      ['inkan-haishi', false, null],
    ]);
  });

  it('names the deceased in every reason and fills the forms with the deceased only', () => {
    const r = navigate(okuyami, { today: '2026-11-20' }).procedures;
    for (const p of r) {
      expect(p.reason).toContain('亡くなった方（78歳）');
      expect(p.persons).toEqual([0]);
    }
    expect(r.find((p) => p.formId === 'kouki-shikaku-soshitsu')!.gyomu).toBe('後期高齢者医療');
  });
});

describe('"不明" answers become 確認が必要, never a guess', () => {
  it('unknown insurance and pension on 転入', () => {
    const c: NavigatorCase = { event: '転入', date: D, persons: [person('1986-05-10', '本人', '不明', '不明')] };
    const r = navigate(c, { today: D }).procedures;
    const kokuho = r.find((p) => p.formId === 'kokuho-shikaku-shutoku')!;
    expect(kokuho).toMatchObject({ required: false, needsConfirmation: true, persons: [0] });
    expect(kokuho.reason).toBe('本人（40歳）の健康保険が「不明」のため、国民健康保険への加入が必要か確認が必要です');
    const nenkin = r.find((p) => p.formId === 'kokumin-nenkin-hihokensha')!;
    expect(nenkin).toMatchObject({ required: false, needsConfirmation: true });
    expect(nenkin.reason).toContain('確認が必要');
  });

  it('a household with one known and one unknown answer gets a required entry and a 確認 entry', () => {
    const c: NavigatorCase = { event: '転入', date: D, persons: [person('1986-05-10', '本人', '国保', '厚生年金'), person('1987-08-15', '配偶者', '不明', '厚生年金')] };
    const kokuho = navigate(c, { today: D }).procedures.filter((p) => p.formId === 'kokuho-shikaku-shutoku');
    expect(kokuho.map((p) => [p.required, p.needsConfirmation, p.persons])).toEqual([
      [true, false, [0]],
      [false, true, [1]],
    ]);
  });

  it('an unknown that cannot matter is not asked (a 3-year-old’s pension)', () => {
    const c: NavigatorCase = { event: '転入', date: D, persons: [person('1986-05-10', '本人', '社保', '厚生年金'), person('2023-03-10', '子', '社保', '不明')] };
    expect(navigate(c, { today: D }).procedures.some((p) => p.needsConfirmation)).toBe(false);
  });
});

describe('bad input', () => {
  const errorOf = (c: NavigatorCase): string[] => {
    try {
      navigate(c);
    } catch (err) {
      if (err instanceof NavigatorInputError) return [...err.problems];
      throw err;
    }
    throw new Error('accepted');
  };

  it('a child older than its parent is a clear error', () => {
    const c: NavigatorCase = { event: '転入', date: D, persons: [person('1990-01-01', '本人', '社保', '厚生年金'), person('1985-01-01', '子', '社保', 'なし')] };
    expect(errorOf(c)).toEqual(['2人目（子）の生年月日（1985-01-01）が親である1人目（本人）（1990-01-01）と同じか前です。子が親より年上になっています。']);
  });

  it('a 父母 younger than the 本人, a birth after the event, two 本人', () => {
    expect(errorOf({ event: '転入', date: D, persons: [person('1990-01-01', '本人', '社保', '厚生年金'), person('1995-01-01', '父母', '社保', '厚生年金')] })[0]).toContain('親が子より年下');
    expect(errorOf({ event: '転入', date: D, persons: [person('2026-12-01', '本人', '社保', 'なし')] })[0]).toContain('届出の日付（2026-11-20）より後');
    expect(errorOf({ event: '転入', date: D, persons: [person('1990-01-01', '本人', '社保', 'なし'), person('1991-01-01', '本人', '社保', 'なし')] })[0]).toContain('本人が2人以上');
  });

  it('出生 without a child born that day, 死亡 without the deceased, 婚姻 without a spouse', () => {
    expect(errorOf({ event: '出生', date: D, persons: [person('1990-01-01', '本人', '社保', '厚生年金')] })[0]).toContain('生まれた子');
    expect(errorOf({ event: '死亡', date: D, persons: [person('1990-01-01', '配偶者', '社保', '厚生年金')] })[0]).toContain('亡くなった方を続柄「本人」');
    expect(errorOf({ event: '婚姻', date: D, persons: [person('1990-01-01', '本人', '社保', '厚生年金')] })[0]).toContain('本人と配偶者');
  });

  it('impossible dates are rejected at input, 和暦 and 西暦 both accepted', () => {
    const c = (birthDate: string, date = D) => ({ event: '転入', date, persons: [{ birthDate, relation: '本人', healthInsurance: '社保', pension: '厚生年金', careCertified: false }] });
    const bad = parseNavigatorCase(c('平成32年1月1日'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toBe('1人目の生年月日（birthDate）: 日付「平成32年1月1日」: 平成32年1月1日は存在しません（平成は2019年4月30日まで）。');
    const bad2 = parseNavigatorCase(c('1960-01-01', '昭和64年2月1日'));
    expect(!bad2.ok && bad2.problems[0]).toContain('昭和は1989年1月7日まで');
    const good = parseNavigatorCase(c('昭和61年5月10日', '令和8年11月20日'));
    expect(good.ok && good.value).toMatchObject({ date: '2026-11-20', persons: [{ birthDate: '1986-05-10' }] });
  });

  it('schema problems name the place in Japanese', () => {
    const r = parseNavigatorCase({ event: '引っ越し', date: D, persons: [{ birthDate: D, relation: '兄', healthInsurance: '社保', pension: '厚生年金' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toContain('届出の種類（event）: 使えない値です（使える値：転入、転出、転居、出生、死亡、婚姻）');
      expect(r.problems).toContain('1人目の続柄（relation）: 使えない値です（使える値：本人、配偶者、子、父母、その他）');
      expect(r.problems).toContain('1人目の要介護認定（careCertified）: 必須の項目がありません');
    }
  });

  it('a deadline already passed is a warning; the procedure is still listed', () => {
    const r = navigate(familyOfFour('社保'), { today: '2026-12-05' }).procedures;
    const tennyu = r.find((p) => p.formId === 'jumin-ido-tennyu')!;
    expect(tennyu).toMatchObject({ overdue: true, required: true, deadline: '2026-12-04', warning: '届出期限（2026年12月4日）を過ぎています。受け付けますが、遅れた理由を確認してください。' });
    // 児童手当's 15 days end on 12-05 itself: not yet overdue
    expect(r.find((p) => p.formId === 'jidou-teate-nintei')).toMatchObject({ overdue: false });
    expect(r.find((p) => p.formId === 'jidou-teate-nintei')).not.toHaveProperty('warning');
    expect(r).toHaveLength(6);
  });
});

describe('coverage assumed for a person the clerk has not asked about', () => {
  const honnin = person('1960-04-01', '本人', '社保', '厚生年金');
  const added = (birthDate: string, relation: P['relation']): P => ({ birthDate, relation, careCertified: false, ...assumedCoverage(relation, honnin) });

  it('a 37-year-old 子 is not filed for 国民年金 on a guess: the navigator asks (要確認)', () => {
    const c: NavigatorCase = { event: '転入', date: D, persons: [honnin, added('1989-02-02', '子')] };
    const nenkin = navigate(c, { today: D }).procedures.filter((p) => p.formId === 'kokumin-nenkin-hihokensha');
    expect(nenkin).toHaveLength(1);
    expect(nenkin[0]).toMatchObject({ required: false, needsConfirmation: true, persons: [1] });
    expect(nenkin[0]!.reason).toMatch(/不明/);
  });

  it('a 7-year-old 子 with the same assumption gets no pension question at all', () => {
    const c: NavigatorCase = { event: '転入', date: D, persons: [honnin, added('2019-06-01', '子')] };
    expect(navigate(c, { today: D }).procedures.some((p) => p.formId === 'kokumin-nenkin-hihokensha')).toBe(false);
  });

  it('a dependant shares the 本人 health insurance, but never the pension', () => {
    expect(assumedCoverage('配偶者', honnin)).toEqual({ healthInsurance: '社保', pension: '不明' });
    expect(assumedCoverage('子', honnin)).toEqual({ healthInsurance: '社保', pension: '不明' });
    expect(assumedCoverage('父母', honnin)).toEqual({ healthInsurance: '不明', pension: '不明' });
  });
});
