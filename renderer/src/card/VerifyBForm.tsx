import { useState, type FormEvent } from 'react';
import type { CardFrontView } from '../../../common/contract/card-operations';
import type { VerifyBParts } from '../../../common/contract/chip-operations';
import { warekiYymmdd } from '../../../common/card/chip-face-diff';
import { parseDateInput, formatWareki } from '../../../common/validation/wareki';

/**
 * 照合番号B from the face as the clerk confirms it: 生年月日 (和暦), 有効期限の年 and the セキュリティコード, taken
 * from the face read where it read them and checked by the clerk against the card before anything is sent:
 * a wrong 照合番号B spends one of the card's tries.
 */
export function VerifyBForm({ front, onRead }: { front: CardFrontView; onRead(parts: VerifyBParts): void }) {
  const [birth, setBirth] = useState(front.fields.birthDate.value ? formatWareki(front.fields.birthDate.value) : '');
  const [expiryYear, setExpiryYear] = useState(front.fields.expiryDate.value?.slice(0, 4) ?? '');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const b = parseDateInput(birth);
    const yymmdd = b.ok ? warekiYymmdd(b.iso) : null;
    if (!yymmdd) return setError('生年月日を和暦で確かめてください（例: 昭和60年3月3日）。');
    if (!/^\d{4}$/.test(expiryYear)) return setError('有効期限の年を西暦4桁で入れてください。');
    if (!/^\d{4}$/.test(code)) return setError('セキュリティコード（券面下の4桁）を入れてください。');
    setError(null);
    onRead({ birthWareki: yymmdd, expiryYear, securityCode: code });
  };
  return (
    <form className="verify-b" aria-label="照合番号Bで読む" onSubmit={submit}>
      <p>券面と見比べて確かめてください。間違っているとカードの試行回数が1回減ります（残り1回のときは読みません）。</p>
      <label>生年月日<input value={birth} onChange={(e) => setBirth(e.target.value)} autoComplete="off" /></label>
      <label>有効期限の年（西暦）<input value={expiryYear} inputMode="numeric" maxLength={4} onChange={(e) => setExpiryYear(e.target.value)} autoComplete="off" /></label>
      <label>セキュリティコード<input value={code} inputMode="numeric" maxLength={4} onChange={(e) => setCode(e.target.value)} autoComplete="off" /></label>
      {error && <p className="field-error" role="alert">{error}</p>}
      <button type="submit" className="primary">確かめたので読む</button>
    </form>
  );
}
