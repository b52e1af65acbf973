import path from 'node:path';
import type { AppServices, AppServicesOptions } from './app-services.types';
import { DB_FILE_NAME, openStore, storeFailureDetail, type Store } from './store/open-database';
import { ApplicationRepository } from './store/application-repository';
import { VisitCaseRepository } from './store/visit-case-repository';
import { CaseSubmission } from './store/case-submission';
import { ChromiumPdfRenderer } from './print/chromium-pdf';
import type { PdfRenderer } from './print/pdf-renderer';
import { SyncEngine } from './sync/sync-engine';
import { ConnectorRouter, connectorContext, connectorTarget } from './sync/connector-router';
import { createHandlers } from './api/handlers';
import { checkStoredPayload, intakePayload } from './sync/payload-checks';
import { createDispatch } from './api/dispatch';
import { fileLogger, type Logger } from './log';
import { localIsoDate } from './local-date';
import { loadConfig, type ConnectorConfig } from './config';
import { registerClient } from './register/register-client';
import { demoRegister } from './demo/demo-register';
import { findForm } from '../../common/forms/registry';
import { startSimServer, type SimServer } from '../backend-sim/sim-server';
import { CardService } from './card-reading/card-service';
import { ScannerDrop } from './card-reading/scanner-drop';
import { loadNameReadings } from './names/name-reading-files';
import { sharedAddressMaster } from './address/shared-address-master';
import type { NameReadings } from '../../common/names/name-readings';
import { startAccountsAudit } from './audit/start-accounts-audit';
import { withAudit } from './audit/audited-operations';
import { fail } from '../../common/contract/result';
import { RESIDENT_ONLY_OPERATIONS } from '../../common/contract/resident-operations';
import { ResidentDisplay } from './resident/resident-display';
import { createResidentDispatch } from './api/resident-handlers';
import { ChipService } from './chip/chip-service';
import { modeOf } from './app-mode';
import { withDiskFullDrill, type TrainingDeps } from './api/training-handlers';
import { resetDemoStore } from './demo/demo-reset';
import { sampleCards } from './demo/sample-cards';
import { DemoChipCards } from './demo/demo-chip-cards';
import { demoCardPeople, type DemoCardPerson } from './demo/demo-card-people';

const HOUR = 60 * 60_000;
/** the chip PIN's operations: the resident-facing page's (dispatchResident), refused to the clerk's page */
const RESIDENT_ONLY = new Set<string>(RESIDENT_ONLY_OPERATIONS);
const RESIDENT_ONLY_REFUSAL = { code: 'FORBIDDEN', message: '暗証番号は住民向け画面でのみ入力できます。' } as const;
/** personal data of finished applications and submitted cases: a week covers a resident's follow-up questions */
const DEFAULT_RETENTION_DAYS = 7;
/** an open case nobody touched for a month will not be finished: the visitor would be asked again */
const DEFAULT_ABANDONED_CASE_DAYS = 30;

/** Composition root of the services: one per running app, whichever host (Electron or browser). */
export async function createAppServices(opts: AppServicesOptions): Promise<AppServices> {
  const log = opts.log ?? fileLogger(opts.dataDir, true);
  const config = loadConfig(opts.dataDir);
  // demo or production, from the configuration; the database refuses to open in the other mode (app-mode.ts)
  const mode = modeOf(config, opts.backendUrl);
  let store: Store;
  try {
    store = openStore(path.join(opts.dataDir, DB_FILE_NAME), { mode, ...(opts.keyStore ? { keyStore: opts.keyStore } : {}) });
  } catch (err) {
    // the Japanese message goes to the clerk (start-up dialog / console); this line is for IT staff
    log('error', 'store.open_failed', storeFailureDetail(err));
    throw err;
  }
  const { db, cipher } = store;
  if (store.modesTightened?.length) log('warn', 'store.permissions_tightened', { files: store.modesTightened });

  let sim: SimServer | null = null;
  let demoPeople: DemoCardPerson[] = [];
  let registerConfig = config.register;
  let fallback: ConnectorConfig | undefined = opts.backendUrl
    ? { type: 'http', baseUrl: opts.backendUrl }
    : (config.connectors?.default ?? (config.backendUrl ? { type: 'http', baseUrl: config.backendUrl } : undefined));
  if (!fallback) {
    // No back end configured: a simulated one, so the app can be tried; the UI says so plainly.
    // its store is sealed with the app's own database key and purged like the app's own data
    const demo = config.register ? null : demoRegister(opts.dataDir, log);
    sim = await startSimServer({
      port: 0,
      dataDir: path.join(opts.dataDir, 'demo-backend'),
      cipher,
      ...(config.retentionDays ? { retentionDays: config.retentionDays } : {}),
      ...(demo ? { register: demo.sim } : {}),
    });
    fallback = { type: 'http', baseUrl: sim.url };
    demoPeople = demo ? demoCardPeopleOrNone(demo.sim.persons, log) : [];
    registerConfig ??= demo?.config(sim.url);
  }
  const { audit, session, purgeAudit } = await startAccountsAudit({ db, cipher }, { dataDir: opts.dataDir, config, demo: sim !== null, log, ...(opts.now ? { now: opts.now } : {}) });
  const router = ConnectorRouter.fromConfig(fallback, connectorContext(opts.dataDir, config));
  const backoffCapMs = config.sync?.backoffCapMs ?? 60_000;

  const now = opts.now ?? Date.now;
  const repo = new ApplicationRepository(db, cipher, {
    now,
    formTitle: (id) => findForm(id)?.title ?? id,
    maxRetryDelayMs: Math.max(15 * 60_000, backoffCapMs * 2),
  });
  const sync = new SyncEngine(repo, router, { ...config.sync, now, log, checkPayload: checkStoredPayload, toIntakePayload: intakePayload });
  // PDFs: the host's renderer (Electron printToPDF) or the system Chromium, started on first use
  let pdf: PdfRenderer | null = opts.pdfRenderer ?? null;
  const pdfRenderer = () => (pdf ??= opts.host === 'browser' ? new ChromiumPdfRenderer() : null);
  // the OCR engine loads its model in the background: the window opens at once, the first card pays nothing
  const ocrMode = opts.ocr ?? 'background';
  // the address master, read once: the address fields look up 郵便番号 ⇄ 住所 in it (the card reader's thread
  // loads its own and checks read addresses there; this one only if that thread cannot start)
  const addresses = sharedAddressMaster(log);
  // the ふりがな tables (names below) also let the card reader check a read フリガナ against the name's readings
  const reader = ocrMode === 'off' ? null : new CardService({ log, today: () => localIsoDate(), addressMaster: addresses, nameReadings: () => names() });
  if (reader && ocrMode === 'background') reader.start();
  // an engine that failed to start stays failed (card-service.ts): images are then as unreadable as with --ocr off
  const imagesReadable = () => reader !== null && reader.status().state !== 'failed';
  const scanner = reader && config.scannerDropDir ? new ScannerDrop(path.resolve(opts.dataDir, config.scannerDropDir), log) : null;
  scanner?.start();
  // the ふりがな suggestions' tables (about 1 MB, ~0.3 s to parse): read once, not before the window opens —
  // on the first suggestion asked for, or a few seconds after start-up, whichever comes first
  let nameTables: NameReadings | null = null;
  const names = (): NameReadings => {
    if (nameTables) return nameTables;
    const loaded = loadNameReadings();
    log(loaded.problems.length ? 'warn' : 'info', 'names.loaded', { ms: loaded.ms, ...loaded.readings.counts, problems: loaded.problems });
    return (nameTables = loaded.readings);
  };
  // the postal code index (~120k lines) is built on the first lookup; warmed with the names, so the clerk's
  // first 郵便番号 does not wait for it
  const warmNames = setTimeout(() => {
    names();
    addresses()?.byPostalCode('0000000');
  }, 3000);
  warmNames.unref();
  // the card's IC chip over PC/SC: nothing is opened before the first chip operation
  const chip = opts.chip === 'off' ? undefined : new ChipService({ log });
  const cases = new VisitCaseRepository(db, cipher, { now });
  // what the counter's resident-facing display shows: the clerk's choice, or the PIN pad while a chip read waits for it
  const residentDisplay = new ResidentDisplay(sim !== null, {
    clerkPresent: () => session.check('showResidentConfirm') === null,
    pinRequest: () => chip?.pinRequest() ?? null,
  });
  // 研修モード: the trainer panel's drills and the reset; nothing of it exists in production
  let diskFull = false;
  const training: TrainingDeps | undefined = sim && mode === 'demo'
    ? {
        sim: sim.control,
        diskFull: { on: () => diskFull, set: (on) => void (diskFull = on) },
        reset: () => {
          const counts = resetDemoStore(db);
          sim!.control.reset();
          log('info', 'demo.reset', counts);
          return counts;
        },
        cards: sampleCards(),
        imagesReadable,
        ...(chip
          ? {
              chipCards: new DemoChipCards({
                people: () => demoPeople,
                slot: opts.demoChipSlot ?? 0,
                readers: () => chip.readers(),
                imagesReadable,
                log,
              }),
            }
          : {}),
      }
    : undefined;
  const handlers = createHandlers({
    repo,
    ...(reader ? { cards: { reader, scanner } } : {}),
    ...(chip ? { chip } : {}),
    sync,
    cases: { cases, submission: new CaseSubmission(db, repo, cases), pdf: pdfRenderer },
    names,
    addresses,
    accounts: { session, audit },
    ...(opts.nativePrinter ? { printer: opts.nativePrinter } : {}),
    ...(config.printer ? { printerName: config.printer.deviceName } : {}),
    ...(registerConfig ? { register: registerClient(registerConfig, opts.dataDir, log) } : {}),
    ...(training ? { training } : {}),
    log,
    resident: { display: residentDisplay, ...(opts.residentScreen ? { host: opts.residentScreen } : {}) },
    today: () => localIsoDate(),
    info: () => ({
      version: opts.appVersion,
      host: opts.host,
      today: localIsoDate(),
      backend: { url: connectorTarget(fallback), simulated: sim !== null },
      ...(config.city ? { city: config.city } : {}),
      nativePrint: opts.nativePrinter !== undefined,
    }),
  });
  // every write and every read of a case runs with its audit entry; every call needs a signed-in clerk
  const drilled = training ? withDiskFullDrill(handlers, () => diskFull) : handlers;
  const clerkDispatch = createDispatch(withAudit(drilled, { db, audit, actor: () => session.actor() }), log, { access: (op) => session.check(op) });
  // the PIN is the resident's: typed on the resident-facing screen only, never through the clerk's page
  const dispatch: typeof clerkDispatch = async (operation, input) => {
    if (RESIDENT_ONLY.has(operation)) {
      log('warn', 'api.resident_only', { operation });
      return fail(RESIDENT_ONLY_REFUSAL);
    }
    const r = await clerkDispatch(operation, input);
    if (operation === 'signOut') residentDisplay.show({ kind: 'idle' });
    return r;
  };
  const dispatchResident = createResidentDispatch({ display: residentDisplay, ...(chip ? { submitPin: (id: string, pin: string) => chip.submitPin(id, pin) } : {}), log });

  const retentionDays = config.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const abandonedCaseDays = config.abandonedCaseDays ?? DEFAULT_ABANDONED_CASE_DAYS;
  const purge = () => {
    try {
      const n = db.transaction(() => {
        const purged = repo.purgeFinished(retentionDays);
        if (purged > 0) audit.append({ actor: 'system', event: 'retention.purged', detail: { count: purged, days: retentionDays } });
        return purged;
      }).immediate();
      if (n > 0) log('info', 'retention.purged', { count: n, days: retentionDays });
      // visit cases hold 個人番号 too: submitted ones follow retentionDays, untouched open ones abandonedCaseDays
      const purged = repo.inTransaction(() => {
        const p = cases.purgeExpired({ finishedDays: retentionDays, abandonedDays: abandonedCaseDays });
        if (p.finished + p.abandoned > 0) audit.append({ actor: 'system', event: 'retention.purged', detail: { visitCases: p.finished + p.abandoned, finished: p.finished, abandoned: p.abandoned, finishedDays: retentionDays, abandonedDays: abandonedCaseDays } });
        return p;
      });
      if (purged.finished + purged.abandoned > 0) log('info', 'retention.cases_purged', { ...purged, finishedDays: retentionDays, abandonedDays: abandonedCaseDays });
      purgeAudit();
    } catch (err) {
      log('error', 'retention.failed', { error: String(err).slice(0, 200) });
    }
  };
  purge();
  const retentionTimer = setInterval(purge, HOUR);
  retentionTimer.unref();

  sync.start();
  log('info', 'services.started', { host: opts.host, simulatedBackend: sim !== null, connectors: router.all().map((c) => c.id.split(':')[0]) });

  return {
    dispatch,
    dispatchResident,
    backend: { url: connectorTarget(fallback), simulated: sim !== null },
    mode,
    async close() {
      clearTimeout(warmNames);
      residentDisplay.release();
      clearInterval(retentionTimer);
      scanner?.close();
      await reader?.close().catch(() => undefined);
      await training?.chipCards?.close();
      await chip?.close();
      await sync.stop();
      for (const c of router.all()) c.close?.();
      await sim?.close();
      await pdf?.close().catch(() => undefined);
      db.close();
      log('info', 'services.stopped');
    },
  };
}

/** the 見本ICカード's people; none (and a log line) when the seeded register and the roster drifted apart */
function demoCardPeopleOrNone(persons: Parameters<typeof demoCardPeople>[0], log: Logger): DemoCardPerson[] {
  try {
    return demoCardPeople(persons);
  } catch (err) {
    log('warn', 'demo.card_people_unavailable', { detail: err instanceof Error ? err.message.slice(0, 200) : 'unknown' });
    return [];
  }
}
