import { describe, expect, it } from 'vitest';
import { simErrorText } from '../../main/backend-sim/sim-error-text';

describe('the simulator’s error lines carry no input', () => {
  it('drops what a JSON parser quotes from a resident’s CSV row, and long numbers; keeps the kind and code', () => {
    let parseError: unknown;
    try {
      JSON.parse('{"氏名":"髙橋 正雄","個人番号":"123456789018"');
    } catch (err) {
      parseError = err;
    }
    const text = simErrorText(parseError);
    expect(text).toMatch(/^SyntaxError: /);
    expect(text).not.toContain('髙橋');
    expect(text).not.toContain('123456789018');
    const io = Object.assign(new Error("ENOSPC: no space left on device, open '/share/inbox/髙橋.csv'"), { code: 'ENOSPC' });
    expect(simErrorText(io)).toBe('Error ENOSPC: ENOSPC: no space left on device, open …');
    expect(simErrorText('a string')).toBe('non-Error thrown');
  });
});
