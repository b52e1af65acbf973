import { useEffect, useRef } from 'react';
import { imagesUnreadable, useCard } from './card-store';
import type { CardNumberRead, ConfirmedCard } from './confirmed-card';
import type { KnownPerson } from '../../../common/card/card-checks';
import { OcrReadiness } from './OcrReadiness';
import { ReadProgress } from './ReadProgress';
import { CameraCapture } from './CameraCapture';
import { ImageFileImport } from './ImageFileImport';
import { ScannerDrop } from './ScannerDrop';
import { CardFrontCheck } from './CardFrontCheck';
import { CardBackResult } from './CardBackResult';
import { ChipRead } from './ChipRead';
import { ChipResult } from './ChipResult';
import { useChip } from './chip-store';
import { SampleCardPicker } from '../training/SampleCardPicker';

/** In place of the image choices when no image can be read (imagesUnreadable). */
const NO_IMAGE_CHOICES = 'カードの画像からは読み取れないため、カメラ・画像ファイル・スキャナは使えません。ICチップで読めないときは、閉じて手で入力してください。';

/**
 * 「カードを読み取る」: a dialog with the three ways in side by side (document camera with a live preview,
 * an image file picked or dropped, the scanner drop folder; none of them where no image can be read), the
 * services' progress while they read, then the clerk's check: each field beside the part of the card it
 * was read from, doubtful characters marked, the kanji variants of the name offered in IPAmj明朝. Nothing reaches the visit case until the
 * clerk confirms; then the card image is dropped. With a card reader connected, 「ICチップで読む」 comes first
 * (ChipRead): the chip's text is exact, and a face read in the same dialog is compared with it field by field.
 */
export function CardCapture({ title, onConfirm, onMyNumber, householdFamily, known, focusAfter }: {
  title: string;
  onConfirm(c: ConfirmedCard): void;
  onMyNumber(n: CardNumberRead): void;
  householdFamily?: string | undefined;
  known?: readonly KnownPerson[];
  /**
   * where the clerk goes on once the dialog has closed (e.g. a new person's first empty field, known once the
   * confirmed read is applied); the opener when it answers null
   */
  focusAfter?: () => Promise<HTMLElement | null>;
}) {
  const target = useCard((s) => s.target);
  const reading = useCard((s) => s.reading);
  const front = useCard((s) => s.front);
  const back = useCard((s) => s.back);
  const imageUrl = useCard((s) => s.imageUrl);
  const error = useCard((s) => s.error);
  const close = useCard((s) => s.close);
  const readBlob = useCard((s) => s.readBlob);
  const noImages = useCard(imagesUnreadable);
  const chipFields = useChip((s) => s.fields);
  const resetChip = useChip((s) => s.reset);
  const dialog = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const next = useRef(focusAfter);
  next.current = focusAfter;
  // the dialog takes the focus, so Space / Enter go to the camera, not to the button that opened it;
  // closed, it gives the focus back to that button (else the focus would fall to <body>)
  const open = target !== null;
  useEffect(() => {
    if (!open) return;
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body && !dialog.current?.contains(active) ? active : null;
    dialog.current?.focus();
    return () => {
      const back = opener.current;
      opener.current = null;
      // after React has applied the confirmed read (the opener may have been re-rendered, or be gone)
      const after = next.current?.() ?? Promise.resolve(null);
      requestAnimationFrame(() => {
        void after.then((el) => {
          if (el?.isConnected) el.focus();
          else if (back?.isConnected) back.focus();
          else document.querySelector<HTMLElement>('form.case-form h1')?.focus();
        });
      });
    };
  }, [open]);
  // a chip read belongs to this dialog: closed, it is cancelled and its outcome forgotten
  useEffect(() => {
    if (!open) return;
    return () => resetChip();
  }, [open, resetChip]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);
  if (!target) return null;
  const isBack = target.kind === 'back';
  const capturing = !reading && !front && !back && !chipFields;
  return (
    <div className="modal-backdrop">
      <div className="modal card-capture" role="dialog" aria-modal="true" aria-label={title} ref={dialog} tabIndex={-1}>
        <div className="modal-head">
          <h2>{title}</h2>
          <OcrReadiness />
          <button type="button" className="row-btn subtle" onClick={close}>閉じる（Esc）</button>
        </div>
        {error && <div className="banner error" role="alert">{error}</div>}
        {reading && <ReadProgress r={reading} />}
        {chipFields && !isBack && (
          <ChipResult
            fields={chipFields}
            front={front}
            onDiscard={resetChip}
            onConfirm={(c) => {
              onConfirm(c);
              close();
            }}
          />
        )}
        {chipFields && isBack && (
          <CardBackResult
            source="chip"
            back={{ myNumber: chipFields.myNumber, message: chipFields.myNumber ? null : 'ICチップから個人番号を読み取れませんでした。', readId: chipFields.readId }}
            onRetake={resetChip}
            onConfirm={(n) => {
              onMyNumber(n);
              close();
            }}
          />
        )}
        {/* the chip first, when a reader is connected; the image choices below stay as they were */}
        {!reading && !chipFields && !back && <ChipRead purpose={isBack ? 'number' : 'person'} />}
        {/* the head says why (OcrReadiness); here, what the clerk can still do */}
        {capturing && noImages && <p className="banner info capture-none">{NO_IMAGE_CHOICES}</p>}
        {capturing && !noImages && (
          <div className="capture-sources">
            <CameraCapture busy={reading !== null} onCapture={(b) => void readBlob(b)} />
            <div className="capture-side">
              <p className="capture-hint">{isBack ? 'カードの裏面（QRコードのある面）を置いてください。' : 'カードの表面（顔写真のある面）を置いてください。'}</p>
              <ImageFileImport busy={reading !== null} onFile={(f) => void readBlob(f)} />
              <ScannerDrop busy={reading !== null} />
              <SampleCardPicker busy={reading !== null} onCard={(b) => void readBlob(b)} />
            </div>
          </div>
        )}
        {front && imageUrl && !chipFields && (
          <CardFrontCheck
            front={front}
            url={imageUrl}
            householdFamily={householdFamily}
            {...(known ? { known } : {})}
            onConfirm={(c) => {
              onConfirm(c);
              close();
            }}
          />
        )}
        {back && (
          <CardBackResult
            back={back}
            onConfirm={(n) => {
              onMyNumber(n);
              close();
            }}
          />
        )}
      </div>
    </div>
  );
}
