import type { CardFieldView } from '../../../common/contract/card-operations';
import { CROP_TUNING } from '../../../common/card/capture-tuning';

/**
 * The part of the card image a field was read from, cut out with CSS (no canvas, no copy of the image).
 * `minWidthInHeights`: the crop is at least this many of the rect's heights wide (to the right).
 */
export function FieldCrop({ url, img, rect, label, minWidthInHeights = 0 }: { url: string; img: { width: number; height: number }; rect: CardFieldView['crop']; label: string; minWidthInHeights?: number }) {
  if (!rect) return <div className="crop none">（カード上の位置なし）</div>;
  const pad = CROP_TUNING.padPx;
  const x = Math.max(0, rect.x - pad);
  const y = Math.max(0, rect.y - pad);
  const w = Math.min(img.width - x, Math.max(rect.width, rect.height * minWidthInHeights) + pad * 2);
  const h = Math.min(img.height - y, rect.height + pad * 2);
  const k = Math.min(CROP_TUNING.lineHeightPx / Math.max(1, Math.min(h, CROP_TUNING.maxRectHeightPx)), CROP_TUNING.maxWidthPx / Math.max(1, w), CROP_TUNING.maxScale);
  return (
    <div
      className="crop"
      role="img"
      aria-label={`${label}の読み取り元`}
      style={{ width: Math.round(w * k), height: Math.round(h * k), backgroundImage: `url(${url})`, backgroundSize: `${img.width * k}px ${img.height * k}px`, backgroundPosition: `${-x * k}px ${-y * k}px` }}
    />
  );
}
