import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { openAudited } from '../open-audit';
import { osActor } from '../../services/audit/open-audit-log';
import { Session } from '../../services/accounts/session';
import { DEFAULT_LOCK_AFTER_MINUTES } from '../../services/accounts/lockout';
import { ROLES, roleFromLabel } from '../../../common/accounts/roles';

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/**
 * Creates a clerk account. The password is read from stdin (first line), never from the command
 * line, where other users could read it in the process list. Recorded with the OS user.
 */
export const userAddCommand: CliCommand = {
  name: ['user', 'add'],
  usage: `user add --data-dir D --name N --role ${ROLES.join('|')}   (password on stdin)`,
  summary: '職員アカウントを追加する（パスワードは標準入力から）',
  options: [
    ['--data-dir D', 'データフォルダ（アプリの保存先。省略時は既定の保存先）'],
    ['--name N', '職員の名前'],
    ['--role clerk|supervisor|trainer|admin', '役割（窓口職員・監督者・研修担当・管理者）'],
  ],
  async run(argv) {
    const { values } = parseArgs({ args: argv, strict: true, options: { 'data-dir': { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } } });
    const name = values.name?.trim();
    const role = values.role ? roleFromLabel(values.role) : null;
    if (!name) throw new UsageError('user add needs --name');
    if (!role) throw new UsageError(`user add needs --role, one of ${ROLES.join(', ')} (or 窓口職員, 監督者, 研修担当, 管理者)`);
    const password = await readStdinLine();
    const { db, audit } = openAudited(values['data-dir'], { mustExist: true });
    try {
      const session = new Session({ db, audit, demo: false, lockAfterMinutes: DEFAULT_LOCK_AFTER_MINUTES });
      const r = await session.create(name, password, role, osActor(), false);
      if (!r.ok) {
        process.stderr.write(`${r.error.message}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(JSON.stringify({ id: r.value.id, name: r.value.name, role: r.value.role }) + '\n');
    } finally {
      db.close();
    }
  },
};
