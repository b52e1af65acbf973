import fs from 'node:fs';
import path from 'node:path';
import { findAssetDir } from '../assets/find-asset-dir';

/**
 * The simulator's 住民基本台帳: synthetic residents from a JSON file (`backend-sim --register FILE`), or the
 * seeded population in assets/register when none is given. Never real people.
 * One entry per person, keyed by the 基本データリスト データ項目名称; extra keys (国保, 介護, 後期高齢, 年金 status,
 * or anything a drill needs) are kept and answered as they are.
 */
export const REQUIRED_KEYS = ['住民票コード', '世帯番号', '氏名', '氏名_フリガナ', '生年月日', '性別', '続柄', '住所'] as const;
export type RegisterPerson = Record<(typeof REQUIRED_KEYS)[number], string> & Record<string, string>;

export const SEEDED_REGISTER_FILE = 'synthetic-residents.json';

export class RegisterFileError extends Error {}

/** 住民票コード: 11 digits (住民基本台帳法 §7 xiii, the last one a check digit we do not verify) */
const RESIDENT_CODE = /^\d{11}$/;

function validDay(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === v;
}

/** Checks one entry; the Japanese reason, or null when it is fine. */
function entryProblem(e: Record<string, unknown>): string | null {
  for (const k of REQUIRED_KEYS) {
    if (!(k in e)) return `${k} がありません`;
    if (typeof e[k] !== 'string' || (e[k] as string).trim() === '') return `${k} が空か文字列ではありません`;
  }
  for (const [k, v] of Object.entries(e)) if (typeof v !== 'string') return `${k} が文字列ではありません`;
  if (!RESIDENT_CODE.test(e['住民票コード'] as string)) return '住民票コード は 11 桁の数字で書いてください';
  if (!validDay(e['生年月日'] as string)) return '生年月日 は YYYY-MM-DD の実在する日付で書いてください';
  if (e['性別'] !== '1' && e['性別'] !== '2') return '性別 は "1"（男）か "2"（女）で書いてください';
  return null;
}

/** Parses and checks a register; the error names the file, the entry (1-based) and the key. */
export function parseRegister(text: string, file: string): RegisterPerson[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RegisterFileError(`住民票ファイル ${file} が JSON として読めません`);
  }
  if (!Array.isArray(json)) throw new RegisterFileError(`住民票ファイル ${file} は人の配列（[ {...}, ... ]）で書いてください`);
  const seen = new Set<string>();
  return json.map((e: unknown, i) => {
    const where = `住民票ファイル ${file} の ${i + 1} 件目`;
    if (e === null || typeof e !== 'object' || Array.isArray(e)) throw new RegisterFileError(`${where}: 人はオブジェクト（{...}）で書いてください`);
    const problem = entryProblem(e as Record<string, unknown>);
    if (problem) throw new RegisterFileError(`${where}: ${problem}`);
    const p = e as RegisterPerson;
    if (seen.has(p['住民票コード'])) throw new RegisterFileError(`${where}: 住民票コード ${p['住民票コード']} が重複しています`);
    seen.add(p['住民票コード']);
    return p;
  });
}

export function loadRegisterFile(file: string): RegisterPerson[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new RegisterFileError(`住民票ファイル ${file} を読めません（${(err as NodeJS.ErrnoException).code ?? 'error'}）`);
  }
  return parseRegister(text, file);
}

/** The seeded synthetic population shipped in assets/register. */
export function loadSeededRegister(): RegisterPerson[] {
  const dir = findAssetDir('register', [SEEDED_REGISTER_FILE], process.env.ICHIMADO_REGISTER_DIR);
  if (!dir) throw new RegisterFileError(`見本の住民票ファイル ${SEEDED_REGISTER_FILE} が見つかりません`);
  return loadRegisterFile(path.join(dir, SEEDED_REGISTER_FILE));
}
