import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { openAudited } from '../open-audit';
import { osActor } from '../../services/audit/open-audit-log';
import { loadConfig } from '../../services/config';
import { fileLogger } from '../../services/log';
import { RegisterClient } from '../../services/register/register-client';
import { REGISTER_NOT_CONFIGURED } from '../../services/api/register-handlers';
import { SearchResidentsInput, type SearchResidentsQuery } from '../../../common/contract/register-operations';

/** The query the options ask for; exactly one way of searching. */
function query(v: { name?: string | undefined; kana?: string | undefined; birth?: string | undefined; address?: string | undefined; code?: string | undefined }): SearchResidentsQuery {
  const candidates = [
    v.name !== undefined ? { by: 'name', name: v.name, birthDate: v.birth } : null,
    v.kana !== undefined ? { by: 'kana', kana: v.kana, birthDate: v.birth } : null,
    v.address !== undefined ? { by: 'address', address: v.address } : null,
    v.code !== undefined ? { by: 'residentCode', residentCode: v.code } : null,
  ].filter((c) => c !== null);
  if (candidates.length !== 1) throw new UsageError('--name か --kana（と --birth）、--address、--code のどれか一つで検索してください');
  if ((v.name !== undefined || v.kana !== undefined) === (v.birth === undefined)) {
    throw new UsageError(v.birth === undefined ? '--name / --kana には --birth YYYY-MM-DD も指定してください' : '--birth は --name か --kana と一緒に使います');
  }
  const q = SearchResidentsInput.safeParse(candidates[0]);
  if (!q.success) throw new UsageError(`検索条件が正しくありません: ${q.error.issues.map((i) => i.path.join('.')).join(', ')}（--birth は YYYY-MM-DD、--code は 11 桁）`);
  return q.data;
}

/**
 * 住基照会 from the command line, as the counter does it (config.json `register` of the data dir). The
 * answer is personal data: every run is in the audit trail (who, how, how many — never what); the
 * persons are printed with the register's exact strings (IVS selectors and variant kanji kept).
 */
export const registerSearchCommand: CliCommand = {
  name: ['register', 'search'],
  usage: 'register search --data-dir D (--name 氏名 --birth YYYY-MM-DD | --kana フリガナ --birth YYYY-MM-DD | --address 住所 | --code 住民票コード) [--household] [--json]',
  summary: '住民基本台帳を照会する（設定ファイルの register を使う。照会は監査ログに残る）',
  options: [
    ['--data-dir D', 'データフォルダ（config.json の register で照会先を設定しておく）'],
    ['--name 氏名', '氏名で検索（--birth と一緒に）'],
    ['--kana フリガナ', '氏名のフリガナで検索（--birth と一緒に）'],
    ['--birth YYYY-MM-DD', '生年月日'],
    ['--address 住所', '住所（の一部）で検索'],
    ['--code 住民票コード', '住民票コード（11 桁）で検索'],
    ['--household', '見つかった人の世帯全員と保険・年金の資格も出す'],
    ['--json', 'JSON で出す（住基の文字列そのまま）'],
  ],
  async run(argv) {
    const { values: v } = parseArgs({
      args: argv,
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        name: { type: 'string' },
        kana: { type: 'string' },
        birth: { type: 'string' },
        address: { type: 'string' },
        code: { type: 'string' },
        household: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    });
    const q = query(v);
    const { db, dataDir, audit } = openAudited(v['data-dir'], { mustExist: false });
    const log = fileLogger(dataDir, false);
    try {
      const cfg = loadConfig(dataDir).register;
      if (!cfg) throw new Error(REGISTER_NOT_CONFIGURED);
      const client = new RegisterClient(cfg, dataDir, log);
      const found = await client.searchResidents(q);
      if (!found.ok) throw new Error(found.error.message);
      audit.append({ actor: osActor(), event: 'register.looked_up', detail: { lookup: 'search', by: q.by, found: found.value.length, via: 'cli' } });
      const households = [];
      if (v.household) {
        for (const code of new Set(found.value.map((p) => p.residentCode))) {
          const h = await client.householdWithStatus(code);
          if (!h.ok) throw new Error(h.error.message);
          audit.append({ actor: osActor(), event: 'register.looked_up', detail: { lookup: 'household', persons: h.value.persons.length, statuses: h.value.statuses.length, via: 'cli' } });
          households.push(h.value);
        }
      }
      if (v.json) {
        process.stdout.write(JSON.stringify(v.household ? { persons: found.value, households } : found.value) + '\n');
        return;
      }
      if (found.value.length === 0) process.stdout.write('該当する住民はいません\n');
      for (const p of found.value) process.stdout.write(`${p.residentCode}  ${p.name}（${p.kana}）  ${p.birthDate}  ${p.sex}  ${p.relationship}  ${p.address}\n`);
      for (const h of households) {
        process.stdout.write(`世帯 ${h.persons[0]?.householdNumber ?? ''}:\n`);
        for (const p of h.persons) {
          const s = h.statuses.find((x) => x.residentCode === p.residentCode);
          const status = s ? [s.kokuho && `国保 ${s.kokuho}`, s.kaigo && `介護 ${s.kaigo}`, s.kouki && `後期高齢 ${s.kouki}`, s.nenkin && `年金 ${s.nenkin}`].filter(Boolean).join('、') : '';
          process.stdout.write(`  ${p.relationship}  ${p.name}  ${p.birthDate}${status ? `  ${status}` : ''}\n`);
        }
        if (h.statusNote) process.stdout.write(`  ${h.statusNote}\n`);
      }
    } finally {
      db.close();
    }
  },
};
