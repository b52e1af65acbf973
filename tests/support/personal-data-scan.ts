import fs from 'node:fs';
import path from 'node:path';

export interface PersonalDataHit {
  file: string;
  found: string;
}

/** Every regular file under `dir` (recursively), with its permission bits. */
export function filesUnder(dir: string): { file: string; mode: number }[] {
  const out: { file: string; mode: number }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(p));
    else if (entry.isFile()) out.push({ file: p, mode: fs.statSync(p).mode & 0o777 });
  }
  return out;
}

/**
 * Looks through the raw bytes of every file under `dir` (databases, their -wal/-shm, logs, …) for
 * the given strings (as UTF-8) and for any free-standing run of exactly 12 ASCII digits (a 個人番号);
 * `anyTwelveDigits: false` for folders of other programs (Chromium's profile has such numbers of its own).
 */
export function scanForPersonalData(dir: string, strings: readonly string[], opts: { anyTwelveDigits?: boolean } = {}): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  for (const { file } of filesUnder(dir)) {
    const bytes = fs.readFileSync(file);
    for (const s of strings) if (bytes.includes(Buffer.from(s, 'utf8'))) hits.push({ file, found: s });
    if (opts.anyTwelveDigits === false) continue;
    const twelve = /(?<!\d)\d{12}(?!\d)/.exec(bytes.toString('latin1'));
    if (twelve) hits.push({ file, found: twelve[0] });
  }
  return hits;
}
