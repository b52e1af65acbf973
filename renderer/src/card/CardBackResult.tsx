import { useState } from 'react';
import { useCard } from './card-store';
import type { CardNumberRead } from './confirmed-card';
import { maskMyNumber } from '../../../common/validation/my-number';
import { confirmReveal } from '../session/reveal';

/** The 個人番号 read from the QR code on a card's back, masked unless the clerk asks to see it (with the password again). */
export function CardBackResult({ back, onConfirm, source = 'qr', onRetake }: { back: { myNumber: string | null; message: string | null; readId: string }; onConfirm(n: CardNumberRead): void; source?: 'qr' | 'chip'; onRetake?: () => void }) {
  const retakeImage = useCard((s) => s.retake);
  const retake = onRetake ?? retakeImage;
  const [reveal, setReveal] = useState(false);
  if (!back.myNumber) {
    return (
      <div className="card-back">
        <div className="banner error" role="alert">{back.message}</div>
        <div className="actions"><button type="button" className="row-btn" onClick={retake}>読み取り直す</button></div>
      </div>
    );
  }
  const n = back.myNumber;
  return (
    <form className="card-back" onSubmit={(e) => { e.preventDefault(); onConfirm({ myNumber: n, readId: back.readId }); }} aria-label="個人番号の確認">
      <p>{source === 'chip' ? 'ICチップから個人番号を読み取りました（署名のダイジェスト一致）。' : 'QRコードから個人番号を読み取りました（検査用数字 一致）。'}</p>
      <p className="mynumber-read" data-testid="mynumber-read">{reveal ? `${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)}` : maskMyNumber(n)}</p>
      <label className="check small">
        <input type="checkbox" checked={reveal} onChange={(e) => void confirmReveal(e.target.checked, 'card-back').then(setReveal)} />
        表示する（カードと見比べるときだけ）
      </label>
      <div className="actions verify-actions">
        <button type="button" className="row-btn subtle" onClick={retake}>読み取り直す</button>
        <button type="submit" className="primary" autoFocus>確認して反映（Enter）</button>
      </div>
    </form>
  );
}
