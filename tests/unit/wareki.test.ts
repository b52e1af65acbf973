import { describe, expect, it } from 'vitest';
import { formatWareki, parseDateInput, parseEventDateInput } from '../../common/validation/wareki';

const iso = (s: string) => {
  const r = parseDateInput(s);
  return r.ok ? r.iso : `ERR:${r.message}`;
};

describe('parseDateInput: 西暦 and 和暦 as clerks type them', () => {
  it.each([
    ['1985-04-01', '1985-04-01'],
    ['1985/4/1', '1985-04-01'],
    ['1985年4月1日', '1985-04-01'],
    ['19850401', '1985-04-01'],
    ['１９８５年４月１日', '1985-04-01'],
    ['昭和60年4月1日', '1985-04-01'],
    ['S60.4.1', '1985-04-01'],
    ['s60/04/01', '1985-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['R1.5.1', '2019-05-01'],
    ['平成31年4月30日', '2019-04-30'],
    ['昭和64年1月7日', '1989-01-07'],
    ['平成元年1月8日', '1989-01-08'],
    ['大正元年7月30日', '1912-07-30'],
    ['昭和元年12月25日', '1926-12-25'],
    ['2024-02-29', '2024-02-29'],
    ['  H2.2.2  ', '1990-02-02'],
  ])('%s → %s', (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it.each([
    ['平成32年1月1日', '平成は2019年4月30日まで'],
    ['昭和64年2月1日', '昭和は1989年1月7日まで'],
    ['令和元年4月1日', '令和は2019年5月1日から'],
    ['大正元年7月29日', '大正は1912年7月30日から'],
    ['2023-02-29', '存在しない日付'],
    ['1985-13-01', '存在しない日付'],
    ['昭和60年2月30日', '存在しない日付'],
    ['平成0年1月1日', '1（元年）以上'],
    ['1850-01-01', '明治元年より前'],
    ['あした', '形式が正しくありません'],
    ['', '入力してください'],
  ])('%s is rejected (%s)', (input, why) => {
    const r = parseDateInput(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(why);
  });

  it('formats ISO dates as 和暦 with 元年', () => {
    expect(formatWareki('2019-05-01')).toBe('令和元年5月1日');
    expect(formatWareki('2019-04-30')).toBe('平成31年4月30日');
    expect(formatWareki('1989-01-07')).toBe('昭和64年1月7日');
    expect(formatWareki('2026-11-27')).toBe('令和8年11月27日');
  });

  it('round-trips every day of 1988–1990 through 和暦 (era boundaries included)', () => {
    for (let t = Date.UTC(1988, 0, 1); t <= Date.UTC(1990, 11, 31); t += 86_400_000) {
      const d = new Date(t).toISOString().slice(0, 10);
      expect(iso(formatWareki(d))).toBe(d);
    }
  });
});

describe('parseEventDateInput: the event date typed without its year', () => {
  const ev = (s: string, today: string, rule: 'past' | 'nearest' = 'past') => {
    const r = parseEventDateInput(s, today, rule);
    return r.ok ? r.iso : `ERR:${r.message}`;
  };

  it.each([
    ['11.24', '2026-11-27', '2026-11-24'],
    ['11/27', '2026-11-27', '2026-11-27'], // today itself is not in the future
    ['11月2日', '2026-11-27', '2026-11-02'],
    ['１１．２４', '2026-11-27', '2026-11-24'],
    ['１１月２４日', '2026-11-27', '2026-11-24'],
    ['12.28', '2026-11-27', '2025-12-28'], // this year's is still ahead: last year's
    ['12/31', '2027-01-02', '2026-12-31'], // across the new year
    ['2.29', '2028-03-01', '2028-02-29'],
    [' 6 . 1 ', '2026-11-27', '2026-06-01'],
  ])('past: %s on %s → %s', (input, today, want) => {
    expect(ev(input, today)).toBe(want);
  });

  it('still takes every full form, year included', () => {
    expect(ev('R8.11.24', '2026-11-27')).toBe('2026-11-24');
    expect(ev('2025-12-28', '2026-11-27')).toBe('2025-12-28');
    expect(ev('S60.4.1', '2026-11-27')).toBe('1985-04-01');
  });

  it.each([
    ['2.30', '2026-11-27', '存在しない日付です。'],
    ['13.1', '2026-11-27', '存在しない日付です。'],
    ['0.5', '2026-11-27', '存在しない日付です。'],
    ['4月31日', '2026-11-27', '存在しない日付です。'],
    // 2月29日 is never carried years back: neither this year's (none) nor last year's exists
    ['2.29', '2026-11-27', '2月29日は今年も昨年もありません。年も入力してください。'],
    // this year's is ahead and last year had none
    ['2/29', '2028-02-10', '2月29日は今年も昨年もありません。年も入力してください。'],
  ])('past: %s on %s is refused (%s)', (input, today, message) => {
    expect(ev(input, today)).toBe(`ERR:${message}`);
  });

  it('nearest (a planned 転出日): the closest such day, ahead or behind', () => {
    expect(ev('12.5', '2026-11-27', 'nearest')).toBe('2026-12-05');
    expect(ev('11.20', '2026-11-27', 'nearest')).toBe('2026-11-20');
    expect(ev('1.3', '2026-12-28', 'nearest')).toBe('2027-01-03');
    expect(ev('12.30', '2027-01-02', 'nearest')).toBe('2026-12-30');
    expect(ev('2.30', '2026-11-27', 'nearest')).toBe('ERR:存在しない日付です。');
  });

  it.each([
    ['1', '2026-12-04', '2026-12-01'],
    ['4', '2026-12-04', '2026-12-04'], // today itself
    ['28日', '2026-12-04', '2026-11-28'], // this month's is ahead: last month's
    ['１５', '2026-12-04', '2026-11-15'],
    ['31', '2027-01-05', '2026-12-31'], // across the new year
    ['29', '2028-03-01', '2028-02-29'],
  ])('past, the day alone: %s on %s → %s', (input, today, want) => {
    expect(ev(input, today)).toBe(want);
  });

  it('the day alone is refused where that month has no such day, and out of range', () => {
    // 12月31日 is ahead and 11月 has no 31日: never carried back to 10月31日
    expect(ev('31', '2026-12-04')).toBe('ERR:31日は今月も先月もありません。月も入力してください。');
    expect(ev('0', '2026-12-04')).toBe('ERR:存在しない日付です。');
    expect(ev('32', '2026-12-04')).toBe('ERR:存在しない日付です。');
  });

  it('nearest, the day alone (a planned 転出日): the closest of last, this and next month', () => {
    expect(ev('20', '2026-12-04', 'nearest')).toBe('2026-11-20'); // 14 days back, 16 ahead
    expect(ev('10', '2026-12-04', 'nearest')).toBe('2026-12-10');
    expect(ev('2', '2026-12-28', 'nearest')).toBe('2027-01-02');
  });

  it('leaves other dates to parseDateInput, with its messages', () => {
    expect(ev('平成32年1月1日', '2026-11-27')).toContain('平成は2019年4月30日まで');
    expect(ev('あした', '2026-11-27')).toContain('形式が正しくありません');
  });
});
