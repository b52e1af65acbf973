import { describe, expect, it } from 'vitest';
import { datePicksBetween, datePicksFor } from '../../common/forms/date-picks';
import { findForm } from '../../common/forms/registry';
import { FormDefinitionError, loadFormDefinition } from '../../common/forms/form-schema';
import { parseDateInput } from '../../common/validation/wareki';

/** 葬儀の日 offered as one click: the days from the 死亡日 to today (common/forms/date-picks.ts). */
describe('date picks (FieldDef.datePicks)', () => {
  it('are the days from the earlier date up to today, in full 和暦, each read back as that day', () => {
    const picks = datePicksBetween('2026-11-30', '2026-12-02', 7);
    expect(picks).toEqual(['令和8年11月30日', '令和8年12月1日', '令和8年12月2日']);
    expect(picks.map((p) => parseDateInput(p))).toEqual([{ ok: true, iso: '2026-11-30' }, { ok: true, iso: '2026-12-01' }, { ok: true, iso: '2026-12-02' }]);
  });

  it('take the earlier date as the clerk typed it (short 和暦), stop after `days`, and are none for a bad or future date', () => {
    expect(datePicksBetween('R8.11.20', '2026-12-31', 3)).toEqual(['令和8年11月20日', '令和8年11月21日', '令和8年11月22日']);
    expect(datePicksBetween('', '2026-12-02', 7)).toEqual([]);
    expect(datePicksBetween('R8.13.1', '2026-12-02', 7)).toEqual([]);
    expect(datePicksBetween('2026-12-03', '2026-12-02', 7)).toEqual([]);
  });

  it('the 葬祭費 forms offer the week after the 死亡日 for 葬儀の日; other fields have none', () => {
    for (const id of ['kouki-sousaihi', 'kokuho-sousaihi']) {
      const form = findForm(id)!;
      const funeral = form.fields.find((f) => f.id === 'funeralDate')!;
      expect(datePicksFor(funeral, { deathDate: '2026-11-01' }, '2026-12-02')).toHaveLength(7);
      expect(datePicksFor(funeral, { deathDate: '2026-12-01' }, '2026-12-02')).toEqual(['令和8年12月1日', '令和8年12月2日']);
      expect(datePicksFor(form.fields.find((f) => f.id === 'deathDate')!, { deathDate: '2026-12-01' }, '2026-12-02')).toBeUndefined();
    }
  });

  it('a definition with date picks on a text field, or from a field it does not have, is refused at load', () => {
    const base = JSON.parse(JSON.stringify(findForm('kouki-sousaihi'))) as { fields: { id: string; kind: string; datePicks?: { from: string; days: number } }[] };
    const refused = (def: unknown) => {
      try {
        loadFormDefinition(def);
      } catch (err) {
        if (err instanceof FormDefinitionError) return err.message;
        throw err;
      }
      return 'accepted';
    };
    const onText = JSON.parse(JSON.stringify(base)) as typeof base;
    onText.fields.find((f) => f.id === 'bankName')!.datePicks = { from: 'deathDate', days: 3 };
    expect(refused(onText)).toContain('日付の候補は kind が date の項目にだけ書けます');
    const noFrom = JSON.parse(JSON.stringify(base)) as typeof base;
    noFrom.fields.find((f) => f.id === 'funeralDate')!.datePicks = { from: 'burialDate', days: 3 };
    expect(refused(noFrom)).toContain('日付の候補の起点「burialDate」という項目がありません');
    expect(refused(base)).toBe('accepted');
  });
});
