import { describe, expect, it } from 'vitest';
import { dateFromParts } from '../../common/ocr/date-parts';

describe('a date from the parts of its reads', () => {
  it('takes each part as most reads show it', () => {
    expect(dateFromParts([{ text: '田萌年10月9日', confidence: 0.5 }, { text: '1997年10', confidence: 0.72 }, { text: '1997年10', confidence: 0.65 }])).toBe('1997年10月9日');
    // an era year, a month whose 月 was lost
    expect(dateFromParts([{ text: '平成9年1', confidence: 0.6 }, { text: '□□年1月5日生', confidence: 0.4 }])).toBe('平成9年1月5日');
    // the more confident reads outvote a lone one
    expect(dateFromParts([{ text: '1997年10', confidence: 0.9 }, { text: '1991年10', confidence: 0.9 }, { text: '1997年', confidence: 0.8 }, { text: '年10月9日', confidence: 0.5 }])).toBe('1997年10月9日');
  });

  it('gives nothing when a part is in no read, and never takes a year that is no year', () => {
    expect(dateFromParts([{ text: '1997年10', confidence: 0.9 }])).toBeNull();
    expect(dateFromParts([{ text: '1 297年10月9日', confidence: 0.9 }])).toBeNull();
    expect(dateFromParts([])).toBeNull();
  });
});
