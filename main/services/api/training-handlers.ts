import { fail, ok, type ApiError } from '../../../common/contract/result';
import type { Drill, DrillStateView } from '../../../common/contract/training-operations';
import type { OperationName } from '../../../common/contract/operation-names';
import type { Handlers } from './handlers';
import type { SimControl } from '../../backend-sim/sim-drills';
import { DRILL_SLOW_MS } from '../../backend-sim/sim-drills';
import type { SampleCards } from '../demo/sample-cards';
import type { DemoChipCards } from '../demo/demo-chip-cards';
import { insteadOfChip } from '../demo/instead-of-chip';

/**
 * The trainer panel's operations (研修モード only). In production there is no simulator: every one of
 * them answers FORBIDDEN (reason production_mode), whoever asks — a live counter has nothing a drill could switch.
 */
export interface TrainingDeps {
  sim: SimControl;
  /** the counter's own "disk full" (simulated: writes refused with SQLite's SQLITE_FULL) */
  diskFull: { on(): boolean; set(on: boolean): void };
  /** empties the demo's cases and applications and the simulator's store; the counts deleted */
  reset(): { cases: number; applications: number };
  /** the 見本カード (made at build time); an empty list without them */
  cards: SampleCards;
  /** the same people's virtual IC chip cards on the training reader; absent without a chip service */
  chipCards?: DemoChipCards;
  /** the 見本カード images can be read (an OCR engine that is on and did not fail to start) */
  imagesReadable(): boolean;
}

export const NOT_IN_PRODUCTION: ApiError = { code: 'FORBIDDEN', reason: 'production_mode', message: '研修モード（模擬バックエンド使用時）だけの操作です。本番の端末では使えません。' };

const noChipService = (imagesReadable: boolean): ApiError => ({ code: 'NOT_READY', message: `この端末ではICチップの読み取りを使わない設定です。${insteadOfChip(imagesReadable)}` });

type TrainingOps = 'getDrills' | 'setDrill' | 'sendReturnNow' | 'restoreDrills' | 'resetDemo' | 'listSampleCards' | 'getSampleCard' | 'getDemoChipCards' | 'putDemoChipCard';

export function createTrainingHandlers(t: TrainingDeps | undefined): Pick<Handlers, TrainingOps> {
  if (!t) {
    const refuse = () => fail(NOT_IN_PRODUCTION);
    return { getDrills: refuse, setDrill: refuse, sendReturnNow: refuse, restoreDrills: refuse, resetDemo: refuse, listSampleCards: refuse, getSampleCard: refuse, getDemoChipCards: refuse, putDemoChipCard: refuse };
  }
  const view = (): DrillStateView => {
    const s = t.sim.state();
    return { linkCut: s.linkCut, slow: s.slowMs > 0, errors: s.errors, diskFull: t.diskFull.on(), returnNext: s.returnNext };
  };
  const switches: Record<Drill, (on: boolean) => void> = {
    linkCut: (on) => t.sim.set({ linkCut: on }),
    slow: (on) => t.sim.set({ slowMs: on ? DRILL_SLOW_MS : 0 }),
    errors: (on) => t.sim.set({ errors: on }),
    diskFull: (on) => t.diskFull.set(on),
  };
  return {
    getDrills: () => ok(view()),
    setDrill: ({ drill, on }) => {
      switches[drill](on);
      return ok(view());
    },
    sendReturnNow: () => ok({ receiptNumber: t.sim.returnNow(), drills: view() }),
    restoreDrills: () => {
      t.sim.restore();
      t.diskFull.set(false);
      return ok(view());
    },
    resetDemo: () => {
      t.sim.restore();
      t.diskFull.set(false);
      return ok(t.reset());
    },
    listSampleCards: () => ok({ cards: t.cards.list() }),
    getSampleCard: ({ id }) => {
      const img = t.cards.image(id);
      return img ? ok(img) : fail({ code: 'NOT_FOUND', message: 'この見本カードはありません。' });
    },
    getDemoChipCards: async () => (t.chipCards ? ok(await t.chipCards.view()) : fail(noChipService(t.imagesReadable()))),
    putDemoChipCard: async ({ id }) => {
      if (!t.chipCards) return fail(noChipService(t.imagesReadable()));
      const r = await t.chipCards.put(id);
      return 'refused' in r ? fail({ code: 'NOT_READY', message: r.refused }) : ok(r);
    },
  };
}

/** The operations that write the counter's database: what the "disk full" drill refuses. */
const WRITES: readonly OperationName[] = ['createCase', 'updateCase', 'submitCase', 'submitApplication', 'discardCase', 'cancelApplication'];

/** SQLite's own error for a full disk, so the drill takes the same path (dispatch's messages) as the real thing. */
function diskFullError(): Error {
  return Object.assign(new Error('database or disk is full (研修の障害訓練)'), { code: 'SQLITE_FULL' });
}

/** While the drill is on, the writing operations fail as a full disk makes them fail. */
export function withDiskFullDrill(handlers: Handlers, on: () => boolean): Handlers {
  const wrapped = { ...handlers } as Record<OperationName, (input: never) => unknown>;
  for (const op of WRITES) {
    const h = handlers[op] as (input: never) => unknown;
    wrapped[op] = (input: never) => {
      if (on()) throw diskFullError();
      return h(input);
    };
  }
  return wrapped as unknown as Handlers;
}
