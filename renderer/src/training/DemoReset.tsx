import { useState } from 'react';
import { bridge } from '../bridge/bridge';
import { useApp } from '../store';
import { useCase } from '../case-store';
import { useTraining } from './training-store';

/** 「研修データを初期状態に戻す」 with its confirmation: every case and application of the demo goes. */
export function DemoReset() {
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const refresh = useApp((s) => s.refresh);
  const closeCase = useCase((s) => s.closeCase);
  const loadResumable = useCase((s) => s.loadResumable);
  const closeScenario = useTraining((s) => s.closeResult);
  const reset = async () => {
    closeCase(); // the open case's screen goes first: it is one of the cases about to be deleted
    const r = await bridge.resetDemo({ confirm: true });
    setAsking(false);
    if (!r.ok) return setNote(r.error.message);
    closeScenario();
    void loadResumable();
    void refresh();
    setNote(`初期状態に戻しました（来庁ケース ${r.value.cases} 件・申請 ${r.value.applications} 件を削除）。`);
  };
  return (
    <section className="demo-reset" aria-labelledby="demo-reset-title">
      <h2 id="demo-reset-title">研修データのリセット</h2>
      {asking ? (
        <div role="alertdialog" aria-labelledby="demo-reset-ask" className="reset-confirm">
          <p id="demo-reset-ask">研修で作ったすべての来庁ケースと申請を消し、初期状態（見本の住民だけ）に戻します。よろしいですか？</p>
          <button type="button" className="row-btn danger" onClick={() => void reset()}>初期状態に戻す</button>
          <button type="button" className="row-btn subtle" onClick={() => setAsking(false)} autoFocus>やめる</button>
        </div>
      ) : (
        <button type="button" className="row-btn" onClick={() => setAsking(true)}>研修データを初期状態に戻す…</button>
      )}
      {note && <p role="status">{note}</p>}
    </section>
  );
}
