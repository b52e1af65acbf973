import { useEffect, useRef, useState, type DragEvent, type FormEvent, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { useCard, type ReadingState } from './card-store';
import type { CardFieldView, CardFrontView } from '../../../common/contract/card-operations';
import { variantMatchKey, variantsOf } from '../../../common/kanji/variants';
import { parseDateInput, formatWareki } from '../../../common/validation/wareki';
import { maskMyNumber } from '../../../common/validation/my-number';
import { readWarningsToShow } from '../../../common/card/card-warnings';
import { confirmReveal } from '../session/reveal';
import { DateEcho } from '../components/FormFields';
import { firstControl } from '../components/focus';
import { useApp } from '../store';

/**
 * 「カードを読み取る」: a dialog with the three ways in side by side (document camera with a live preview,
 * an image file picked or dropped, the scanner drop folder), the services' progress while they read,
 * then the clerk's check: each field beside the part of the card it was read from, doubtful characters
 * marked, the kanji variants of the name offered in IPAmj明朝. Nothing reaches the visit case until the
 * clerk confirms; then the card image is dropped.
 */
export interface ConfirmedCard {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  /** ISO date or '' */
  birthDate: string;
  sex: '男' | '女' | '';
  address: string;
}

const STAGE_LABEL: Record<ReadingState['stage'], string> = {
  upload: '画像を送っています',
  queued: '読み取りの準備をしています（OCR 起動中）',
  decode: '画像を読み込んでいます',
  'find-card': 'カードを探しています',
  recognize: '文字を読み取っています',
  parse: '項目を整理しています',
  qr: 'QRコードを探しています',
};

/** Characters read with less confidence than this are marked for the clerk. */
const DOUBT = 0.6;
/** Fields read with less confidence than this are marked as to be checked. */
const FIELD_DOUBT = 0.8;

function Progress({ r }: { r: ReadingState }) {
  const pct = r.stage === 'recognize' ? Math.round(20 + r.fraction * 75) : r.stage === 'parse' ? 97 : r.stage === 'find-card' ? 15 : r.stage === 'decode' ? 8 : 3;
  return (
    <div className="card-progress" role="status" aria-live="polite" data-stage={r.stage}>
      <p>{STAGE_LABEL[r.stage]}…</p>
      <progress max={100} value={pct} aria-label="読み取りの進み具合" />
    </div>
  );
}

function OcrReadiness() {
  const ocr = useCard((s) => s.ocr);
  const poll = useCard((s) => s.pollStatus);
  useEffect(() => {
    if (ocr?.state !== 'starting') return;
    const t = setInterval(() => void poll(), 500);
    return () => clearInterval(t);
  }, [ocr?.state, poll]);
  if (!ocr) return null;
  if (ocr.state === 'ready') return <span className="ocr-state ready">OCR 準備完了（起動 {(ocr.startupMs / 1000).toFixed(1)} 秒）</span>;
  if (ocr.state === 'failed') return <span className="ocr-state failed" role="alert">{ocr.message}</span>;
  return <span className="ocr-state starting">OCR 準備中… {(ocr.startupMs / 1000).toFixed(1)} 秒</span>;
}

/** How long after the camera starts before a change in the picture counts as a card being put down. */
const WARM_UP_MS = 1500;

/** Mean absolute difference and contrast of a small grey copy of the frame. */
function frameStats(ctx: CanvasRenderingContext2D, video: HTMLVideoElement, prev: Uint8Array | null): { gray: Uint8Array; diff: number; std: number } {
  const w = ctx.canvas.width;
  const h = ctx.canvas.height;
  ctx.drawImage(video, 0, 0, w, h);
  const px = ctx.getImageData(0, 0, w, h).data;
  const gray = new Uint8Array(w * h);
  let sum = 0;
  let sq = 0;
  let diff = 0;
  for (let i = 0; i < w * h; i++) {
    const g = (px[i * 4]! * 77 + px[i * 4 + 1]! * 150 + px[i * 4 + 2]! * 29) >> 8;
    gray[i] = g;
    sum += g;
    sq += g * g;
    if (prev) diff += Math.abs(g - prev[i]!);
  }
  const n = w * h;
  const mean = sum / n;
  return { gray, diff: prev ? diff / n : 255, std: Math.sqrt(Math.max(0, sq / n - mean * mean)) };
}

function Camera({ onCapture, busy }: { onCapture(b: Blob): void; busy: boolean }) {
  const video = useRef<HTMLVideoElement>(null);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState(false);
  const [auto, setAuto] = useState(true);
  const [steady, setSteady] = useState(0);
  const stream = useRef<MediaStream | null>(null);
  const taken = useRef(false);

  const stop = () => {
    stream.current?.getTracks().forEach((t) => t.stop());
    stream.current = null;
    setLive(false);
  };

  useEffect(() => {
    let cancelled = false;
    taken.current = false;
    setError(null);
    if (!navigator.mediaDevices?.getUserMedia) {
      setError('この環境ではカメラを使えません。');
      return;
    }
    const video1 = deviceId ? { deviceId: { exact: deviceId } } : { width: { ideal: 1920 }, height: { ideal: 1080 } };
    navigator.mediaDevices
      .getUserMedia({ video: video1, audio: false })
      .then(async (s) => {
        if (cancelled) return s.getTracks().forEach((t) => t.stop());
        stream.current = s;
        if (video.current) {
          video.current.srcObject = s;
          await video.current.play().catch(() => undefined);
        }
        setLive(true);
        const all = await navigator.mediaDevices.enumerateDevices();
        if (!cancelled) setDevices(all.filter((d) => d.kind === 'videoinput'));
      })
      .catch((e: unknown) => {
        const name = e instanceof DOMException ? e.name : '';
        setError(name === 'NotAllowedError' ? 'カメラの使用が許可されていません。' : name === 'NotFoundError' || name === 'OverconstrainedError' ? 'カメラが見つかりません。画像ファイルかスキャナをお使いください。' : 'カメラを開始できませんでした。');
      });
    return () => {
      cancelled = true;
      stop();
    };
  }, [deviceId]);

  const capture = () => {
    const v = video.current;
    if (!v || !live || taken.current || busy || v.videoWidth === 0) return;
    taken.current = true;
    const c = document.createElement('canvas');
    c.width = v.videoWidth;
    c.height = v.videoHeight;
    c.getContext('2d')!.drawImage(v, 0, 0);
    c.toBlob(
      (b) => {
        stop();
        if (b) onCapture(b);
      },
      'image/jpeg',
      0.92,
    );
  };
  const captureRef = useRef(capture);
  captureRef.current = capture;

  // Space / Enter takes the picture (not while typing in a field or on a button that handles them)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== ' ' && e.key !== 'Enter') return;
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.tagName === 'BUTTON')) return;
      e.preventDefault();
      captureRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // automatic capture: once something moved in the picture (a card was put down) and it then stays still
  useEffect(() => {
    if (!live || !auto) return;
    const c = document.createElement('canvas');
    c.width = 96;
    c.height = 72;
    const ctx = c.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    let prev: Uint8Array | null = null;
    let armed = false;
    let still = 0;
    // the first moments of a stream change by themselves (exposure, focus): they do not arm the capture
    const warmUntil = performance.now() + WARM_UP_MS;
    const t = setInterval(() => {
      const v = video.current;
      if (!v || v.videoWidth === 0) return;
      const s = frameStats(ctx, v, prev);
      prev = s.gray;
      if (performance.now() < warmUntil) return;
      if (s.diff > 12) {
        armed = true;
        still = 0;
      } else if (armed && s.diff < 3 && s.std > 20) still++;
      else still = 0;
      setSteady(armed ? Math.min(still, 4) : 0);
      if (armed && still >= 4) captureRef.current();
    }, 250);
    return () => clearInterval(t);
  }, [live, auto]);

  return (
    <section className="capture-camera" aria-label="カメラ">
      <div className="camera-head">
        <h3>カメラ</h3>
        {devices.length > 1 && (
          <select aria-label="カメラを選ぶ" value={deviceId} onChange={(e) => setDeviceId(e.target.value)}>
            {devices.map((d, i) => (
              <option key={d.deviceId || i} value={d.deviceId}>{d.label || `カメラ ${i + 1}`}</option>
            ))}
          </select>
        )}
      </div>
      <div className={`preview${live ? ' live' : ''}`}>
        <video ref={video} muted playsInline aria-label="カメラの映像" />
        <div className="card-guide" aria-hidden="true"><span>カードをこの枠に合わせて置いてください</span></div>
        {!live && <p className="preview-note">{error ?? 'カメラを準備しています…'}</p>}
      </div>
      <div className="camera-actions">
        <button type="button" className="primary" disabled={!live || busy} onClick={capture}>撮影（Space / Enter）</button>
        <label className="check small">
          <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.target.checked)} />
          置いて静止したら自動で撮影
        </label>
        {auto && live && <span className="steady" aria-hidden="true">{'●'.repeat(steady)}{'○'.repeat(4 - steady)}</span>}
      </div>
    </section>
  );
}

function FileImport({ onFile, busy }: { onFile(f: File): void; busy: boolean }) {
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer.files[0];
    if (f && !busy) onFile(f);
  };
  return (
    <section className={`capture-file${over ? ' over' : ''}`} aria-label="画像ファイル" onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}>
      <h3>画像ファイル</h3>
      <p className="note">JPEG・PNG をここへドロップ、または選んでください。</p>
      {/* our own button over the platform's input: Chromium without its Japanese pack says "Choose File / No file chosen" */}
      <label className={`file-pick${busy ? ' disabled' : ''}`}>
        <input type="file" className="visually-hidden" accept="image/jpeg,image/png,image/heic,image/heif,.heic,.heif" aria-label="カード画像ファイルを選ぶ" disabled={busy} onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) onFile(f); }} />
        <span aria-hidden="true">画像ファイルを選ぶ…</span>
      </label>
    </section>
  );
}

function ScannerDrop({ busy }: { busy: boolean }) {
  const { scanner, pollScanner, readScanner, discardScanner, ocr } = useCard();
  useEffect(() => {
    if (!ocr?.scannerConfigured) return;
    void pollScanner();
    const t = setInterval(() => void pollScanner(), 1500);
    return () => clearInterval(t);
  }, [ocr?.scannerConfigured, pollScanner]);
  return (
    <section className="capture-scanner" aria-label="スキャナ">
      <h3>スキャナ</h3>
      {!ocr?.scannerConfigured ? (
        <p className="note">取り込みフォルダが設定されていません（config.json の scannerDropDir）。</p>
      ) : scanner.length === 0 ? (
        <p className="note">スキャンを待っています…（読み取った画像はフォルダから削除されます）</p>
      ) : (
        <ul className="scanner-list">
          {scanner.map((s) => (
            <li key={s.id}>
              <span>{new Date(s.receivedAt).toLocaleTimeString('ja-JP')} のスキャン（{Math.round(s.size / 1024)} KB）</span>
              <button type="button" className="row-btn" disabled={busy} onClick={() => void readScanner(s.id)}>読み取る</button>
              <button type="button" className="row-btn subtle" disabled={busy} onClick={() => void discardScanner(s.id)}>破棄</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * 性別's line is found by its label and may end there (the 男 / 女 printed apart, a gap after 性別): its crop
 * reaches this many line heights to the right of where the line starts, so the value is in it.
 */
const SEX_CROP_WIDTH_IN_LINE_HEIGHTS = 5;

/**
 * The part of the card image a field was read from, cut out with CSS (no canvas, no copy of the image).
 * `minWidthInHeights`: the crop is at least this many of the rect's heights wide (to the right).
 */
function Crop({ url, img, rect, label, minWidthInHeights = 0 }: { url: string; img: { width: number; height: number }; rect: CardFieldView['crop']; label: string; minWidthInHeights?: number }) {
  if (!rect) return <div className="crop none">（カード上の位置なし）</div>;
  const pad = 6;
  const x = Math.max(0, rect.x - pad);
  const y = Math.max(0, rect.y - pad);
  const w = Math.min(img.width - x, Math.max(rect.width, rect.height * minWidthInHeights) + pad * 2);
  const h = Math.min(img.height - y, rect.height + pad * 2);
  const k = Math.min(48 / Math.max(1, Math.min(h, 60)), 460 / Math.max(1, w), 2.2);
  return (
    <div
      className="crop"
      role="img"
      aria-label={`${label}の読み取り元`}
      style={{ width: Math.round(w * k), height: Math.round(h * k), backgroundImage: `url(${url})`, backgroundSize: `${img.width * k}px ${img.height * k}px`, backgroundPosition: `${-x * k}px ${-y * k}px` }}
    />
  );
}

function RawText({ f }: { f: CardFieldView }) {
  const chars = [...f.raw];
  if (chars.length === 0) return null;
  const aligned = f.charConfidence.length === chars.length;
  return (
    <span className="raw" aria-label="読み取った文字">
      {chars.map((c, i) => (aligned && f.charConfidence[i]! < DOUBT ? <mark key={i} className="doubt-char" title={`確からしさ ${Math.round(f.charConfidence[i]! * 100)}%`}>{c}</mark> : <span key={i}>{c}</span>))}
    </span>
  );
}

function splitName(v: string | null): [string, string] {
  if (!v) return ['', ''];
  const i = v.search(/[\u3000 ]/u);
  return i < 0 ? [v, ''] : [v.slice(0, i), v.slice(i + 1).trim()];
}

/** Replaces the code point at `index` (never normalizes: the variant is kept exactly). */
function replaceAt(s: string, index: number, c: string): string {
  const cps = [...s];
  cps[index] = c;
  return cps.join('');
}

const hex = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`;

function VariantPicker({ part, value, onPick }: { part: '氏' | '名'; value: string; onPick(v: string): void }) {
  const [open, setOpen] = useState<number | null>(null);
  const chars = [...value];
  const withVariants = chars.map((c, i) => ({ c, i, choices: variantsOf(c) })).filter((x) => x.choices.length > 1);
  if (withVariants.length === 0) return null;
  return (
    <div className="variants" role="group" aria-label={`${part}の異体字`}>
      <span className="note">異体字：</span>
      {withVariants.map(({ c, i }) => (
        <button key={i} type="button" className={`variant-char mj${open === i ? ' open' : ''}`} aria-expanded={open === i} aria-label={`${part}の「${c}」の異体字を選ぶ`} onClick={() => setOpen(open === i ? null : i)}>
          {c}
        </button>
      ))}
      {open !== null && chars[open] && (
        <div className="variant-choices" role="listbox" aria-label={`「${chars[open]}」の異体字`}>
          {variantsOf(chars[open]).map((v) => (
            <button
              key={v}
              type="button"
              role="option"
              aria-selected={v === chars[open]}
              className={`variant-choice mj${v === chars[open] ? ' current' : ''}`}
              title={hex(v)}
              aria-label={`${v}（${hex(v)}）`}
              onClick={() => {
                onPick(replaceAt(value, open, v));
                setOpen(null);
              }}
            >
              <span className="glyph">{v}</span>
              <span className="cp">{hex(v)}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** A person already in the household, to notice a card read twice or into the wrong person. */
export interface KnownPerson {
  no: number;
  family: string;
  given: string;
  birthIso: string;
  /** the person this read is for (「カードを読み直す」) */
  target: boolean;
}

function Verify({ front, url, onConfirm, householdFamily, known = [] }: { front: CardFrontView; url: string; onConfirm(c: ConfirmedCard): void; householdFamily?: string | undefined; known?: readonly KnownPerson[] }) {
  const { retake } = useCard();
  const today = useApp((s) => s.info?.today ?? '9999-12-31');
  const f = front.fields;
  const [famRead, giv0] = front.nameParts ? [front.nameParts.family, front.nameParts.given] : splitName(f.name.value);
  // a family member's family name read as the household's, up to kanji variants (the OCR model returns 高
  // for 髙): start from the household's confirmed spelling, said plainly; the picker below can undo it
  const aligned = !!householdFamily && famRead !== householdFamily && variantMatchKey(famRead) === variantMatchKey(householdFamily);
  const fam0 = aligned ? householdFamily : famRead;
  const [famK0, givK0] = splitName(f.nameKana.value);
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
    (firstControl(form.current, '.verify-row.doubt .verify-input') ?? form.current?.querySelector<HTMLElement>('button[type=submit]'))?.focus();
  }, []);
  const set = (p: Partial<typeof v>) => setV((x) => ({ ...x, ...p }));
  const expiryIso = parseDateInput(v.expiry);
  const expired = expiryIso.ok ? expiryIso.iso < today : front.expired;
  const readBirth = parseDateInput(v.birth);
  const sameAs = (k: KnownPerson) => readBirth.ok && k.birthIso === readBirth.iso && variantMatchKey(`${k.family}${k.given}`) === variantMatchKey(`${v.familyName}${v.givenName}`);
  const twice = known.find((k) => !k.target && sameAs(k));
  const target = known.find((k) => k.target && k.birthIso !== '');
  const other = target && readBirth.ok && target.birthIso !== readBirth.iso ? target : null;
  const doubt = (x: CardFieldView) => (x.value === null || x.confidence < FIELD_DOUBT ? ' doubt' : '');
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
    <div className={`verify-row${doubt(field)}`} data-card-field={key}>
      <div className="verify-label">
        {label}
        {field.value === null ? <span className="tag warn">読めず</span> : field.confidence < FIELD_DOUBT ? <span className="tag warn">要確認 {Math.round(field.confidence * 100)}%</span> : <span className="tag ok">{Math.round(field.confidence * 100)}%</span>}
      </div>
      <div className="verify-source">
        <Crop url={url} img={img} rect={field.crop} label={label} minWidthInHeights={minCropWidthInHeights} />
        <RawText f={field} />
      </div>
      <div className="verify-input">{body}</div>
    </div>
  );
  return (
    <form className="card-verify" ref={form} onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-label="読み取り結果の確認">
      <div className="verify-body">
      {expired && (
        <div className="banner error" role="alert">
          有効期限が切れたカードです{expiryIso.ok ? `（${formatWareki(expiryIso.iso)}まで有効）` : ''}。本人確認書類としては使えません。ほかの書類で確認してください。
        </div>
      )}
      {twice && <div className="banner warn" role="alert">このカードは {twice.no}人目（<span className="mj">{twice.family}{twice.given}</span>さん）として読み取り済みです。別の方のカードか確認してください。</div>}
      {other && <div className="banner warn" role="alert">{other.no}人目に入力済みの生年月日と違うカードです。反映すると {other.no}人目の内容が置き換わります。</div>}
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
          <VariantPicker part="氏" value={v.familyName} onPick={(x) => set({ familyName: x })} />
          <VariantPicker part="名" value={v.givenName} onPick={(x) => set({ givenName: x })} />
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
      ), 'sex', SEX_CROP_WIDTH_IN_LINE_HEIGHTS)}
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

/** A number read from a card's back, as the clerk confirms it: the services hold the digits under `readId`. */
export interface CardNumberRead {
  myNumber: string;
  readId: string;
}

function BackResult({ back, onConfirm }: { back: { myNumber: string | null; message: string | null; readId: string }; onConfirm(n: CardNumberRead): void }) {
  const { retake } = useCard();
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
      <p>QRコードから個人番号を読み取りました（検査用数字 一致）。</p>
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

export function CardCapture({ title, onConfirm, onMyNumber, householdFamily, known }: { title: string; onConfirm(c: ConfirmedCard): void; onMyNumber(n: CardNumberRead): void; householdFamily?: string | undefined; known?: readonly KnownPerson[] }) {
  const { target, reading, front, back, imageUrl, error, close, readBlob } = useCard();
  const dialog = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLElement | null>(null);
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
      requestAnimationFrame(() => {
        if (back?.isConnected) back.focus();
        else document.querySelector<HTMLElement>('form.case-form h1')?.focus();
      });
    };
  }, [open]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);
  if (!target) return null;
  const isBack = target.kind === 'back';
  const capturing = !reading && !front && !back;
  return (
    <div className="modal-backdrop">
      <div className="modal card-capture" role="dialog" aria-modal="true" aria-label={title} ref={dialog} tabIndex={-1}>
        <div className="modal-head">
          <h2>{title}</h2>
          <OcrReadiness />
          <button type="button" className="row-btn subtle" onClick={close}>閉じる（Esc）</button>
        </div>
        {error && <div className="banner error" role="alert">{error}</div>}
        {reading && <Progress r={reading} />}
        {capturing && (
          <div className="capture-sources">
            <Camera busy={reading !== null} onCapture={(b) => void readBlob(b)} />
            <div className="capture-side">
              <p className="capture-hint">{isBack ? 'カードの裏面（QRコードのある面）を置いてください。' : 'カードの表面（顔写真のある面）を置いてください。'}</p>
              <FileImport busy={reading !== null} onFile={(f) => void readBlob(f)} />
              <ScannerDrop busy={reading !== null} />
            </div>
          </div>
        )}
        {front && imageUrl && (
          <Verify
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
          <BackResult
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
