/**
 * `npm run build:demo-cards` (part of `npm run build`): the 見本カード of 研修モード — card fronts of the
 * synthetic residents, rendered by the app's own card generator (tests/support/cards, the OCR bench's) in
 * Debian's Chromium, into assets/demo-cards/ (not committed: build output). Never a real person: every
 * name, date and address comes from assets/register/synthetic-residents.json or the training scenarios.
 * Skipped with a note where Chromium is missing (the demo then offers no 見本カード; nothing else changes).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, CHROMIUM_PATH } from '../tests/support/chromium';
import { cardPerson, renderPersonCard } from '../tests/support/cards/person-card';
import { loadRegisterFile } from '../main/backend-sim/sim-register-file';
import { SAMPLE_CARDS_INDEX, type SampleCardEntry } from '../main/services/demo/sample-cards';
import { demoCardPeople } from '../main/services/demo/demo-card-people';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(repo, 'assets', 'demo-cards');

/** Cards newer than the register file and this script are kept: `npm start` builds every time, and this is its slowest part. */
function upToDate(): boolean {
  const index = path.join(outDir, SAMPLE_CARDS_INDEX);
  if (!fs.existsSync(index)) return false;
  const built = fs.statSync(index).mtimeMs;
  const sources = [path.join(repo, 'assets', 'register', 'synthetic-residents.json'), fileURLToPath(import.meta.url), path.join(repo, 'main', 'services', 'demo', 'demo-card-people.ts')];
  return sources.every((f) => fs.statSync(f).mtimeMs <= built);
}

async function main(): Promise<void> {
  if (upToDate() && !process.argv.includes('--force')) return;
  if (!fs.existsSync(CHROMIUM_PATH)) {
    process.stderr.write(`見本カード: Chromium（${CHROMIUM_PATH}）がないため作りませんでした。研修モードの「見本カード」は出ません。\n`);
    return;
  }
  const started = Date.now();
  const register = loadRegisterFile(path.join(repo, 'assets', 'register', 'synthetic-residents.json'));
  const people = demoCardPeople(register).map((p) => ({
    id: p.id,
    label: p.label,
    person: cardPerson({ family: p.family, given: p.given, sex: p.sex, birth: p.birth, address: p.address, expiry: p.expiry, ...(p.familyKana ? { familyKana: p.familyKana } : {}), ...(p.givenKana ? { givenKana: p.givenKana } : {}) }),
  }));
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 600 } });
    const index: SampleCardEntry[] = [];
    for (const [n, p] of people.entries()) {
      const card = await renderPersonCard(page, p.person, { seed: 100 + n, look: 'flat' });
      const file = `${p.id}.${card.ext}`;
      fs.writeFileSync(path.join(outDir, file), card.bytes);
      index.push({ id: p.id, label: p.label, file });
    }
    fs.writeFileSync(path.join(outDir, SAMPLE_CARDS_INDEX), JSON.stringify(index, null, 1) + '\n');
  } finally {
    await browser.close();
  }
  process.stdout.write(`見本カード ${people.length} 枚を ${path.relative(repo, outDir)} に作りました（${((Date.now() - started) / 1000).toFixed(1)} 秒）\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`見本カード: 作れませんでした: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
