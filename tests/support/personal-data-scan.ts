import fs from 'node:fs';
import path from 'node:path';
import { myNumberCheckDigit } from '../../common/validation/my-number';
import { repoRoot } from './processes';

/**
 * Looks through files, byte by byte, for personal data that must never sit on a counter PC in
 * plaintext: the test residents' names (UTF-8) and 12-digit numbers (the ones the tests typed, and any
 * 12-digit run that passes the 個人番号 check digit, in ASCII or full-width digits). SQLite files are
 * read raw, -wal and -shm included, so a value sitting in a WAL frame or a free page counts too.
 */

export interface Hit {
  /** relative to the scanned root */
  file: string;
  what: string;
  offset: number;
  /** the bytes around it, printable */
  context: string;
}

/** Where the e2e tests' residents come from: the e2e tests and the flows and cards they use. */
const SOURCE_DIRS = ['tests/e2e', 'tests/e2e-electron', 'tests/support'];

/**
 * Names the e2e tests pass positionally (not as `family:` / `given:` fields), so the source scan below
 * cannot pick them out: add a name here when a new e2e test types one that way.
 */
const POSITIONAL_NAMES = [
  { family: '山﨑', given: '栞', familyKana: 'やまざき', givenKana: 'しおり' },
  { family: '山﨑', given: '蒼' },
];

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) out.push(p);
    }
  };
  for (const d of SOURCE_DIRS) if (fs.existsSync(path.join(repoRoot, d))) walk(path.join(repoRoot, d));
  return out;
}

/**
 * The terms to look for, from the test sources themselves: every `family: '…'`, `given: '…'` (and
 * their Kana) literal, the positional names above, and every 12-digit literal. A name of one character
 * is looked for only with its family name (alone, three random bytes would match somewhere).
 */
export function sampleTerms(): { names: string[]; numbers: string[] } {
  const families = new Set<string>();
  const givens = new Set<string>();
  const kana = new Set<string>();
  const numbers = new Set<string>();
  const pairs: { family: string; given: string }[] = [];
  for (const f of sourceFiles()) {
    const text = fs.readFileSync(f, 'utf8');
    for (const m of text.matchAll(/\b(family|given|familyName|givenName)(Kana)?\s*:\s*'([^'\\]{1,20})'/g)) {
      const [, part, isKana, value] = m;
      if (isKana) kana.add(value!);
      else (part!.startsWith('family') ? families : givens).add(value!);
    }
    for (const m of text.matchAll(/(?<![\d.])\d{12}(?![\d.])/g)) numbers.add(m[0]);
  }
  for (const p of POSITIONAL_NAMES) {
    families.add(p.family);
    givens.add(p.given);
    if (p.familyKana) kana.add(p.familyKana);
    if (p.givenKana) kana.add(p.givenKana);
    pairs.push(p);
  }
  const names = new Set<string>();
  const long = (s: string, n: number) => [...s].length >= n;
  for (const n of [...families, ...givens]) if (long(n, 2)) names.add(n);
  for (const n of kana) if (long(n, 3)) names.add(n);
  for (const g of givens) {
    if (long(g, 2)) continue;
    for (const f of families) for (const sep of ['', ' ', '\u3000']) names.add(`${f}${sep}${g}`);
  }
  return { names: [...names].filter((n) => !/^[\x20-\x7e]*$/.test(n) || n.length >= 4), numbers: [...numbers] };
}

function printable(b: Buffer): string {
  return b.toString('utf8').replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, '·');
}

function context(buf: Buffer, at: number, len: number): string {
  return printable(buf.subarray(Math.max(0, at - 24), Math.min(buf.length, at + len + 24)));
}

const FULL_WIDTH = /(?<![０-９])[０-９]{12}(?![０-９])/g;
/** A 12-digit run on its own: not part of a longer number, a word, an id or a hex string (uuid tails). */
const DIGIT_RUN = /(?<![0-9A-Za-z_-])[0-9]{12}(?![0-9A-Za-z_-])/g;

const passesCheckDigit = (d: string) => myNumberCheckDigit(d.slice(0, 11)) === Number(d[11]);

/** Every hit in one file's bytes. */
export function scanBytes(buf: Buffer, file: string, terms: { names: string[]; numbers: string[] }): Hit[] {
  const hits: Hit[] = [];
  const find = (needle: string, what: string) => {
    const n = Buffer.from(needle, 'utf8');
    for (let at = buf.indexOf(n); at !== -1; at = buf.indexOf(n, at + 1)) hits.push({ file, what, offset: at, context: context(buf, at, n.length) });
  };
  for (const name of terms.names) find(name, `name ${name}`);
  for (const num of terms.numbers) {
    find(num, `test number ${num}`);
    find(num.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), `test number ${num} (full-width)`);
  }
  const latin1 = buf.toString('latin1');
  for (const m of latin1.matchAll(DIGIT_RUN)) {
    if (passesCheckDigit(m[0]) && !terms.numbers.includes(m[0])) hits.push({ file, what: `12 digits passing the 個人番号 check ${m[0]}`, offset: m.index, context: context(buf, m.index, 12) });
  }
  const utf8 = buf.toString('utf8');
  for (const m of utf8.matchAll(FULL_WIDTH)) {
    const ascii = m[0].replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10));
    if (passesCheckDigit(ascii) && !terms.numbers.includes(ascii)) hits.push({ file, what: `full-width 12 digits passing the 個人番号 check ${ascii}`, offset: m.index, context: m[0] });
  }
  return hits;
}

/** Every regular file under `dir`, however deep (symlinks are not followed). */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** The app data dirs under `root`: folders holding the app's database, its key or its log. */
export function appDataDirs(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    const names = new Set(fs.readdirSync(d));
    if (names.has('ichimado.db') || names.has('ichimado.key') || fs.existsSync(path.join(d, 'logs', 'ichimado.log'))) {
      out.push(d);
      return; // everything below belongs to this data dir and is scanned with it
    }
    for (const n of names) {
      const p = path.join(d, n);
      if (fs.lstatSync(p).isDirectory()) walk(p);
    }
  };
  walk(root);
  return out;
}

export function scanDirs(root: string, dirs: string[], terms: { names: string[]; numbers: string[] }): { files: number; bytes: number; hits: Hit[] } {
  let files = 0;
  let bytes = 0;
  const hits: Hit[] = [];
  for (const d of dirs) {
    for (const f of filesUnder(d)) {
      const buf = fs.readFileSync(f);
      files++;
      bytes += buf.length;
      hits.push(...scanBytes(buf, path.relative(root, f), terms));
    }
  }
  return { files, bytes, hits };
}

/** Every regular file under `dir` with its permission bits (a data dir's files must be 0600). */
export function filesWithModes(dir: string): { file: string; mode: number }[] {
  return filesUnder(dir).map((file) => ({ file, mode: fs.statSync(file).mode & 0o777 }));
}

/**
 * One folder's files, for the given strings (as UTF-8) and, unless `anyTwelveDigits: false` (folders of
 * other programs, such as Chromium's profile, hold 12-digit numbers of their own), any 12-digit run
 * that passes the 個人番号 check digit.
 */
export function scanForPersonalData(dir: string, strings: readonly string[], opts: { anyTwelveDigits?: boolean } = {}): Hit[] {
  const hits: Hit[] = [];
  for (const file of filesUnder(dir)) {
    const found = scanBytes(fs.readFileSync(file), file, { names: [...strings], numbers: [] });
    hits.push(...(opts.anyTwelveDigits === false ? found.filter((h) => h.what.startsWith('name ')) : found));
  }
  return hits;
}
