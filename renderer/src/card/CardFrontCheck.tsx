import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { useCard } from './card-store';
import type { ConfirmedCard } from './confirmed-card';
import type { CardFieldView, CardFrontView } from '../../../common/contract/card-operations';
import { CROP_TUNING } from '../../../common/card/capture-tuning';
import { checkWarnings, fieldCertainty, householdSpelling, splitAtSpace, type KnownPerson } from '../../../common/card/card-checks';
import { readWarningsToShow } from '../../../common/card/card-warnings';
import { parseDateInput, formatWareki } from '../../../common/validation/wareki';
import { DateEcho } from '../components/FormFields';
import { firstControl } from '../components/focus';
import { useApp } from '../store';
import { FieldCrop } from './FieldCrop';
import { FieldRawText } from './FieldRawText';
import { KanjiVariantPicker } from './KanjiVariantPicker';
import { CheckWarningBanner } from './CheckWarningBanner';

/**
 * The clerk's check of a card's front: each field beside the part of the card it was read from, doubtful
 * characters marked, the kanji variants of the name offered; warnings decided in common/card/card-checks.
 */
export function CardFrontCheck({ front, url, onConfirm, householdFamily, known = [] }: { front: CardFrontView; url: string; onConfirm(c: ConfirmedCard): void; householdFamily?: string | undefined; known?: readonly KnownPerson[] }) {
  const retake = useCard((s) => s.retake);
  const today = useApp((s) => s.info?.today ?? '9999-12-31');
  const f = front.fields;
  const [famRead, giv0] = front.nameParts ? [front.nameParts.family, front.nameParts.given] : splitAtSpace(f.name.value);
  // a family member's family name read as the household's, up to kanji variants (the OCR model returns 高
  // for 髙): start from the household's confirmed spelling, said plainly; the picker below can undo it
  const householdSpelt = householdSpelling(famRead, householdFamily);
  const aligned = householdSpelt !== null;
  const fam0 = householdSpelt ?? famRead;
  const [famK0, givK0] = splitAtSpace(f.nameKana.value);
  const [v, setV] = useState({
    familyName: fam0,
    givenName: giv0,
    familyNameKana: famK0,
    givenNameKana: givK0,
    birth: f.birthDate.value ? formatWareki(f.birthDate.value) : '',
    sex: (f.sex.value === 'M' ? '男' : f.sex.value === 'F' ? '女' : '') as ConfirmedCard['sex'],
    address: f.address.value ?? '',
    expiry: f.expiryDate.value ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  // the results take the focus: the first field the clerk must look at, else the confirm button, so
  // Enter confirms (the dialog itself had it, and Enter did nothing until a field was clicked)
  useEffect(() => {
    // a field that could not be read at all comes first: the clerk types it from the card
    (firstControl(form.current, '.verify-row.unread .verify-input') ?? firstControl(form.current, '.verify-row.doubt .verify-input') ?? form.current?.querySelector<HTMLElement>('button[type=submit]'))?.focus();
  }, []);
  const set = (p: Partial<typeof v>) => setV((x) => ({ ...x, ...p }));
  const expiryIso = parseDateInput(v.expiry);
  const readBirth = parseDateInput(v.birth);
  const warnings = checkWarnings(
    { familyName: v.familyName, givenName: v.givenName, birthIso: readBirth.ok ? readBirth.iso : null, expiryIso: expiryIso.ok ? expiryIso.iso : null, readerSaysExpired: front.expired },
    known,
    today,
  );
  const doubt = (x: CardFieldView) => (fieldCertainty(x) === 'sure' ? '' : ' doubt');
  const img = front.image;
  // Enter confirms from every field: from the address (a textarea) and the 性別 radios too, not only from text inputs
  const onKeyDown = (e: ReactKeyboardEvent<HTMLFormElement>) => {
    const t = e.target as HTMLElement;
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.shiftKey) return;
    if (t.tagName === 'TEXTAREA' || (t instanceof HTMLInputElement && t.type === 'radio')) {
      e.preventDefault();
      form.current?.requestSubmit();
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const b = v.birth.trim() === '' ? null : parseDateInput(v.birth);
    if (b && !b.ok) return setError(`生年月日: ${b.message}`);
    if (!v.familyName.trim() && !v.givenName.trim()) return setError('氏名を入力してください。');
    onConfirm({
      familyName: v.familyName.trim(),
      givenName: v.givenName.trim(),
      familyNameKana: v.familyNameKana.trim(),
      givenNameKana: v.givenNameKana.trim(),
      birthDate: b?.ok ? b.iso : '',
      sex: v.sex,
      address: v.address.trim(),
    });
  };
  const row = (label: string, field: CardFieldView, body: ReactNode, key: string, minCropWidthInHeights = 0) => (
    <div className={`verify-row${doubt(field)}${fieldCertainty(field) === 'unread' ? ' unread' : ''}`} data-card-field={key}>
      <div className="verify-label">
        {label}
        {fieldCertainty(field) === 'unread' ? <span className="tag warn">読めず</span> : fieldCertainty(field) === 'doubt' ? <span className="tag warn">要確認 {Math.round(field.confidence * 100)}%</span> : <span className="tag ok">{Math.round(field.confidence * 100)}%</span>}
      </div>
      <div className="verify-source">
        <FieldCrop url={url} img={img} rect={field.crop} label={label} minWidthInHeights={minCropWidthInHeights} />
        <FieldRawText f={field} />
      </div>
      <div className="verify-input">
        {body}
        {fieldCertainty(field) === 'unread' && field.reason && <p className="note unread-reason" role="note">{field.reason}</p>}
      </div>
    </div>
  );
  return (
    <form className="card-verify" ref={form} onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-label="読み取り結果の確認">
      <div className="verify-body">
      {warnings.map((w) => <CheckWarningBanner key={w.code} w={w} />)}
      {/* the expired card has its own banner above; every other warning (生年月日と有効期限の月日…) is shown, decided by its code */}
      {readWarningsToShow(front.warnings).map((w) => <div key={w.code} className="banner warn" role="note">{w.message}</div>)}
      <p className="note">カードの画像と見比べて確認してください。黄色の項目・文字は読み取りが不確かです。</p>
      {row('氏名', f.name, (
        <>
          <div className="name-inputs">
            <label>氏<input className="mj" aria-label="氏（カード）" value={v.familyName} onChange={(e) => set({ familyName: e.target.value })} autoComplete="off" /></label>
            <label>名<input className="mj" aria-label="名（カード）" value={v.givenName} onChange={(e) => set({ givenName: e.target.value })} autoComplete="off" /></label>
          </div>
          {aligned && v.familyName === householdFamily && (
            <p className="note aligned" role="note">
              世帯の氏「<span className="mj">{householdFamily}</span>」の字体に合わせました（読み取りは「<span className="mj">{famRead}</span>」）。
            </p>
          )}
          <KanjiVariantPicker part="氏" value={v.familyName} onPick={(x) => set({ familyName: x })} />
          <KanjiVariantPicker part="名" value={v.givenName} onPick={(x) => set({ givenName: x })} />
        </>
      ), 'name')}
      {(front.layout === 'next-gen' || f.nameKana.value) && row('フリガナ', f.nameKana, (
        <div className="name-inputs">
          <label>氏<input aria-label="氏フリガナ（カード）" value={v.familyNameKana} onChange={(e) => set({ familyNameKana: e.target.value })} autoComplete="off" /></label>
          <label>名<input aria-label="名フリガナ（カード）" value={v.givenNameKana} onChange={(e) => set({ givenNameKana: e.target.value })} autoComplete="off" /></label>
        </div>
      ), 'nameKana')}
      {row('生年月日', f.birthDate, (
        <>
          <input aria-label="生年月日（カード）" value={v.birth} onChange={(e) => set({ birth: e.target.value })} autoComplete="off" />
          <DateEcho raw={v.birth} />
        </>
      ), 'birthDate')}
      {front.layout !== 'next-gen' && row('性別', f.sex, (
        <div className="radio-row">
          {(['男', '女'] as const).map((s) => (
            <label key={s} className={v.sex === s ? 'radio on' : 'radio'}>
              <input type="radio" name="card-sex" value={s} checked={v.sex === s} onChange={() => set({ sex: s })} />
              {s}
            </label>
          ))}
        </div>
      ), 'sex', CROP_TUNING.sexWidthInLineHeights)}
      {/* an address is one line that may be long (…５０４号): it wraps, Enter still confirms (see onKeyDown) */}
      {row('住所', f.address, <textarea aria-label="住所（カード）" className="verify-address" rows={2} value={v.address} onChange={(e) => set({ address: e.target.value.replace(/[\r\n]+/g, '') })} autoComplete="off" spellCheck={false} />, 'address')}
      {row('有効期限', f.expiryDate, (
        <>
          <input aria-label="有効期限（カード）" value={v.expiry} onChange={(e) => set({ expiry: e.target.value })} autoComplete="off" />
          <DateEcho raw={v.expiry} />
        </>
      ), 'expiryDate')}
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
      <div className="actions verify-actions">
        <button type="button" className="row-btn subtle" onClick={retake}>撮り直す</button>
        <button type="submit" className="primary">確認して反映（Enter）</button>
      </div>
    </form>
  );
}
