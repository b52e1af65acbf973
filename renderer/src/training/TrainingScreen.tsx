import { SCENARIOS, type ScenarioDrill } from '../../../common/training/scenarios';
import { TRAINER_ROLES } from '../../../common/accounts/roles';
import { useSession } from '../session/session-store';
import { useTraining } from './training-store';
import { TrainerPanel } from './TrainerPanel';
import { DemoReset } from './DemoReset';
import './training.css';

const DRILL_LABELS: Record<ScenarioDrill, string> = {
  linkCut: '回線を切る',
  slow: '応答を遅くする',
  errors: 'エラーを返す',
  diskFull: 'ディスクを満杯にする',
  returnNow: '差戻しを今送る',
};

/**
 * 研修 (demo only): the scenarios a trainer starts, and for the trainer role the fault drills and the
 * reset. Starting a scenario opens 手続きナビ with its hints alongside (ScenarioGuide).
 */
export function TrainingScreen({ onStarted }: { onStarted: () => void }) {
  const role = useSession((s) => s.session?.user?.role);
  const start = useTraining((s) => s.start);
  const active = useTraining((s) => s.active);
  const trainer = role !== undefined && TRAINER_ROLES.includes(role);
  return (
    <div className="training-screen">
      <h1 className="visually-hidden">研修</h1>
      {/* the drills first: during a scenario the trainer comes here for them, not for the list */}
      {trainer && <TrainerPanel />}
      <section aria-labelledby="scenarios-title">
        <h2 id="scenarios-title">研修シナリオ</h2>
        <p className="form-meta">研修担当が読み上げる来庁者の話に沿って、研修生が手続きナビで受け付けます。終わると所要時間・操作数・漏れた手続きが出ます。</p>
        <ol className="scenario-list">
          {SCENARIOS.map((s) => (
            <li key={s.id} className="scenario-card">
              <h3>{s.title}</h3>
              <p className="scenario-story">{s.story}</p>
              <p className="scenario-meta">
                届出: {s.event} ・ 世帯 {s.household.length} 人{s.drill ? ` ・ 障害訓練: ${DRILL_LABELS[s.drill.kind]}（${s.drill.when}）` : ''}
              </p>
              <button
                type="button"
                className="row-btn"
                disabled={active !== null}
                onClick={() => {
                  start(s.id);
                  onStarted();
                }}
                aria-label={`「${s.title}」を開始`}
              >
                開始
              </button>
            </li>
          ))}
        </ol>
      </section>
      {trainer ? <DemoReset /> : <p className="form-meta">障害訓練と研修データのリセットは、研修担当（または管理者）でサインインすると使えます。</p>}
    </div>
  );
}
