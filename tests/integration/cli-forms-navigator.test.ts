import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/processes';

/** `forms list` and `navigator` as city IT staff run them: their own process (the bundled CLI), the case on stdin. */
const runWithStdin = (args: string[], stdin: string) => runCli(args, 60_000, stdin);

function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/^\s+at /m);
  expect(text).not.toMatch(/\.(ts|mjs|js):\d+:\d+/);
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const person = (birthDate: string, relation: string, healthInsurance: string, pension: string) => ({ birthDate, relation, healthInsurance, pension, careCertified: false });
const family = {
  event: '転入',
  date: '2026-11-20',
  persons: [person('1986-05-10', '本人', '社保', '厚生年金'), person('1987-08-15', '配偶者', '社保', '厚生年金'), person('2019-06-01', '子', '社保', 'なし'), person('2023-03-10', '子', '社保', 'なし')],
};

describe('cli forms list', () => {
  it('--json prints [{id,title,gyomu}] for every registered form', async () => {
    const r = await runCli(['forms', 'list', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; title: string; gyomu: string }[];
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const row of rows) expect(Object.keys(row)).toEqual(['id', 'title', 'gyomu']);
    expect(rows).toContainEqual({ id: 'jumin-ido-tenkyo', title: '住民異動届（転居）', gyomu: '住民基本台帳' });
    expect(rows).toContainEqual({ id: 'jidou-teate-nintei', title: '児童手当 認定請求書', gyomu: '児童手当' });
  });
});

describe('cli navigator', () => {
  it('--json lists the family-of-four 転入 procedures with the contract fields first', async () => {
    const r = await runWithStdin(['navigator', '--json', '--today', '2026-11-20'], JSON.stringify(family));
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { procedures: Record<string, unknown>[] };
    expect(out.procedures.map((p) => [p.formId, p.gyomu, p.required, p.deadline])).toEqual([
      ['jumin-ido-tennyu', '住民基本台帳', true, '2026-12-04'],
      ['jidou-teate-nintei', '児童手当', true, '2026-12-05'],
      ['kodomo-iryo-jukyu', '子ども医療費助成', true, null],
      ['shugaku-tennyugaku', '就学', true, null],
      ['mynumber-card-tsuiki', '住民基本台帳', false, null],
      ['inkan-toroku', '印鑑登録', false, null],
    ]);
    expect(Object.keys(out.procedures[0]!).slice(0, 5)).toEqual(['formId', 'gyomu', 'required', 'reason', 'deadline']);
    expect(out.procedures[1]!.reason).toBe('7歳のお子さま・3歳のお子さまがいるため、児童手当の認定請求が必要です');
  });

  it('an overdue deadline is a warning in the output, exit 0', async () => {
    const r = await runWithStdin(['navigator', '--json', '--today', '2026-12-10'], JSON.stringify(family));
    expect(r.code).toBe(0);
    const tennyu = (JSON.parse(r.stdout) as { procedures: { formId: string; warning?: string }[] }).procedures[0]!;
    expect(tennyu.warning).toContain('過ぎています');
  });

  it('without --json prints a readable Japanese list', async () => {
    const r = await runWithStdin(['navigator', '--today', '2026-11-20'], JSON.stringify(family));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[必須] 住民異動届（転入）（住民基本台帳） 期限 2026年12月4日');
    expect(r.stdout).toContain('[任意] 印鑑登録申請書（印鑑登録）');
  });

  it('applies a city rule file given with --city', async () => {
    const dir = tempDir('navi');
    dirs.push(dir);
    const file = path.join(dir, 'city.json');
    fs.writeFileSync(file, JSON.stringify({ disable: ['tennyu-inkan', 'tennyu-card'] }));
    const r = await runWithStdin(['navigator', '--json', '--today', '2026-11-20', '--city', file], JSON.stringify(family));
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { procedures: unknown[] }).procedures).toHaveLength(4);

    fs.writeFileSync(file, JSON.stringify({ disable: ['nope'] }));
    const bad = await runWithStdin(['navigator', '--json', '--city', file], JSON.stringify(family));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('規則「nope」はありません');
  });

  it.each([
    ['invalid JSON', '{"event": "転入",', '案件がJSONとして読めません'],
    ['an unknown event', JSON.stringify({ ...family, event: '引越' }), '届出の種類（event）: 使えない値です'],
    ['an impossible 和暦 date', JSON.stringify({ ...family, date: '平成32年1月1日' }), '平成は2019年4月30日まで'],
    ['昭和64年2月1日', JSON.stringify({ ...family, persons: [{ ...family.persons[0], birthDate: '昭和64年2月1日' }] }), '昭和は1989年1月7日まで'],
    ['a child older than its parent', JSON.stringify({ ...family, persons: [family.persons[0], person('1980-01-01', '子', '社保', 'なし')] }), '子が親より年上になっています'],
    ['empty input', '', '案件がJSONとして読めません'],
  ])('%s → exit 2, Japanese message on stderr, no stack trace', async (_what, stdin, message) => {
    const r = await runWithStdin(['navigator', '--json'], stdin);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expectNoStackTrace(r.stderr);
  });

  it('a huge input is refused with exit 2', async () => {
    const r = await runWithStdin(['navigator', '--json'], 'x'.repeat(2_000_000));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('入力が大きすぎます');
  });

  it('a bad --today is a usage error', async () => {
    const r = await runWithStdin(['navigator', '--json', '--today', '令和元年4月1日'], JSON.stringify(family));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('令和は2019年5月1日から');
  });
});
