import { describe, expect, it } from 'vitest';
import { CARD_LAYOUTS, layoutOf, readFitsLayout } from '../../common/ocr/card-layouts';

describe('card layouts as data', () => {
  it('say where each prints 性別: after the birth date on the current and foreign cards, nowhere on the next one', () => {
    expect(CARD_LAYOUTS.map((l) => [l.id, l.sexPlace])).toEqual([
      ['current', 'after-birth-date'],
      ['next-gen', null],
      ['foreign', 'after-birth-date'],
    ]);
    for (const l of CARD_LAYOUTS) expect(l.sexPlace !== null).toBe(l.printsSex);
  });

  it('use a placement only for a read that fits the layout: its era, and no フリガナ where it prints none', () => {
    const current = layoutOf('current')!;
    expect(readFitsLayout(current, { birthEra: 'wareki', hasKana: false })).toBe(true);
    expect(readFitsLayout(current, { birthEra: null, hasKana: false })).toBe(true);
    // a 西暦 birth date or a フリガナ: a next-generation card taken for a current one
    expect(readFitsLayout(current, { birthEra: 'seireki', hasKana: false })).toBe(false);
    expect(readFitsLayout(current, { birthEra: 'wareki', hasKana: true })).toBe(false);
    expect(readFitsLayout(layoutOf('foreign')!, { birthEra: 'seireki', hasKana: false })).toBe(true);
    expect(readFitsLayout(layoutOf('next-gen')!, { birthEra: 'seireki', hasKana: true })).toBe(true);
    expect(layoutOf('unknown')).toBeNull();
  });
});
