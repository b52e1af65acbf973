import { useCallback, useEffect, useState } from 'react';
import { bridge } from '../bridge/bridge';
import { useApp } from '../store';
import type { Drill, DrillStateView } from '../../../common/contract/training-operations';

/** The drills in the order a training day usually runs them; each says what the trainee will see. */
const DRILL_BUTTONS: readonly { drill: Drill; on: string; effect: string }[] = [
  { drill: 'linkCut', on: '回線を切る', effect: '基幹システムにつながらなくなります（送信は「送信待ち」に残ります）' },
  { drill: 'slow', on: '応答を遅くする', effect: '基幹システムの応答が約4秒遅れます' },
  { drill: 'errors', on: 'エラーを返す', effect: '基幹システムが「一時的に利用できません」（503）を返します' },
  { drill: 'diskFull', on: 'ディスクを満杯にする', effect: 'この端末の保存が「ディスクの空き不足」で失敗します（実際には何も書きません）' },
];

/**
 * The trainer's fault drills (研修担当, demo only): switch a fault on, watch the trainee cope, restore and
 * watch the queue drain. The queue counts are the app's own (refreshed every second by the app).
 */
export function TrainerPanel() {
  const [drills, setDrills] = useState<DrillStateView | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const stats = useApp((s) => s.stats);
  const load = useCallback(async () => {
    const r = await bridge.getDrills({});
    if (r.ok) setDrills(r.value);
    else setNote(r.error.message);
  }, []);
  useEffect(() => void load(), [load]);

  const toggle = async (drill: Drill) => {
    const r = await bridge.setDrill({ drill, on: !drills?.[drill] });
    if (r.ok) setDrills(r.value);
    setNote(r.ok ? null : r.error.message);
  };
  const returnNow = async () => {
    const r = await bridge.sendReturnNow({});
    if (!r.ok) return setNote(r.error.message);
    setDrills(r.value.drills);
    setNote(r.value.receiptNumber ? `受付番号 ${r.value.receiptNumber} を差し戻しました。` : '審査待ちの申請がないため、次に届く申請を差し戻します。');
  };
  const restore = async () => {
    const r = await bridge.restoreDrills({});
    if (r.ok) setDrills(r.value);
    setNote(r.ok ? 'すべて復旧しました。送信待ちが自動で送られます。' : r.error.message);
  };

  return (
    <section className="trainer-panel" aria-labelledby="trainer-panel-title">
      <h2 id="trainer-panel-title">障害訓練（研修担当）</h2>
      <ul className="drills">
        {DRILL_BUTTONS.map((b) => (
          <li key={b.drill}>
            <button type="button" className={drills?.[b.drill] ? 'drill on' : 'drill'} aria-pressed={drills?.[b.drill] ?? false} onClick={() => void toggle(b.drill)}>
              {b.on}
            </button>
            <span className="drill-effect">{drills?.[b.drill] ? '発生中: ' : ''}{b.effect}</span>
          </li>
        ))}
        <li>
          <button type="button" className="drill" onClick={() => void returnNow()}>差戻しを今送る</button>
          <span className="drill-effect">{drills?.returnNext ? '待機中: 次に届く申請を差し戻します' : '審査待ちの最新の申請を差し戻します'}</span>
        </li>
      </ul>
      <div className="trainer-actions">
        <button type="button" className="primary" onClick={() => void restore()}>すべて復旧</button>
        <p className="queue-watch" aria-live="polite" data-testid="trainer-queue">
          送信待ち {stats ? stats.pending + stats.inFlight : '–'} 件 ・ 受理 {stats?.accepted ?? '–'} 件 ・ 差戻し {stats?.returned ?? '–'} 件 ・ 完了 {stats?.completed ?? '–'} 件
        </p>
      </div>
      {note && <p className="trainer-note" role="status">{note}</p>}
    </section>
  );
}
