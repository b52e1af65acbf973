import { describe, expect, it } from 'vitest';
import { guessRelation } from '../../common/domain/relation-guess';

describe('guessRelation', () => {
  const on = '2026-11-27';
  const honnin = { relation: '本人' as const, birthDate: '1985-06-01', familyName: '髙橋' };
  it('a person a generation younger is a child', () => {
    expect(guessRelation({ birthDate: '2023-09-01', familyName: '髙橋' }, [honnin], on)).toBe('子');
  });
  it('a person a generation older is a parent', () => {
    expect(guessRelation({ birthDate: '1955-01-01', familyName: '髙橋' }, [honnin], on)).toBe('父母');
  });
  it('an adult of the same generation and family name is the spouse, only while there is none', () => {
    expect(guessRelation({ birthDate: '1987-02-01', familyName: '髙橋' }, [honnin], on)).toBe('配偶者');
    expect(guessRelation({ birthDate: '1987-02-01', familyName: '髙橋' }, [honnin, { relation: '配偶者', birthDate: '1986-01-01' }], on)).toBeNull();
    expect(guessRelation({ birthDate: '1987-02-01', familyName: '佐藤' }, [honnin], on)).toBeNull();
  });
  it('says nothing without a 本人 with a birth date, or in between', () => {
    expect(guessRelation({ birthDate: '2023-09-01' }, [], on)).toBeNull();
    expect(guessRelation({ birthDate: '2023-09-01' }, [{ relation: '本人', birthDate: '' }], on)).toBeNull();
    expect(guessRelation({ birthDate: '1995-01-01', familyName: '髙橋' }, [honnin, { relation: '配偶者', birthDate: '1986-01-01' }], on)).toBeNull();
  });
});
