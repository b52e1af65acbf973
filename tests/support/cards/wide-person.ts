import fs from 'node:fs';
import path from 'node:path';
import type { Rng } from './random';
import type { Person } from './people';
import { WIDE_FAMILY, WIDE_GIVEN, WIDE_LATIN_FAMILY, WIDE_LATIN_GIVEN, WIDE_RARE_FAMILY } from './name-pool';

/**
 * People for the varied generator: names from the wide pool and addresses from any 市区町村 and 町域 of the
 * shipped address master (every prefecture, not a dozen hand-picked places), with the 番地 and building
 * written the several ways cards print them.
 */
const FW = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const KANJI_NUM = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const BUILDINGS = ['コーポ山田', 'グランドハイツ', 'サンライズマンション', 'メゾン緑', 'パークハウス', 'ハイツ青葉', 'レジデンス桜', '第二寿荘', 'シティコート', 'ヴィラ若葉'];
const PLAIN_TOWN = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々ヶケ]{1,8}$/u;

interface Place {
  pref: string;
  city: string;
  towns: string[];
}
let places: Place[] | null = null;
function loadPlaces(): Place[] {
  if (places) return places;
  const dir = path.resolve(import.meta.dirname, '../../../assets/address');
  const rows = (f: string): string[][] => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
  const towns = new Map(rows('towns.tsv').map(([code, ...ts]) => [code!, ts.filter((t) => PLAIN_TOWN.test(t))]));
  places = rows('municipalities.tsv')
    .map(([code, pref, city]) => ({ pref: pref!, city: city!, towns: towns.get(code!) ?? [] }))
    .filter((p) => p.towns.length > 0)
    .sort((a, b) => (a.pref + a.city).localeCompare(b.pref + b.city));
  return places;
}

function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function makeWidePerson(rng: Rng, opts: { latin: boolean; rareRate: number }): Person {
  const y = rng.int(1930, 2015);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  const ey = rng.chance(0.15) ? rng.int(2020, 2025) : rng.int(2026, 2036);
  const { pref, city, towns } = rng.pick(loadPlaces());
  const town = rng.pick(towns);
  const c = rng.int(1, 9);
  const b = rng.int(1, 40);
  const g = rng.int(1, 30);
  const lot = rng.int(1, 2999);
  const style = rng.int(0, 5);
  const num =
    style === 0 ? `${FW(String(c))}丁目${FW(String(b))}番${FW(String(g))}号`
      : style === 1 ? `${FW(String(c))}－${FW(String(b))}－${FW(String(g))}`
        : style === 2 ? `${KANJI_NUM[c]}丁目${b}番${g}号`
          : style === 3 ? `${c}-${b}-${g}`
            : style === 4 ? `${FW(String(lot))}番地${rng.chance(0.5) ? FW(String(rng.int(1, 20))) : ''}`
              : `${lot}番地`;
  const line1 = `${pref}${city}${town}${num}`;
  const addressLines = rng.chance(0.4) ? [line1, `${rng.pick(BUILDINGS)}${FW(String(rng.int(1, 9)))}０${FW(String(rng.int(1, 9)))}号`] : [line1];
  const base = { birthIso: isoDate(y, m, d), expiryIso: isoDate(ey, m, d), addressLines };
  if (opts.latin) {
    const [gn, sex] = rng.pick(WIDE_LATIN_GIVEN);
    return { ...base, family: rng.pick(WIDE_LATIN_FAMILY), given: gn, familyKana: null, givenKana: null, latin: true, sex };
  }
  const [family, familyKana] = rng.chance(opts.rareRate) ? rng.pick(WIDE_RARE_FAMILY) : rng.pick(WIDE_FAMILY);
  const [given, givenKana, sex] = rng.pick(WIDE_GIVEN);
  return { ...base, family, given, familyKana, givenKana, latin: false, sex };
}
