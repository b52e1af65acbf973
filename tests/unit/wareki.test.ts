import { describe, expect, it } from 'vitest';
import { formatWareki, parseDateInput } from '../../common/validation/wareki';

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
