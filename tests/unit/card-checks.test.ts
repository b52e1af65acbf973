import { describe, expect, it } from 'vitest';
import {
  checkWarnings,
  doubtfulChars,
  fieldCertainty,
  householdSpelling,
  isExpired,
  readBefore,
  splitAtSpace,
  targetWithOtherBirth,
  type CheckedCard,
  type KnownPerson,
} from '../../common/card/card-checks';
import { CHECK_TUNING } from '../../common/card/capture-tuning';

const card = (over: Partial<CheckedCard> = {}): CheckedCard => ({ familyName: '髙橋', givenName: '陽翔', birthIso: '2021-09-03', expiryIso: '2026-09-03', readerSaysExpired: false, ...over });
const person = (over: Partial<KnownPerson> = {}): KnownPerson => ({ no: 1, family: '髙橋', given: '一郎', birthIso: '1985-06-12', target: false, ...over });
const TODAY = '2026-01-10';

describe('the clerk\'s check of a card front', () => {
  it('marks a field unread, to check, or sure by the reader\'s confidence', () => {
    expect(fieldCertainty({ value: null, confidence: 0.99 })).toBe('unread');
    expect(fieldCertainty({ value: '髙橋', confidence: CHECK_TUNING.fieldDoubt - 0.01 })).toBe('doubt');
    expect(fieldCertainty({ value: '髙橋', confidence: CHECK_TUNING.fieldDoubt })).toBe('sure');
  });

  it('marks the characters read with low confidence, none when the confidences do not line up', () => {
    expect(doubtfulChars('髙橋', [CHECK_TUNING.charDoubt - 0.1, 0.95])).toEqual([true, false]);
    expect(doubtfulChars('髙橋', [0.1])).toEqual([false, false]);
    expect(doubtfulChars('', [])).toEqual([]);
  });

  it('splits a name at its first space, ideographic or not', () => {
    expect(splitAtSpace('山田\u3000花子')).toEqual(['山田', '花子']);
    expect(splitAtSpace('ヤマダ ハナコ')).toEqual(['ヤマダ', 'ハナコ']);
    expect(splitAtSpace('山田')).toEqual(['山田', '']);
    expect(splitAtSpace(null)).toEqual(['', '']);
  });

  it('starts from the household\'s spelling when the read family name is the same up to kanji variants', () => {
    expect(householdSpelling('高橋', '髙橋')).toBe('髙橋');
    expect(householdSpelling('髙橋', '髙橋')).toBeNull();
    expect(householdSpelling('山田', '髙橋')).toBeNull();
    expect(householdSpelling('高橋', undefined)).toBeNull();
  });

  it('judges expiry by the 有効期限 on screen, else by the reader', () => {
    expect(isExpired('2026-01-09', TODAY, false)).toBe(true);
    expect(isExpired('2026-01-10', TODAY, true)).toBe(false);
    expect(isExpired(null, TODAY, true)).toBe(true);
  });

  it('notices a card already read for another person of the household (same name up to variants and 生年月日)', () => {
    const known = [person(), person({ no: 2, family: '高橋', given: '陽翔', birthIso: '2021-09-03' })];
    expect(readBefore(card(), known)?.no).toBe(2);
    expect(readBefore(card({ birthIso: '2021-09-04' }), known)).toBeNull();
    expect(readBefore(card({ birthIso: null }), known)).toBeNull();
    // the person it is read into is not "another"
    expect(readBefore(card(), [person({ no: 2, family: '高橋', given: '陽翔', birthIso: '2021-09-03', target: true })])).toBeNull();
  });

  it('notices a card read into an existing person whose entered 生年月日 differs from the card\'s', () => {
    const into = [person(), person({ no: 2, given: '陽翔', birthIso: '2021-09-03', target: true })];
    expect(targetWithOtherBirth(card({ birthIso: '1990-03-05' }), into)?.no).toBe(2);
    expect(targetWithOtherBirth(card(), into)).toBeNull();
    // nothing to compare: no 生年月日 entered for the person, or none on screen for the card
    expect(targetWithOtherBirth(card({ birthIso: '1990-03-05' }), [person({ no: 2, birthIso: '', target: true })])).toBeNull();
    expect(targetWithOtherBirth(card({ birthIso: null }), into)).toBeNull();
    // a new person: no target
    expect(targetWithOtherBirth(card({ birthIso: '1990-03-05' }), [person()])).toBeNull();
  });

  it('gives the check step\'s warnings as codes, in the order they are shown', () => {
    const known = [person({ no: 1, family: '山田', given: '花子', birthIso: '1990-03-05' }), person({ no: 2, given: '陽翔', birthIso: '2021-09-03', target: true })];
    const read = card({ familyName: '山田', givenName: '花子', birthIso: '1990-03-05', expiryIso: '2025-03-05' });
    expect(checkWarnings(read, known, TODAY)).toEqual([
      { code: 'card-expired', untilIso: '2025-03-05' },
      { code: 'read-twice', no: 1, name: '山田花子' },
      { code: 'birth-differs-from-person', no: 2 },
    ]);
    expect(checkWarnings(card(), [person({ no: 2, given: '陽翔', birthIso: '2021-09-03', target: true })], TODAY)).toEqual([]);
  });
});
