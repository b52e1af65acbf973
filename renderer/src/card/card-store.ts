import { create } from 'zustand';
import type { CardFrontView, OcrStatus, ScannerImage } from '../../../common/contract/card-operations';
import { MAX_CARD_IMAGE_BYTES } from '../../../common/contract/card-operations';
import type { Result } from '../../../common/contract/result';
import type { ReadCardOutput } from '../../../common/contract/card-operations';
import { bridge } from '../bridge/bridge';
import { POLL_TUNING } from '../../../common/card/capture-tuning';

/**
 * One card read at a time: where the confirmed data goes (a person of the household, a new person, or
 * the 個人番号 of a person from the card's back), the capture, the read, the clerk's check.
 * The card image lives only here, in memory (a blob: URL for the crops); it is dropped when the clerk
 * confirms, retakes or closes.
 */
export type CardTarget = { kind: 'person'; index: number } | { kind: 'new-person' } | { kind: 'back'; index: number };
export type CaptureMode = 'camera' | 'file' | 'scanner';

export interface ReadingState {
  readId: string;
  stage: NonNullable<OcrStatus['progress']>['stage'] | 'upload';
  fraction: number;
  startedAt: number;
}

interface CardState {
  target: CardTarget | null;
  mode: CaptureMode;
  reading: ReadingState | null;
  front: CardFrontView | null;
  /** blob: URL of the warped card image, for the crops */
  imageUrl: string | null;
  /** the back side's read: `readId` names it when the clerk confirms the number for a person */
  back: { myNumber: string | null; message: string | null; readId: string } | null;
  error: string | null;
  ocr: OcrStatus | null;
  scanner: ScannerImage[];
  open(target: CardTarget): void;
  close(): void;
  setMode(m: CaptureMode): void;
  retake(): void;
  readBlob(blob: Blob): Promise<void>;
  readScanner(id: string): Promise<void>;
  discardScanner(id: string): Promise<void>;
  pollStatus(): Promise<void>;
  pollScanner(): Promise<void>;
}

/**
 * No image can be read here: the OCR engine is off in this configuration (--ocr off: getOcrStatus answers
 * NOT_READY) or failed to start (it is not started again). The camera, image files, the scanner folder and the
 * 見本カード then offer nothing, so the dialog does not offer them.
 */
export const imagesUnreadable = (s: Pick<CardState, 'ocr'>): boolean => s.ocr?.state === 'failed';

function newReadId(): string {
  return crypto.randomUUID();
}

export function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(blob);
  });
}

function base64ToBlob(b64: string, type: string): Blob {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}

export const useCard = create<CardState>((set, get) => {
  const drop = () => {
    const url = get().imageUrl;
    if (url) URL.revokeObjectURL(url);
    set({ front: null, imageUrl: null, back: null });
  };

  /** Runs one read, showing the services' progress while it works. */
  const run = async (call: (readId: string) => Promise<Result<ReadCardOutput>>) => {
    const readId = newReadId();
    drop();
    set({ reading: { readId, stage: 'upload', fraction: 0, startedAt: performance.now() }, error: null });
    let live = true;
    const poll = async () => {
      while (live) {
        await new Promise((r) => setTimeout(r, POLL_TUNING.readStageMs));
        if (!live) break;
        const s = await bridge.getOcrStatus({ readId });
        if (!live || get().reading?.readId !== readId) break;
        if (s.ok) set({ ocr: s.value, ...(s.value.progress ? { reading: { ...get().reading!, stage: s.value.progress.stage, fraction: s.value.progress.fraction } } : {}) });
      }
    };
    void poll();
    const r = await call(readId);
    live = false;
    if (get().reading?.readId !== readId) return; // closed meanwhile: drop the answer
    if (!r.ok) return set({ reading: null, error: r.error.message });
    if (r.value.side === 'back') return set({ reading: null, back: { myNumber: r.value.myNumber, message: r.value.message, readId } });
    const url = URL.createObjectURL(base64ToBlob(r.value.image.data, r.value.image.mimeType));
    // the base64 copy is not kept: the blob URL is the one image in memory
    set({ reading: null, front: { ...r.value, image: { ...r.value.image, data: '' } }, imageUrl: url });
  };

  return {
    target: null,
    mode: 'file',
    reading: null,
    front: null,
    imageUrl: null,
    back: null,
    error: null,
    ocr: null,
    scanner: [],

    open: (target) => {
      drop();
      set({ target, reading: null, error: null });
      void get().pollStatus();
    },
    close: () => {
      drop();
      set({ target: null, reading: null, error: null });
    },
    setMode: (mode) => set({ mode, error: null }),
    retake: () => {
      drop();
      set({ error: null });
    },

    readBlob: async (blob) => {
      const side = get().target?.kind === 'back' ? 'back' : 'front';
      if (blob.size > MAX_CARD_IMAGE_BYTES) return set({ error: '画像が大きすぎます（20MBまで）。' });
      if (blob.type && !/^image\/(jpeg|png)$/.test(blob.type)) return set({ error: 'JPEG または PNG の画像を選んでください。' });
      const image = await blobToBase64(blob);
      await run((readId) => bridge.readCard({ readId, image, side }));
    },

    readScanner: async (id) => {
      const side = get().target?.kind === 'back' ? 'back' : 'front';
      set({ scanner: get().scanner.filter((x) => x.id !== id) });
      await run((readId) => bridge.readScannerImage({ readId, id, side }));
    },

    discardScanner: async (id) => {
      set({ scanner: get().scanner.filter((x) => x.id !== id) });
      await bridge.discardScannerImage({ id });
    },

    pollStatus: async () => {
      const s = await bridge.getOcrStatus({});
      if (s.ok) set({ ocr: s.value });
      // no reader in this configuration (--ocr off): the dialog's head says so before the clerk tries an image
      else if (s.error.code === 'NOT_READY') set({ ocr: { state: 'failed', startupMs: 0, message: s.error.message, progress: null, scannerConfigured: false } });
    },

    pollScanner: async () => {
      const r = await bridge.listScannerImages({});
      if (r.ok) set({ scanner: r.value.items });
    },
  };
});
