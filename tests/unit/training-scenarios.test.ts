import { describe, expect, it } from 'vitest';
import { SCENARIOS, missedInCase } from '../../common/training/scenarios';
import { navigate } from '../../common/navigator/navigate';
import { loadSeededRegister } from '../../main/backend-sim/sim-register-file';

const isoDaysAgo = (today: string, days: number) => new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * The scenarios are data the trainee is judged against: each expected procedure must really follow
 * from the scenario's household (the navigator proposes it), and each registered person must be in the
 * synthetic register with the same name and birth date, so the trainee can find them there.
 */
describe('研修シナリオ', () => {
  const today = '2026-12-04';
  const register = loadSeededRegister();

  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s: the navigator proposes every expected procedure', (_id, s) => {
    const r = navigate({ event: s.event, date: isoDaysAgo(today, s.daysAgo), persons: s.household }, { today });
    const proposed = r.procedures.map((p) => p.ruleId);
    for (const id of s.expectedProcedures) expect(proposed, id).toContain(id);
    expect(s.steps.length).toBeGreaterThan(2);
  });

  it('every registered person of a scenario is in the synthetic register, spelled the same (IVS and 𠮷 kept)', () => {
    const byCode = new Map(register.map((p) => [p['住民票コード'], p]));
    for (const s of SCENARIOS) {
      for (const p of s.household.filter((x) => x.residentCode)) {
        const r = byCode.get(p.residentCode!);
        expect(r, `${s.id} ${p.residentCode}`).toBeDefined();
        expect(r!['氏名']).toBe(p.name);
        expect(r!['生年月日']).toBe(p.birthDate);
      }
    }
  });

  it('the result names what the case lacks', () => {
    const s = SCENARIOS.find((x) => x.id === 'lost-link')!;
    const title = (id: string) => `T:${id}`;
    expect(missedInCase(s, null, title)).toEqual(['来庁ケースが作られていません']);
    expect(missedInCase(s, { chosenRuleIds: ['tenkyo-todoke', 'tenkyo-kokuho'], submitted: true }, title)).toEqual([]);
    expect(missedInCase(s, { chosenRuleIds: ['tenkyo-todoke'], submitted: false }, title)).toEqual(['手続き「T:tenkyo-kokuho」が選ばれていません', '送信（送信キューへ）まで進んでいません']);
  });

  it('the seeded population covers the groups training needs, and keeps the first 20 people as they were', () => {
    expect(register.slice(0, 20).map((p) => p['住民票コード'])).toEqual(Array.from({ length: 20 }, (_, i) => String(10000000001 + i)));
    const age = (p: (typeof register)[number]) => Number(today.slice(0, 4)) - Number(p['生年月日'].slice(0, 4));
    expect(register.some((p) => age(p) < 6)).toBe(true);
    expect(register.some((p) => age(p) >= 7 && age(p) <= 15)).toBe(true);
    expect(register.some((p) => p['介護']?.startsWith('要介護') && p['後期高齢'])).toBe(true);
    expect(register.some((p) => /^[A-Z ]+$/.test(p['氏名']))).toBe(true);
    expect(register.some((p) => /[\u{E0100}-\u{E01EF}]/u.test(p['氏名']))).toBe(true);
    expect(register.some((p) => /[\u{20000}-\u{3FFFF}]/u.test(p['氏名']))).toBe(true);
  });
});
