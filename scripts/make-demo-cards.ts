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

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(repo, 'assets', 'demo-cards');

/** who gets a card: the scenarios' people (family 転入 comes from outside, so its address is the old one) and a few more */
const FROM_REGISTER = ['10000000008', '10000000009', '10000000010', '10000000014', '10000000020', '10000000001', '10000000005', '10000000021', '10000000022', '10000000023', '10000000024', '10000000026', '10000000028'];
/** 山﨑 和子's card has expired: the scenario 「有効期限切れのカード」 */
const EXPIRED = new Set(['10000000010']);
const TENNYU_FAMILY = [
  { family: '𠮷田', given: '大輔', kana: ['ヨシダ', 'ダイスケ'], sex: '男', birth: '1988-07-21' },
  { family: '𠮷田', given: '彩', kana: ['ヨシダ', 'アヤ'], sex: '女', birth: '1990-03-03' },
  { family: '𠮷田', given: '蓮', kana: ['ヨシダ', 'レン'], sex: '男', birth: '2017-05-05' },
  { family: '𠮷田', given: '凛', kana: ['ヨシダ', 'リン'], sex: '女', birth: '2023-01-15' },
] as const;
const TENNYU_OLD_ADDRESS = '東京都千代田区霞が関一丁目1番1号 見本ハイツ303';

/** 有効期限: the birthday after the 10th (adults) or 5th (under 18) year from an issue two years ago — plausible, synthetic */
function expiry(birth: string, expired: boolean): string {
  const issued = new Date().getFullYear() - 2;
  const age = issued - Number(birth.slice(0, 4));
  const year = expired ? new Date().getFullYear() - 1 : issued + (age < 18 ? 5 : 10);
  return `${year}${birth.slice(4)}`;
}

/** Cards newer than the register file and this script are kept: `npm start` builds every time, and this is its slowest part. */
function upToDate(): boolean {
  const index = path.join(outDir, SAMPLE_CARDS_INDEX);
  if (!fs.existsSync(index)) return false;
  const built = fs.statSync(index).mtimeMs;
  const sources = [path.join(repo, 'assets', 'register', 'synthetic-residents.json'), fileURLToPath(import.meta.url)];
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
  const people = [
    ...FROM_REGISTER.map((code) => {
      const r = register.find((p) => p['住民票コード'] === code);
      if (!r) throw new Error(`見本カード: 住民票コード ${code} が見本の住民票にありません`);
      const [family, given] = r['氏名'].split(' ') as [string, string];
      const [familyKana, givenKana] = r['氏名_フリガナ'].split(' ');
      return {
        id: code,
        label: `${r['氏名']}（${EXPIRED.has(code) ? '有効期限切れ' : r['続柄']}）`,
        person: cardPerson({ family, given, sex: r['性別'] === '1' ? '男' : '女', birth: r['生年月日'], address: r['住所'], expiry: expiry(r['生年月日'], EXPIRED.has(code)), ...(familyKana ? { familyKana } : {}), ...(givenKana ? { givenKana } : {}) }),
      };
    }),
    ...TENNYU_FAMILY.map((p, i) => ({
      id: `tennyu-${i + 1}`,
      label: `${p.family} ${p.given}（転入・住基にまだいません）`,
      person: cardPerson({ family: p.family, given: p.given, sex: p.sex, birth: p.birth, address: TENNYU_OLD_ADDRESS, expiry: expiry(p.birth, false), familyKana: p.kana[0], givenKana: p.kana[1] }),
    })),
  ];
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
