import fs from 'node:fs';
import { UsageError } from '../command';
import type { SimOptions } from '../../backend-sim/sim-server';
import { COUNTER_CLIENT_ID } from '../../backend-sim/sim-register';
import { loadRegisterFile, loadSeededRegister } from '../../backend-sim/sim-register-file';
import type { RegisterAnswerFault } from '../../backend-sim/sim-register-api';

/** The `backend-sim` options that make it the 住民基本台帳 owner (kept apart from the intake's own options). */
export const REGISTER_SIM_USAGE = '[--client-secret-file F [--register FILE] [--register-token-ttl-s N] [--register-scopes S,S] [--register-fault KIND]]';

export const REGISTER_SIM_OPTIONS: readonly (readonly [string, string])[] = [
  ['--client-secret-file F', `住基照会: クライアント ${COUNTER_CLIENT_ID} のシークレットのファイル（指定すると住基照会 API とトークン発行が動く）`],
  ['--register FILE', '住基照会: 住民の JSON ファイル（省略時は見本の架空住民）'],
  ['--register-token-ttl-s N', '住基照会: アクセストークンの有効期間（秒、既定 300）'],
  ['--register-scopes S,S', '住基照会: クライアントに許すスコープ（カンマ区切り、既定はすべて）'],
  ['--register-fault KIND', '障害訓練: 住基照会の応答を壊す（missing-item: 項目欠落、unknown-code: 知らないコード）'],
];

export const REGISTER_SIM_FLAGS = {
  'client-secret-file': { type: 'string' },
  register: { type: 'string' },
  'register-token-ttl-s': { type: 'string' },
  'register-scopes': { type: 'string' },
  'register-fault': { type: 'string' },
} as const;

const FAULTS: readonly RegisterAnswerFault[] = ['missing-item', 'unknown-code'];

export function registerSimOptions(v: Partial<Record<keyof typeof REGISTER_SIM_FLAGS, string>>): Pick<SimOptions, 'register'> {
  const secretFile = v['client-secret-file'];
  if (!secretFile) {
    const stray = (['register', 'register-token-ttl-s', 'register-scopes', 'register-fault'] as const).find((k) => v[k] !== undefined);
    if (stray) throw new UsageError(`--${stray} は --client-secret-file と一緒に指定してください`);
    return {};
  }
  let clientSecret: string;
  try {
    clientSecret = fs.readFileSync(secretFile, 'utf8').trim();
  } catch (err) {
    throw new UsageError(`--client-secret-file ${secretFile} を読めません（${(err as NodeJS.ErrnoException).code ?? 'error'}）`);
  }
  if (clientSecret.length < 16) throw new UsageError(`--client-secret-file ${secretFile} のシークレットが短すぎます（16 文字以上）`);
  const ttl = v['register-token-ttl-s'];
  if (ttl !== undefined && !/^[1-9]\d{0,5}$/.test(ttl)) throw new UsageError('--register-token-ttl-s は 1 以上の整数（秒）で指定してください');
  const fault = v['register-fault'];
  if (fault !== undefined && !FAULTS.includes(fault as RegisterAnswerFault)) throw new UsageError(`--register-fault は ${FAULTS.join(' / ')} のどれかです`);
  return {
    register: {
      persons: v.register ? loadRegisterFile(v.register) : loadSeededRegister(),
      clientId: COUNTER_CLIENT_ID,
      clientSecret,
      ...(ttl !== undefined ? { tokenTtlS: Number(ttl) } : {}),
      ...(v['register-scopes'] !== undefined ? { allowedScopes: v['register-scopes'].split(',').map((s) => s.trim()).filter(Boolean) } : {}),
      ...(fault !== undefined ? { fault: fault as RegisterAnswerFault } : {}),
    },
  };
}
