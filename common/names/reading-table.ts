/**
 * The text format of the name-reading tables (assets/names/*.tsv): UTF-8, one entry a line,
 *
 *   kind<TAB>surface<TAB>reading reading …
 *
 * kind is 姓 (family name), 名 (given name) or 部品 (a piece of a name, used only to compose the reading
 * of a name that has no entry of its own, e.g. 子 → こ); readings are ひらがな, most likely first.
 * Lines starting with # are comments; blank lines are skipped. Surfaces keep their exact code points
 * (no NFC/NFKC: a compatibility ideograph such as 﨑 stays itself).
 */
export const READING_KINDS = ['姓', '名', '部品'] as const;
export type ReadingKind = (typeof READING_KINDS)[number];

export interface ReadingEntry {
  kind: ReadingKind;
  surface: string;
  readings: string[];
}

/** A reading as the tables hold it: ひらがな with 長音 (ー); nothing else. */
export const READING_PATTERN = /^[\u3041-\u3096\u30FC]+$/u;

export interface ParsedTable {
  entries: ReadingEntry[];
  /** "line N: why" for each line that was skipped */
  problems: string[];
}

export function parseReadingTable(text: string): ParsedTable {
  const entries: ReadingEntry[] = [];
  const problems: string[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [kind, surface, readings, extra] = line.split('\t');
    const rs = (readings ?? '').split(' ').filter((r) => r !== '');
    if (extra !== undefined || !surface || rs.length === 0) return void problems.push(`line ${i + 1}: expected kind, surface and readings separated by tabs`);
    if (!(READING_KINDS as readonly string[]).includes(kind!)) return void problems.push(`line ${i + 1}: unknown kind ${JSON.stringify(kind)}`);
    const bad = rs.find((r) => !READING_PATTERN.test(r));
    if (bad !== undefined) return void problems.push(`line ${i + 1}: reading ${JSON.stringify(bad)} is not ひらがな`);
    entries.push({ kind: kind as ReadingKind, surface, readings: [...new Set(rs)] });
  });
  return { entries, problems };
}

export function formatReadingTable(header: readonly string[], entries: readonly ReadingEntry[]): string {
  return [...header.map((h) => `# ${h}`), ...entries.map((e) => `${e.kind}\t${e.surface}\t${e.readings.join(' ')}`)].join('\n') + '\n';
}
