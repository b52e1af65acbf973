import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAppServices } from '../services/app-services';
import { fileLogger } from '../services/log';
import { defaultDataDir } from '../services/default-data-dir';
import { packageVersion } from '../app-version';
import { startBrowserHost } from './browser-host';
import { startBanner } from './start-banner';
import { startDataDir } from '../services/app-mode';

/**
 * `npm run start:browser -- [--port P] [--data-dir D] [--backend URL] [--demo-chip-slot N] [--ocr background|lazy|off]`. Without --data-dir and without a
 * production config.json in the default folder, it opens the demo (研修モード) in its own folder.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      backend: { type: 'string' },
      'renderer-dir': { type: 'string' },
      // the vpcd slot the 見本ICカード go on (tests lease one of the two; a counter PC has slot 0)
      'demo-chip-slot': { type: 'string', default: '0' },
      // the card reader's OCR workers: started with the app (default), at the first card read, or never
      ocr: { type: 'string', default: 'background' },
    },
    strict: true,
  });
  const port = Number(values.port);
  const demoChipSlot = Number(values['demo-chip-slot']);
  if (!Number.isInteger(demoChipSlot) || demoChipSlot < 0 || demoChipSlot > 9) throw new Error(`--demo-chip-slot には 0〜9 の数を指定してください（${values['demo-chip-slot']}）`);
  const ocr = values.ocr;
  if (ocr !== 'background' && ocr !== 'lazy' && ocr !== 'off') throw new Error(`--ocr には background・lazy・off のいずれかを指定してください（${ocr}）`);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port には 0〜65535 の数を指定してください（${values.port}）`);
  // no --data-dir: the default folder when it holds a production configuration, else the demo's own folder
  const dataDir = path.resolve(values['data-dir'] ?? startDataDir(defaultDataDir()).dataDir);
  const log = fileLogger(dataDir, true);
  // the resident screen's link exists once the host listens; the clerk's app asks for it after that
  let residentUrl: string | null = null;
  const services = await createAppServices({
    residentScreen: { link: () => residentUrl },
    dataDir,
    host: 'browser',
    appVersion: packageVersion(path.join(repoRoot, 'package.json')),
    log,
    demoChipSlot,
    ocr,
    ...(values.backend ? { backendUrl: values.backend } : {}),
  });
  const host = await startBrowserHost({
    services,
    rendererDir: path.resolve(values['renderer-dir'] ?? path.join(repoRoot, 'dist', 'renderer')),
    port,
    log,
  });
  residentUrl = host.residentUrl;
  process.stdout.write(startBanner({ url: host.url, residentUrl: host.residentUrl, dataDir, backend: services.backend, mode: services.mode }));

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    void host
      .close()
      .then(() => services.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  process.stderr.write(`ichimado: 起動できませんでした: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
