/**
 * Regenerates the small committed fixtures in tests/fixtures/cards (keep them < 3 MB in all):
 *   npx tsx tests/support/cards/make-fixtures.ts
 * Each call is a fixed seed, so the images only change when the generator does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateCards } from './generate';

const OUT = path.resolve(import.meta.dirname, '../../fixtures/cards');
const TMP = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'cards-'));

const sets = [
  { seed: 101, kinds: ['current'], looks: ['flat'] },
  { seed: 102, kinds: ['next-gen'], looks: ['scanner'] },
  { seed: 103, kinds: ['foreign'], looks: ['camera'] },
  { seed: 104, kinds: ['back'], looks: ['scanner'] },
  { seed: 105, kinds: ['passport'], looks: ['camera'] },
  { seed: 106, kinds: ['no-card'], looks: ['camera'] },
] as const;

fs.mkdirSync(OUT, { recursive: true });
for (const s of sets) {
  const truths = await generateCards({ out: TMP, count: 1, seed: s.seed, kinds: [...s.kinds], looks: [...s.looks], upsideDownRate: 0 });
  for (const t of truths) {
    fs.copyFileSync(path.join(TMP, t.file), path.join(OUT, t.file));
    fs.copyFileSync(path.join(TMP, t.file.replace(/\.(png|jpg)$/, '.json')), path.join(OUT, t.file.replace(/\.(png|jpg)$/, '.json')));
  }
}
// one card of a varied set, as `bench:ocr -- --seed 20261204` renders it: a next-generation design with the
// portrait on the left, photographed by phone (the card a tenth of the frame)
{
  const truths = await generateCards({ out: TMP, count: 11, seed: 20261204, kinds: ['current', 'next-gen', 'foreign'], looks: ['flat', 'scanner', 'camera', 'phone'], varied: true });
  const t = truths[10]!;
  fs.copyFileSync(path.join(TMP, t.file), path.join(OUT, t.file));
  fs.copyFileSync(path.join(TMP, t.file.replace(/\.(png|jpg)$/, '.json')), path.join(OUT, t.file.replace(/\.(png|jpg)$/, '.json')));
}
// cards of the tuning sets whose reading a mechanism was built for, as `bench:ocr -- --seed S` renders them:
// フリガナ found as three lines (20261216 #46), read with the space as ー (20261218 #10), 性別 blurred on a
// camera photo (20261218 #8) and printed pale on a phone photo (99001 #45), a next-generation design setting
// its 有効期限 low (20261210 #19), a 昭和 read 骨和 (20261206 #21), a next-generation design setting its
// 有効期限 lower than the bottom band begins (20261222 #10)
for (const [seed, index] of [[20261216, 46], [20261218, 10], [20261218, 8], [99001, 45], [20261210, 19], [20261206, 21], [20261222, 10]] as const) {
  const truths = await generateCards({ out: TMP, count: index + 1, seed, kinds: ['current', 'next-gen', 'foreign'], looks: ['flat', 'scanner', 'camera', 'phone'], varied: true });
  const t = truths[index]!;
  fs.copyFileSync(path.join(TMP, t.file), path.join(OUT, t.file));
  fs.copyFileSync(path.join(TMP, t.file.replace(/\.(png|jpg)$/, '.json')), path.join(OUT, t.file.replace(/\.(png|jpg)$/, '.json')));
}
fs.rmSync(TMP, { recursive: true, force: true });
