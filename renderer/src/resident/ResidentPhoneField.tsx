import { useEffect, useRef, useState } from 'react';
import { bridge } from '../bridge/bridge';
import { useCase } from '../case-store';

/** `epoch`: the case store's personsEpoch when the pad went up for this person */
type Waiting = { kind: 'waiting'; id: string; epoch: number };
type Asking =
  | { kind: 'idle' }
  /** the request is on its way to the services: the button does not ask twice */
  | { kind: 'asking' }
  | Waiting
  | { kind: 'done' }
  | { kind: 'ended'; message: string };

/**
 * The one comparison: a request made under another persons' epoch is over — the field says so and ends it —
 * and a number it still brings reaches nobody (whoever is this person's index now may be someone else).
 */
const outdated = (w: Pick<Waiting, 'epoch'>, personsEpoch: number) => w.epoch !== personsEpoch;

const PERSONS_CHANGED = '人の一覧が変わったため、住民画面での入力を取り消しました。';
const LATE_NUMBER_DROPPED = '入力を待つ間に人の一覧が変わったため、届いた電話番号は使いませんでした。';
/** the services end the request when no clerk is at the counter (a lock; after a sign-out this page reloads) */
const CLERK_AWAY = '画面がロックされたため、住民画面での入力を取り消しました。';

/**
 * A person's 電話番号, typed by the clerk or — 「住民画面で入力」 — by the resident on the resident screen's
 * pad: the resident keys their own number instead of saying it aloud across the counter, and the clerk goes
 * on meanwhile. The number arrives in this field as if typed; the clerk sees it and can still change it.
 * It reaches only the person it was asked for: the request carries the persons' epoch of its asking
 * (case-store personsEpoch, persons-epoch.ts); when the persons are replaced or one is removed while the pad
 * is up, the epoch moves, the request ends and a number that still comes is dropped.
 */
export function ResidentPhoneField({ id, who, value, onChange }: { id: string; who: string; value: string; onChange(v: string): void }) {
  const [state, setAsking] = useState<Asking>({ kind: 'idle' });
  const epoch = useCase((s) => s.personsEpoch);
  // leaving 'waiting' ends the request (the effect's cleanup below)
  const asking: Asking = state.kind === 'waiting' && outdated(state, epoch) ? { kind: 'ended', message: PERSONS_CHANGED } : state;
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
  const askedAt = asking.kind === 'waiting' ? asking.epoch : null;
  useEffect(() => {
    if (waitingId === null || askedAt === null) return;
    let mine = true;
    let collected = false;
    void (async () => {
      while (mine) {
        const r = await bridge.awaitResidentPhone({ phoneRequestId: waitingId });
        if (!mine) return;
        if (!r.ok) {
          collected = true;
          // asked while locked: the services have ended the request for the lock, not for this refusal
          return setAsking({ kind: 'ended', message: r.error.code === 'LOCKED' ? CLERK_AWAY : r.error.message });
        }
        if (r.value.state === 'waiting') continue;
        collected = true;
        // ended by the clerk's own doing elsewhere (another screen, another request): nothing to explain
        if (r.value.state === 'ended') return setAsking(r.value.reason === 'clerk-away' ? { kind: 'ended', message: CLERK_AWAY } : { kind: 'idle' });
        // on the store itself: the persons may have changed since this field last rendered
        if (outdated({ epoch: askedAt }, useCase.getState().personsEpoch)) return setAsking({ kind: 'ended', message: LATE_NUMBER_DROPPED });
        onChangeRef.current(r.value.phone);
        return setAsking({ kind: 'done' });
      }
    })();
    return () => {
      mine = false;
      // this person's card went, the persons changed, or 取消: the pad must not stay up for nobody
      if (!collected) void bridge.endResidentPhone({ phoneRequestId: waitingId });
    };
  }, [waitingId, askedAt]);
  const ask = async () => {
    setAsking({ kind: 'asking' });
    const r = await bridge.askResidentPhone({});
    if (!live.current) {
      if (r.ok) void bridge.endResidentPhone({ phoneRequestId: r.value.phoneRequestId });
      return;
    }
    setAsking(r.ok ? { kind: 'waiting', id: r.value.phoneRequestId, epoch: useCase.getState().personsEpoch } : { kind: 'ended', message: r.error.message });
  };
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
