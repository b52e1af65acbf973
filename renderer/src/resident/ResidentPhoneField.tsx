import { useEffect, useRef, useState } from 'react';
import { bridge } from '../bridge/bridge';
import { useCase } from '../case-store';

type Asking =
  | { kind: 'idle' }
  /** the request is on its way to the services: the button does not ask twice */
  | { kind: 'asking' }
  | { kind: 'waiting'; id: string }
  | { kind: 'done' }
  | { kind: 'ended'; message: string };

/**
 * A person's 電話番号, typed by the clerk or — 「住民画面で入力」 — by the resident on the resident screen's
 * pad: the resident keys their own number instead of saying it aloud across the counter, and the clerk goes
 * on meanwhile. The number arrives in this field as if typed; the clerk sees it and can still change it.
 * It reaches only the person it was asked for: when the persons are replaced or one is removed while the
 * pad is up (case-store personsEpoch), the request ends and a number that still comes is dropped.
 */
export function ResidentPhoneField({ id, who, value, onChange }: { id: string; who: string; value: string; onChange(v: string): void }) {
  const [asking, setAsking] = useState<Asking>({ kind: 'idle' });
  const epoch = useCase((s) => s.personsEpoch);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  const waitingId = asking.kind === 'waiting' ? asking.id : null;
  useEffect(() => {
    if (!waitingId) return;
    const askedAt = useCase.getState().personsEpoch;
    let mine = true;
    let collected = false;
    void (async () => {
      while (mine) {
        const r = await bridge.awaitResidentPhone({ phoneRequestId: waitingId });
        if (!mine) return;
        if (!r.ok) {
          collected = true;
          return setAsking({ kind: 'ended', message: r.error.message });
        }
        if (r.value.state === 'waiting') continue;
        collected = true;
        if (r.value.state === 'ended') return setAsking({ kind: 'idle' });
        if (useCase.getState().personsEpoch !== askedAt) return setAsking({ kind: 'ended', message: '入力を待つ間に人の一覧が変わったため、届いた電話番号は使いませんでした。' });
        onChangeRef.current(r.value.phone);
        return setAsking({ kind: 'done' });
      }
    })();
    return () => {
      mine = false;
      // this person's card went, the persons changed, or 取消: the pad must not stay up for nobody
      if (!collected) void bridge.endResidentPhone({ phoneRequestId: waitingId });
    };
  }, [waitingId]);
  const ask = async () => {
    setAsking({ kind: 'asking' });
    const r = await bridge.askResidentPhone({});
    if (!live.current) {
      if (r.ok) void bridge.endResidentPhone({ phoneRequestId: r.value.phoneRequestId });
      return;
    }
    setAsking(r.ok ? { kind: 'waiting', id: r.value.phoneRequestId } : { kind: 'ended', message: r.error.message });
  };
  // the persons changed under a request: the field says so, and leaving 'waiting' ends it (the cleanup above)
  const askedEpoch = useRef(epoch);
  useEffect(() => {
    if (askedEpoch.current !== epoch && asking.kind === 'waiting') setAsking({ kind: 'ended', message: '人の一覧が変わったため、住民画面での入力を取り消しました。' });
    askedEpoch.current = epoch;
  }, [epoch, asking.kind]);
  const noteId = `${id}-resident-note`;
  return (
    <div className="field resident-phone">
      <label htmlFor={id}>電話番号</label>
      <input
        id={id}
        type="text"
        value={value}
        placeholder="090-1234-5678"
        autoComplete="off"
        spellCheck={false}
        inputMode="tel"
        aria-describedby={asking.kind === 'idle' ? undefined : noteId}
        onChange={(e) => {
          if (asking.kind === 'done' || asking.kind === 'ended') setAsking({ kind: 'idle' });
          onChange(e.target.value);
        }}
      />
      <div className="resident-phone-actions">
        {asking.kind === 'waiting' ? (
          <>
            <span id={noteId} className="note" role="status">住民向け画面で入力を待っています</span>
            <button type="button" className="row-btn subtle" aria-label={`${who}の電話番号の入力を取消`} onClick={() => setAsking({ kind: 'idle' })}>取消</button>
          </>
        ) : (
          <button type="button" className="row-btn" aria-label={`${who}の電話番号を住民画面で入力`} disabled={asking.kind === 'asking'} onClick={() => void ask()}>住民画面で入力</button>
        )}
        {asking.kind === 'done' && <span id={noteId} className="note" role="status">住民が入力しました</span>}
        {asking.kind === 'ended' && <span id={noteId} className="field-error" role="alert">{asking.message}</span>}
      </div>
    </div>
  );
}
