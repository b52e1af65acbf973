import type { ReadingState } from './card-store';
import { PROGRESS_TUNING as P } from '../../../common/card/capture-tuning';

const STAGE_LABEL: Record<ReadingState['stage'], string> = {
  upload: '画像を送っています',
  queued: '読み取りの準備をしています（OCR 起動中）',
  decode: '画像を読み込んでいます',
  'find-card': 'カードを探しています',
  recognize: '文字を読み取っています',
  parse: '項目を整理しています',
  qr: 'QRコードを探しています',
};

/** The services' progress while they read a card. */
export function ReadProgress({ r }: { r: ReadingState }) {
  const pct = r.stage === 'recognize' ? Math.round(P.recognizeFrom + r.fraction * P.recognizeSpan) : r.stage === 'parse' ? P.parse : r.stage === 'find-card' ? P.findCard : r.stage === 'decode' ? P.decode : P.starting;
  return (
    <div className="card-progress" role="status" aria-live="polite" data-stage={r.stage}>
      <p>{STAGE_LABEL[r.stage]}…</p>
      <progress max={100} value={pct} aria-label="読み取りの進み具合" />
    </div>
  );
}
