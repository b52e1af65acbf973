import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { checkProfile, type CsvProfileSet } from '../../../common/forms/csv-profile';
import { defaultProfileSet } from '../../../common/forms/default-csv-profiles';
import { findForm } from '../../../common/forms/registry';
import { ConfigError } from '../config';

/** `<data-dir>/csv-profiles.json`: the city's own columns, code tables and 業務ID, over the defaults. */
export const CSV_PROFILES_FILE = 'csv-profiles.json';

const Column = z.strictObject({
  name: z.string(),
  from: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  const: z.string().optional(),
  code: z.string().optional(),
});
const ProfilesFile = z.strictObject({
  /** form id → its whole profile (a form listed here replaces its default profile) */
  profiles: z.record(z.string(), z.strictObject({ columns: z.array(Column) })).optional(),
  /** table name → value → code (a table listed here replaces the default table of that name) */
  codeTables: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  /** 業務 → 業務ID */
  gyomuIds: z.record(z.string(), z.string().regex(/^[0-9A-Za-z]{1,10}$/)).optional(),
});

/**
 * The profiles in force: the defaults with the city's file laid over them, every profile checked
 * against its form. A bad file stops the start with the file, the form and the column named — a
 * wrong column found at the first delivery would fail applications the clerk already handed in.
 */
export function loadCsvProfiles(dataDir: string): CsvProfileSet {
  const file = path.join(dataDir, CSV_PROFILES_FILE);
  const base = defaultProfileSet();
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return base;
    throw new ConfigError(`列プロファイル ${file} を読めません（${(err as NodeJS.ErrnoException).code ?? 'error'}）。`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError(`列プロファイル ${file} が JSON として読めません。内容を確認してください。`);
  }
  const r = ProfilesFile.safeParse(json);
  if (!r.success) {
    const where = r.error.issues.map((i) => i.path.join('.') || '(全体)').join(', ');
    throw new ConfigError(`列プロファイル ${file} の項目が正しくありません: ${where}`);
  }
  const set: CsvProfileSet = {
    profiles: { ...base.profiles, ...(r.data.profiles ?? {}) },
    codeTables: { ...base.codeTables, ...(r.data.codeTables ?? {}) },
    gyomuIds: { ...base.gyomuIds, ...(r.data.gyomuIds ?? {}) },
  };
  const problems: string[] = [];
  for (const formId of Object.keys(r.data.profiles ?? {})) {
    if (!findForm(formId)) problems.push(`様式「${formId}」はこのバージョンのいちまどにありません`);
  }
  // the city's code tables can break a default profile too: check every profile in force
  for (const [formId, profile] of Object.entries(set.profiles)) {
    const form = findForm(formId);
    if (!form) continue;
    for (const p of checkProfile(form, profile, set.codeTables)) problems.push(`様式「${p.formId}」${p.column ? `の列「${p.column}」` : ''}: ${p.message}`);
  }
  if (problems.length > 0) throw new ConfigError(`列プロファイル ${file} に誤りがあります。${problems.join('。')}。`);
  return set;
}
