import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/processes';
import { testScope } from '../support/test-scope';
import { localIsoDate } from '../../main/services/local-date';

/**
 * `cli register search` against `cli backend-sim --register FILE --client-secret-file F`, both real processes:
 * the register's exact strings on stdout, the run in the data dir's audit trail, refusals in Japanese.
 */
const { dir, sim } = testScope();

describe('cli register search', () => {
  it('prints the matching persons with the register\'s exact strings, and records the lookup in the audit trail', async () => {
    const d = dir('reg-cli');
    const secret = path.join(d, 'secret');
    fs.writeFileSync(secret, 'cli-register-secret-0123456789', { mode: 0o600 });
    const registerFile = path.join(d, 'register.json');
    const people = [
      { 住民票コード: '30000000001', 世帯番号: 'H9', 氏名: '葛\u{E0100}西 凜', 氏名_フリガナ: 'カサイ リン', 生年月日: '1999-09-09', 性別: '2', 続柄: '世帯主', 住所: '試験市本町1-1', 国保: '被保険者' },
      { 住民票コード: '30000000002', 世帯番号: 'H9', 氏名: '葛西 凜', 氏名_フリガナ: 'カサイ リン', 生年月日: '1999-09-09', 性別: '2', 続柄: '同居人', 住所: '試験市本町1-1' },
    ];
    fs.writeFileSync(registerFile, JSON.stringify(people));
    const s = await sim('reg-cli-sim', ['--register', registerFile, '--client-secret-file', secret]);
    const data = path.join(d, 'data');
    fs.mkdirSync(data, { mode: 0o700 });
    fs.writeFileSync(path.join(data, 'config.json'), JSON.stringify({ register: { baseUrl: s.url, clientId: 'ichimado-counter', clientSecretFile: secret } }), { mode: 0o600 });

    const r = await runCli(['register', 'search', '--data-dir', data, '--name', '葛西 凜', '--birth', '1999-09-09', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const persons = JSON.parse(r.stdout) as { name: string; residentCode: string }[];
    // both match the typed 葛西; each keeps its own code points, the IVS one with U+E0100
    expect(persons.map((p) => [p.residentCode, [...p.name].map((c) => c.codePointAt(0)!.toString(16))])).toEqual([
      ['30000000001', ['845b', 'e0100', '897f', '20', '51dc']],
      ['30000000002', ['845b', '897f', '20', '51dc']],
    ]);

    const today = localIsoDate();
    const audit = await runCli(['audit', 'export', '--data-dir', data, '--from', today, '--to', today, '--format', 'json']);
    expect(audit.code).toBe(0);
    expect(audit.stdout).toContain('register.looked_up');
    expect(audit.stdout).toContain('"found":2');
    expect(audit.stdout).not.toContain('葛');

    // a search the register refuses to run without a birth date is stopped before it leaves
    const bad = await runCli(['register', 'search', '--data-dir', data, '--name', '葛西 凜', '--json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--birth');
  }, 90_000);

  it('a data dir without `register` in its config says so in Japanese and exits 1', async () => {
    const data = dir('reg-cli-none');
    const r = await runCli(['register', 'search', '--data-dir', data, '--code', '10000000001', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('住民基本台帳の照会は設定されていません');
  }, 60_000);

  it('backend-sim refuses a register file with a wrong entry, naming the entry and the key', async () => {
    const d = dir('reg-cli-badfile');
    fs.writeFileSync(path.join(d, 'secret'), 'cli-register-secret-0123456789');
    fs.writeFileSync(path.join(d, 'register.json'), JSON.stringify([
      { 住民票コード: '30000000001', 世帯番号: 'H1', 氏名: '見本 一', 氏名_フリガナ: 'ミホン ハジメ', 生年月日: '2000-01-01', 性別: '1', 続柄: '世帯主', 住所: '試験市' },
      { 住民票コード: '30000000002', 世帯番号: 'H1', 氏名: '見本 二', 氏名_フリガナ: 'ミホン ツギ', 生年月日: '2000-02-30', 性別: '1', 続柄: '子', 住所: '試験市' },
    ]));
    const r = await runCli(['backend-sim', '--port', '0', '--data-dir', path.join(d, 'sim'), '--client-secret-file', path.join(d, 'secret'), '--register', path.join(d, 'register.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2 件目');
    expect(r.stderr).toContain('生年月日');
  }, 60_000);
});
