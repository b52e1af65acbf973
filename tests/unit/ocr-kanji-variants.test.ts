import { describe, expect, it } from 'vitest';
import { nameVariantChoices, variantMatchKey, variantsOf } from '../../common/kanji/variants';
import { VARIANT_GROUPS } from '../../common/kanji/variant-table';
import { LOOKALIKE_GROUPS } from '../../common/kanji/lookalike-table';

describe('kanji variants', () => {
  it('offers the variants the OCR model cannot output', () => {
    expect(variantsOf('高')).toEqual(['高', '髙']);
    expect(variantsOf('崎')).toContain('\u{FA11}');
    expect(variantsOf('辺')).toEqual(['辺', '邊', '邉']);
    expect(variantsOf('山')).toEqual(['山']);
  });
  it('keeps compatibility ideographs as distinct code points', () => {
    expect(variantsOf('塚')).toContain('\u{FA10}');
    for (const g of VARIANT_GROUPS) expect(new Set([...g]).size).toBe([...g].length);
  });
  it('gives per-character choices and a folded match key that is never the stored name', () => {
    expect(nameVariantChoices('髙橋').map((c) => c.choices.length)).toEqual([2, 1]);
    expect(variantMatchKey('山\u{FA11}')).toBe(variantMatchKey('山崎'));
  });

  it('offers only true variants: a different character that looks alike is not one (藤 is not 籐)', () => {
    expect(variantsOf('藤')).toEqual(['藤']);
    expect(variantsOf('晴')).toEqual(['晴']);
    expect(variantsOf('斎')).toEqual(['斎', '齋']);
    expect(variantsOf('斉')).toEqual(['斉', '齊']);
    expect(variantMatchKey('佐籐')).not.toBe(variantMatchKey('佐藤'));
  });
  it('keeps a character in one table only: variants or look-alikes', () => {
    const inVariants = new Set(VARIANT_GROUPS.flatMap((g) => [...g]));
    for (const g of LOOKALIKE_GROUPS) for (const c of g) expect(inVariants.has(c), c).toBe(false);
  });
});
