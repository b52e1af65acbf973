#!/usr/bin/env node
// The Debian packages the tests need, found by the files they install (so the check also works where
// dpkg is absent). `npm test` runs this first: run as root where apt-get exists, it installs what is
// missing; otherwise it stops at once with one line naming the missing packages and the command that
// installs them — instead of dozens of failed tests on a machine without Chromium. `.ci/run` calls it too.
//   node scripts/system-packages.mjs [--install-if-root | --check-only]
import { existsSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** package → why the tests need it → files that show it is installed */
export const SYSTEM_PACKAGES = [
  { pkg: 'chromium', why: 'e2e tests and browser-mode PDFs', files: [chromium] },
  { pkg: 'fonts-noto-cjk', why: 'the UI and forms in Japanese', files: ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'] },
  { pkg: 'fonts-ipaexfont', why: 'printed forms (IPAex明朝/ゴシック)', files: ['/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf', '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf'] },
  { pkg: 'fonts-ipamj-mincho', why: 'kanji variants (MJ文字, IVS)', files: ['/usr/share/fonts/truetype/ipamj/ipamjm.ttf'] },
  { pkg: 'poppler-utils', why: 'reading the printed PDFs back', files: ['/usr/bin/pdftoppm', '/usr/bin/pdftotext'] },
  { pkg: 'openssl', why: 'test certificates for HTTPS back ends', files: ['/usr/bin/openssl'] },
  { pkg: 'pcscd', why: 'the IC chip tests (a real PC/SC daemon; tests/support/virtual-card.ts starts it)', files: ['/usr/sbin/pcscd'] },
  { pkg: 'vsmartcard-vpcd', why: 'the virtual card reader the chip tests put the virtual My Number card on', files: ['/etc/reader.conf.d/vpcd'] },
  { pkg: 'libpcsclite-dev', why: 'building the smartcard binding (npm ci)', files: ['/usr/include/PCSC/winscard.h'] },
];

/** The packages whose files are missing under `root` (a test points it at an empty folder). */
export function missingPackages(root = '/') {
  return SYSTEM_PACKAGES.filter((p) => p.files.some((f) => !existsSync(path.join(root, f)))).map((p) => p.pkg);
}

function installCommand(pkgs) {
  return `apt-get install -y --no-install-recommends ${pkgs.join(' ')}`;
}

function main() {
  const checkOnly = process.argv.includes('--check-only');
  const root = process.env.ICHIMADO_SYSTEM_ROOT ?? '/';
  let missing = missingPackages(root);
  if (missing.length === 0) return 0;
  const canInstall = !checkOnly && root === '/' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canInstall) {
    console.error(`npm test: installing the Debian packages it needs: ${missing.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const run = (args) => spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
    if (run(['update', '-qq']) && run(['install', '-y', '-qq', '--no-install-recommends', ...missing])) missing = missingPackages(root);
    if (missing.length === 0) return 0;
  }
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  console.error(`npm test: 必要なパッケージがありません (missing Debian packages): ${missing.join(' ')} — 入れるには / install with: ${sudo}${installCommand(missing)}`);
  return 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(main());
