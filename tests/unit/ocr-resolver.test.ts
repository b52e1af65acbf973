import { describe, expect, it } from 'vitest';
import { resolve, resolveChecked, type Candidate } from '../../main/ocr-engine/reread/candidates';
import { cellsAgreement, knownNameSupport, readingSupport } from '../../main/ocr-engine/reread-fields';
import { REREAD_TUNING } from '../../main/ocr-engine/reread/tuning';
import { buildNameReadings } from '../../common/names/name-readings';

const names = buildNameReadings([
  [
    { kind: '姓', surface: '中山', readings: ['なかやま'] },
    { kind: '姓', surface: '五十嵐', readings: ['いがらし'] },
    { kind: '名', surface: '和也', readings: ['かずや'] },
    { kind: '名', surface: '悠真', readings: ['ゆうま'] },
    { kind: '姓', surface: '森', readings: ['もり'] },
    { kind: '名', surface: '恵', readings: ['めぐみ'] },
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
  it('the print\'s cells count a name\'s characters: a character\'s strokes read as one more lose to the reading that fits them', () => {
    expect(cellsAgreement('森 恵', [1, 1])).toBe(1);
    expect(cellsAgreement('森 上恵', [1, 1])).toBe(0.5);
    expect(cellsAgreement('森上恵', [1, 1])).toBe(0);
    expect(cellsAgreement('森 恵', [null, 1])).toBe(0.5);
    const W = REREAD_TUNING.cross;
    const support = (x: Candidate): number => W.lexiconWeight * knownNameSupport(x.text, names) + W.printedCellsWeight * cellsAgreement(x.text, [1, 1]);
    // 恵's top strokes read as 上 three times, the name twice
    const cands = [c('森 上恵', 0.7, 'first-read'), c('森 恵', 0.7), c('森 上恵', 0.7), c('森 恵', 0.75), c('森 上恵', 0.7)];
    expect(resolve(cands, key).text).toBe('森 上恵');
    expect(resolveChecked(cands, key, { support, by: 'lexicon', cap: 0.75 }).text).toBe('森 恵');
    // four reads agreeing still win over the count (a label's piece can throw it off)
    const more = [c('森 上恵', 0.8), c('森 上恵', 0.8), c('森 上恵', 0.8), c('森 上恵', 0.8), c('森 恵', 0.7)];
    expect(resolveChecked(more, key, { support, by: 'lexicon', cap: 0.75 }).text).toBe('森 上恵');
  });
  it('checks a フリガナ against the known readings of the name read beside it', () => {
    expect(readingSupport('ナカヤマ　ユウマ', '中山\u3000悠真', names)).toBe(1);
    expect(readingSupport('ナカヤマ　クマ', '中山\u3000悠真', names)).toBe(0.5);
    expect(knownNameSupport('中山悠真', names)).toBe(1);
    expect(knownNameSupport('中山修真', names)).toBe(0.5);
  });
});
