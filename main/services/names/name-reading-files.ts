import fs from 'node:fs';
import path from 'node:path';
import { findAssetDir } from '../../assets/find-asset-dir';
import { buildNameReadings, type NameReadings } from '../../../common/names/name-readings';
import { parseReadingTable, type ReadingEntry } from '../../../common/names/reading-table';

/**
 * The name-reading tables: `assets/names/` in a checkout, `resources/names/` in an installed app
 * (electron-builder extraResources), or ICHIMADO_NAMES_DIR when set. Read once at start-up.
 * IPADIC's table first, then the hand-written supplement (city IT staff may extend it).
 */
export const NAME_TABLE_FILES = ['ipadic-person-names.tsv', 'supplement-names.tsv'] as const;

export function findNamesDir(): string | null {
  return findAssetDir('names', [NAME_TABLE_FILES[0]], process.env.ICHIMADO_NAMES_DIR);
}

export interface LoadedNameReadings {
  readings: NameReadings;
  /** what could not be read (missing file, bad lines), for the log; no personal data */
  problems: string[];
  ms: number;
}

/** Never throws: a missing or damaged table gives fewer (or no) suggestions and a logged problem. */
export function loadNameReadings(dir: string | null = findNamesDir()): LoadedNameReadings {
  const t0 = performance.now();
  const problems: string[] = [];
  const tables: ReadingEntry[][] = [];
  if (!dir) problems.push('names directory not found');
  else {
    for (const f of NAME_TABLE_FILES) {
      let text: string;
      try {
        text = fs.readFileSync(path.join(dir, f), 'utf8');
      } catch (err) {
        problems.push(`${f}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`);
        continue;
      }
      const parsed = parseReadingTable(text);
      tables.push(parsed.entries);
      problems.push(...parsed.problems.slice(0, 20).map((p) => `${f} ${p}`));
    }
  }
  return { readings: buildNameReadings(tables), problems, ms: Math.round(performance.now() - t0) };
}
