import { useEffect, useRef, useState } from 'react';
import { CAMERA_TUNING } from '../../../common/card/capture-tuning';
import { frameStats } from './camera-frame-stats';

/**
 * The document camera: a live preview, Space / Enter takes the picture, and (when ticked) the picture is
 * taken by itself once a card was put down and then lies still.
 */
export function CameraCapture({ onCapture, busy }: { onCapture(b: Blob): void; busy: boolean }) {
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
    const video1 = deviceId ? { deviceId: { exact: deviceId } } : { width: { ideal: CAMERA_TUNING.idealWidth }, height: { ideal: CAMERA_TUNING.idealHeight } };
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
      CAMERA_TUNING.jpegQuality,
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
    c.width = CAMERA_TUNING.sampleWidth;
    c.height = CAMERA_TUNING.sampleHeight;
    const ctx = c.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    let prev: Uint8Array | null = null;
    let armed = false;
    let still = 0;
    // the first moments of a stream change by themselves (exposure, focus): they do not arm the capture
    const warmUntil = performance.now() + CAMERA_TUNING.warmUpMs;
    const t = setInterval(() => {
      const v = video.current;
      if (!v || v.videoWidth === 0) return;
      const s = frameStats(ctx, v, prev);
      prev = s.gray;
      if (performance.now() < warmUntil) return;
      if (s.diff > CAMERA_TUNING.movedAbove) {
        armed = true;
        still = 0;
      } else if (armed && s.diff < CAMERA_TUNING.stillBelow && s.std > CAMERA_TUNING.contrastAbove) still++;
      else still = 0;
      setSteady(armed ? Math.min(still, CAMERA_TUNING.stillSamples) : 0);
      if (armed && still >= CAMERA_TUNING.stillSamples) captureRef.current();
    }, CAMERA_TUNING.sampleEveryMs);
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
        {auto && live && <span className="steady" aria-hidden="true">{'●'.repeat(steady)}{'○'.repeat(CAMERA_TUNING.stillSamples - steady)}</span>}
      </div>
    </section>
  );
}
