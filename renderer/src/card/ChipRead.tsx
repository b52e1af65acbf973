import { useEffect, useState } from 'react';
import { useChip } from './chip-store';
import { imagesUnreadable, useCard } from './card-store';
import { chipFailureHeadline, chipRetryable } from './chip-failure-text';
import { VerifyBForm } from './VerifyBForm';
import { DemoChipCardPicker } from '../training/DemoChipCardPicker';
import { CHIP_TUNING } from '../../../common/card/capture-tuning';

const VERIFY_B_NO_IMAGES = '照合番号Bは券面の画像から作るため、画像を読み取れないこの端末では使えません。';

/**
 * 「ICチップで読む」, the card dialog's first choice when a card reader is connected: the chip holds the card's
 * text exactly. The resident types the PIN on the resident-facing screen (this screen shows only
 * 「住民の方が入力中」); 照合番号B (from the face as the clerk confirmed it) opens the chip without the PIN,
 * once a face read exists. Without a reader nothing is shown here and the image choices stay as they were.
 */
export function ChipRead({ purpose = 'person' }: { purpose?: 'person' | 'number' }) {
  const readers = useChip((s) => s.readers);
  const phase = useChip((s) => s.phase);
  const triesLeft = useChip((s) => s.triesLeft);
  const failure = useChip((s) => s.failure);
  const method = useChip((s) => s.method);
  const pollReaders = useChip((s) => s.pollReaders);
  const start = useChip((s) => s.start);
  const reset = useChip((s) => s.reset);
  const front = useCard((s) => s.front);
  // 照合番号B is made from the face read from an image: where none can be read, it cannot be had
  const noImages = useCard(imagesUnreadable);
  const [verifyB, setVerifyB] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => {
    void pollReaders();
    const t = setInterval(() => void pollReaders(), CHIP_TUNING.readersEveryMs);
    return () => clearInterval(t);
  }, [pollReaders]);
  // the reader the clerk picked, else the first with a card on it
  const list = readers?.readers ?? [];
  const reader = list.find((r) => r.name === chosen) ?? list.find((r) => r.cardPresent) ?? list[0] ?? null;
  if (!reader) return null;
  const busy = phase === 'starting' || phase === 'waiting-pin' || phase === 'reading';
  const readWithPin = () => {
    setVerifyB(false);
    // 個人番号 (EF 0001) only from the card-back dialog, which a form that needs the number opens
    void start({ method: 'pin', includeNumber: purpose === 'number', reader: reader.name });
  };
  return (
    <section className="chip-read" aria-labelledby="chip-read-title">
      <div className="chip-head">
        <h3 id="chip-read-title">{purpose === 'number' ? 'ICチップで個人番号を読む' : 'ICチップで読む'}</h3>
        <span className={reader.cardPresent ? 'chip-card ok' : 'chip-card'} role="status">
          {reader.cardPresent ? 'カードが置かれています' : 'カードをカードリーダーに置いてください'}
        </span>
        {list.length > 1 ? (
          <label className="chip-reader-name">カードリーダー
            <select value={reader.name} onChange={(e) => setChosen(e.target.value)}>
              {list.map((r) => <option key={r.name} value={r.name}>{r.name}{r.cardPresent ? '（カードあり）' : ''}</option>)}
            </select>
          </label>
        ) : (
          <span className="chip-reader-name" title={reader.name}>{reader.name}</span>
        )}
      </div>
      {phase === 'waiting-pin' && (
        <div className="chip-waiting" role="status">
          <strong>住民の方が入力中</strong>
          <span>住民向け画面で暗証番号（4桁）を入力してもらってください。{triesLeft !== null && `（残り${triesLeft}回）`}</span>
          {triesLeft === 1 && <span className="chip-warn">あと1回間違えるとカードがロックされます。</span>}
          <button type="button" className="row-btn subtle" onClick={reset}>取り消す</button>
        </div>
      )}
      {(phase === 'reading' || phase === 'starting') && (
        <div className="chip-waiting" role="status">
          <strong>ICチップを読み取り中…</strong>
          <span>カードをカードリーダーから離さないでください。</span>
        </div>
      )}
      {phase === 'failed' && failure && (
        <div className="banner error chip-failure" role="alert">
          <strong>{chipFailureHeadline(failure)}</strong>
          {failure.message && <span className="chip-failure-detail">{failure.message}</span>}
        </div>
      )}
      {!busy && (
        <div className="chip-actions">
          <button type="button" className="primary" disabled={!reader.cardPresent} onClick={readWithPin}>
            {phase === 'failed' && failure?.code === 'wrong-pin' && chipRetryable(failure) ? 'もう一度 暗証番号を入力してもらう' : 'ICチップで読む（暗証番号）'}
          </button>
          {purpose === 'person' && <button type="button" className="row-btn" disabled={!reader.cardPresent || !front} aria-expanded={verifyB} onClick={() => setVerifyB(!verifyB)}
            title={front ? '券面の生年月日・有効期限・セキュリティコードから照合番号Bを作ります' : noImages ? VERIFY_B_NO_IMAGES : '照合番号Bは券面を画像で読み取ってから使えます'}>
            照合番号Bで読む
          </button>}
          {purpose === 'person' && !front && <span className="chip-hint">{noImages ? VERIFY_B_NO_IMAGES : '照合番号Bは券面の読み取り後に使えます。'}</span>}
          {phase === 'failed' && method === 'verify-b' && failure?.code === 'wrong-verify-b' && <span className="chip-hint">券面の値を確かめてから読み直してください。</span>}
        </div>
      )}
      {purpose === 'person' && verifyB && !busy && front && (
        <VerifyBForm
          front={front}
          onRead={(parts) => {
            setVerifyB(false);
            void start({ method: 'verify-b', verifyB: parts, reader: reader.name });
          }}
        />
      )}
      {purpose === 'person' && <DemoChipCardPicker busy={busy} onPut={() => void pollReaders()} />}
    </section>
  );
}
