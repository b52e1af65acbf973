import { describe, expect, it } from 'vitest';
import { resolve, resolveChecked, type Candidate } from '../../main/ocr-engine/reread/candidates';
import { knownNameSupport, readingSupport } from '../../main/ocr-engine/reread-fields';
import { buildNameReadings } from '../../common/names/name-readings';

const names = buildNameReadings([
  [
    { kind: '姓', surface: '中山', readings: ['なかやま'] },
    { kind: '姓', surface: '五十嵐', readings: ['いがらし'] },
    { kind: '名', surface: '和也', readings: ['かずや'] },
    { kind: '名', surface: '悠真', readings: ['ゆうま'] },
  ],
]);
const c = (text: string, confidence: number, provenance: Candidate['provenance'] = 're-read'): Candidate => ({ text, confidence, symbols: [], provenance });
const key = (s: string): string => s.replace(/[\s\u3000]/g, '');

describe('one resolver for every field', () => {
  it('votes: the reading the others agree with wins over a sure outlier', () => {
    expect(resolve([c('中山 悠真', 0.7), c('中山 修真', 0.95), c('中山 悠真', 0.6)], key).text).toBe('中山 悠真');
  });
  it('the name tables break a close vote among the model\'s own readings, and the choice is marked for the clerk', () => {
    const cands = [c('五十風 和志', 0.8, 'first-read'), c('五十嵐 和也', 0.7)];
    const support = (x: Candidate): number => 0.4 * knownNameSupport(x.text, names);
    expect(resolve(cands, key).text).toBe('五十風 和志');
    const chosen = resolveChecked(cands, key, { support, by: 'lexicon', cap: 0.75 });
    expect(chosen).toMatchObject({ text: '五十嵐 和也', provenance: 'lexicon' });
    expect(chosen.confidence).toBeLessThanOrEqual(0.75);
  });
  it('never overturns readings that agree: the tables only reorder what the model read', () => {
    const cands = [c('五十風 和志', 0.8, 'first-read'), c('五十風 和志', 0.7), c('五十嵐 和也', 0.5)];
    const chosen = resolveChecked(cands, key, { support: (x) => 0.4 * knownNameSupport(x.text, names), by: 'lexicon', cap: 0.75 });
    expect(chosen.text).toBe('五十風 和志');
    expect(chosen.provenance).toBe('first-read');
  });
  it('checks a フリガナ against the known readings of the name read beside it', () => {
    expect(readingSupport('ナカヤマ　ユウマ', '中山\u3000悠真', names)).toBe(1);
    expect(readingSupport('ナカヤマ　クマ', '中山\u3000悠真', names)).toBe(0.5);
    expect(knownNameSupport('中山悠真', names)).toBe(1);
    expect(knownNameSupport('中山修真', names)).toBe(0.5);
  });
});
