import { useEffect, useRef, useState } from 'react';
import { bridge } from '../bridge/bridge';

type Asking = { kind: 'idle' } | { kind: 'waiting'; id: string } | { kind: 'done' } | { kind: 'error'; message: string };

/**
 * A person's 電話番号, typed by the clerk or — 「住民画面で入力」 — by the resident on the resident screen's
 * pad: the resident keys their own number instead of saying it aloud across the counter, and the clerk goes
 * on meanwhile. The number arrives in this field as if typed; the clerk sees it and can still change it.
 */
export function ResidentPhoneField({ id, who, value, onChange }: { id: string; who: string; value: string; onChange(v: string): void }) {
  const [asking, setAsking] = useState<Asking>({ kind: 'idle' });
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const waitingId = asking.kind === 'waiting' ? asking.id : null;
  useEffect(() => {
    if (!waitingId) return;
    let live = true;
    let collected = false;
    void (async () => {
      while (live) {
        const r = await bridge.awaitResidentPhone({ phoneRequestId: waitingId });
        if (!live) return;
        if (!r.ok) return setAsking({ kind: 'error', message: r.error.message });
        if (r.value.state === 'waiting') continue;
        collected = true;
        if (r.value.state === 'answered') {
          onChangeRef.current(r.value.phone);
          return setAsking({ kind: 'done' });
        }
        return setAsking({ kind: 'idle' });
      }
    })();
    return () => {
      live = false;
      // the clerk left this person (another step, the visit ended): the pad must not stay up for nobody
      if (!collected) void bridge.clearResidentDisplay({});
    };
  }, [waitingId]);
  const ask = async () => {
    const r = await bridge.askResidentPhone({});
    setAsking(r.ok ? { kind: 'waiting', id: r.value.phoneRequestId } : { kind: 'error', message: r.error.message });
  };
  return (
    <div className="field resident-phone">
      <label htmlFor={id}>電話番号</label>
      <input id={id} type="text" value={value} placeholder="090-1234-5678" autoComplete="off" spellCheck={false} inputMode="tel" onChange={(e) => onChange(e.target.value)} />
      <div className="resident-phone-actions">
        {asking.kind === 'waiting' ? (
          <>
            <span className="note" role="status">住民向け画面で入力を待っています</span>
            <button type="button" className="row-btn subtle" onClick={() => setAsking({ kind: 'idle' })}>取消</button>
          </>
        ) : (
          <button type="button" className="row-btn" aria-label={`${who}の電話番号を住民画面で入力`} onClick={() => void ask()}>住民画面で入力</button>
        )}
        {asking.kind === 'done' && <span className="note" role="status">住民が入力しました</span>}
        {asking.kind === 'error' && <span className="field-error" role="alert">{asking.message}</span>}
      </div>
    </div>
  );
}
