import { useEffect, useRef } from 'react';
import { useCase } from '../case-store';
import { useTraining } from './training-store';
import './training.css';

/**
 * The running scenario beside the app's screens: the current step's hint (hideable), the trainer's
 * drill cue, and 「終了」, which shows the result. It counts the trainee's actions (clicks and key-pressed
 * buttons outside this panel) and keeps the last case 手続きナビ showed, which the result is judged on.
 */
export function ScenarioGuide() {
  const active = useTraining((s) => s.active);
  const result = useTraining((s) => s.result);
  const hidden = useTraining((s) => s.hintsHidden);
  const setHidden = useTraining((s) => s.setHintsHidden);
  const next = useTraining((s) => s.nextStep);
  const previous = useTraining((s) => s.previousStep);
  const finish = useTraining((s) => s.finish);
  const closeResult = useTraining((s) => s.closeResult);
  const countAction = useTraining((s) => s.countAction);
  const seeCase = useTraining((s) => s.seeCase);
  const current = useCase((s) => s.current);
  const panel = useRef<HTMLElement>(null);
  const running = active !== null;

  useEffect(() => seeCase(current), [current, seeCase]);
  useEffect(() => {
    if (!running) return;
    const onClick = (e: MouseEvent) => {
      const t = e.target as Element | null;
      if (t?.closest('button, [role="button"], input[type="checkbox"], input[type="radio"], select') && !panel.current?.contains(t)) countAction();
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [running, countAction]);

  if (result) {
    return (
      <div className="modal-backdrop">
        <section className="modal scenario-result" role="dialog" aria-modal="true" aria-labelledby="scenario-result-title">
          <h2 id="scenario-result-title">研修の結果: {result.title}</h2>
          <dl className="result-figures">
            <dt>所要時間</dt>
            <dd>{Math.floor(result.seconds / 60)}分{result.seconds % 60}秒</dd>
            <dt>操作数</dt>
            <dd>{result.actions} 回</dd>
          </dl>
          {result.missed.length === 0 ? (
            <p className="result-ok">漏れはありません。シナリオの手続きがすべて選ばれ、送信まで進みました。</p>
          ) : (
            <>
              <h3>漏れ・未完了</h3>
              <ul className="result-missed">
                {result.missed.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          )}
          <button type="button" className="primary" onClick={closeResult} autoFocus>閉じる</button>
        </section>
      </div>
    );
  }
  if (!active) return null;
  const s = active.scenario;
  return (
    <aside className="scenario-guide" aria-label="研修シナリオ" ref={panel}>
      <div className="guide-head">
        <strong>研修: {s.title}</strong>
        {!hidden && <span className="guide-story">{s.story}</span>}
      </div>
      {!hidden && (
        <div className="guide-body">
          <p className="guide-hint" aria-live="polite" data-testid="scenario-hint">
            <span className="guide-step">手順 {active.step + 1}/{s.steps.length}</span> {s.steps[active.step]}
          </p>
          {s.drill && <p className="guide-drill">研修担当へ: {s.drill.when}</p>}
        </div>
      )}
      <div className="guide-controls">
        {!hidden && (
          <>
            <button type="button" className="row-btn subtle" onClick={previous} disabled={active.step === 0}>前の手順</button>
            <button type="button" className="row-btn subtle" onClick={next} disabled={active.step === s.steps.length - 1}>次の手順</button>
          </>
        )}
        <button type="button" className="row-btn subtle" aria-pressed={hidden} onClick={() => setHidden(!hidden)}>
          {hidden ? 'ヒントを表示' : 'ヒントを隠す'}
        </button>
        <button type="button" className="row-btn" onClick={() => finish()}>終了して結果を見る</button>
      </div>
    </aside>
  );
}
