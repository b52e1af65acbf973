import type { NewApplication } from '../store/application-repository';
import { juminIdoTenkyo } from '../../../common/forms/jumin-ido-tenkyo';
import { uuidv7 } from '../ids';

/**
 * Synthetic residents for demos, drills and benchmarks: plausible, obviously fictional, never
 * real data. Deterministic for a given seed so a drill can be repeated.
 */
const FAMILY = [['髙橋', 'たかはし'], ['山﨑', 'やまざき'], ['渡邉', 'わたなべ'], ['佐藤', 'さとう'], ['鈴木', 'すずき'], ['田中', 'たなか'], ['伊藤', 'いとう'], ['齋藤', 'さいとう']] as const;
const GIVEN = [['一郎', 'いちろう'], ['花子', 'はなこ'], ['翔太', 'しょうた'], ['陽菜', 'ひな'], ['健', 'けん'], ['さくら', 'さくら'], ['蒼', 'あおい'], ['栞', 'しおり']] as const;
const TOWNS = ['東京都千代田区霞が関', '大阪府大阪市北区中之島', '北海道札幌市中央区北一条西', '福岡県福岡市中央区天神', '宮城県仙台市青葉区国分町', '愛知県名古屋市中区三の丸'];

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function isoDaysAgo(now: number, days: number): string {
  return new Date(now - days * 86_400_000).toISOString().slice(0, 10);
}

/** `n` applications spread over visit cases of 1–3 applications each. */
export function sampleApplications(n: number, seed = 1, now = Date.now()): NewApplication[] {
  const r = rng(seed);
  const out: NewApplication[] = [];
  while (out.length < n) {
    const caseId = uuidv7(now);
    const size = Math.min(n - out.length, 1 + Math.floor(r() * 3));
    const [family, familyKana] = pick(r, FAMILY);
    const oldTown = pick(r, TOWNS);
    const newTown = pick(r, TOWNS.filter((t) => t !== oldTown));
    for (let i = 0; i < size; i++) {
      const [given, givenKana] = pick(r, GIVEN);
      const payload = {
        familyName: family,
        givenName: given,
        familyNameKana: familyKana,
        givenNameKana: givenKana,
        birthDate: isoDaysAgo(now, 365 * (5 + Math.floor(r() * 70)) + Math.floor(r() * 365)),
        newAddress: `${newTown}${1 + Math.floor(r() * 9)}-${1 + Math.floor(r() * 20)}-${1 + Math.floor(r() * 30)}`,
        oldAddress: `${oldTown}${1 + Math.floor(r() * 9)}-${1 + Math.floor(r() * 20)}-${1 + Math.floor(r() * 30)}`,
        moveDate: isoDaysAgo(now, 1 + Math.floor(r() * 10)),
      };
      out.push({ caseId, caseOrder: i, formId: juminIdoTenkyo.id, formVersion: juminIdoTenkyo.version, payload, personName: `${family}\u3000${given}` });
    }
  }
  return out;
}
