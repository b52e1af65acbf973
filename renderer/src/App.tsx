import { lazy, Suspense, useEffect, useState } from 'react';
import { useApp } from './store';
import { ConnectionIndicator } from './components/ConnectionIndicator';
import { FormScreen } from './screens/FormScreen';
import { QueueScreen } from './screens/QueueScreen';
import { CaseScreen } from './screens/CaseScreen';
import { SessionGate } from './session/SessionGate';
import { SessionBar } from './session/SessionBar';
import { AuditScreen } from './session/AuditScreen';
import { useSession } from './session/session-store';
import { AUDIT_READER_ROLES } from '../../common/accounts/roles';

const REFRESH_MS = 1000;

/** `#bench-form` (npm run bench:counter) exists only in a `vite build --mode bench` renderer: production leaves it out. */
const BenchScreen = import.meta.env.MODE === 'bench' ? lazy(() => import('./screens/BenchScreen').then((m) => ({ default: m.BenchScreen }))) : null;

export function App() {
  return (
    <SessionGate>
      <AppScreens />
    </SessionGate>
  );
}

function AppScreens() {
  const { screen: appScreen, setScreen: setAppScreen, info, fatal, loadInfo, refresh } = useApp();
  const role = useSession((s) => s.session?.user?.role);
  // the audit trail is the supervisor's screen, kept apart from the clerk's screens' state
  const [audit, setAudit] = useState(false);
  const screen = audit ? 'audit' : appScreen;
  const setScreen = (s: typeof appScreen) => {
    setAudit(false);
    setAppScreen(s);
  };

  useEffect(() => {
    void loadInfo();
    void refresh();
    const t = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(t);
  }, [loadInfo, refresh]);

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">いちまど</span>
          <span className="brand-sub">総合窓口</span>
        </div>
        <nav className="tabs" aria-label="画面">
          <button type="button" className={screen === 'case' ? 'tab active' : 'tab'} aria-pressed={screen === 'case'} onClick={() => setScreen('case')}>
            手続きナビ
          </button>
          <button type="button" className={screen === 'entry' ? 'tab active' : 'tab'} aria-pressed={screen === 'entry'} onClick={() => setScreen('entry')}>
            届出入力
          </button>
          <button type="button" className={screen === 'queue' ? 'tab active' : 'tab'} aria-pressed={screen === 'queue'} onClick={() => setScreen('queue')}>
            送信状況
          </button>
          {role && AUDIT_READER_ROLES.includes(role) && (
            <button type="button" className={audit ? 'tab active' : 'tab'} aria-pressed={audit} onClick={() => setAudit(true)}>
              監査ログ
            </button>
          )}
        </nav>
        <ConnectionIndicator />
        <SessionBar />
      </header>
      {info?.backend.simulated && (
        <div className="demo-banner" role="note">
          模擬バックエンドに接続しています（研修・試用）。実際の基幹システムには送信されません。
        </div>
      )}
      {fatal && (
        <div className="banner error" role="alert">
          {fatal}
        </div>
      )}
      <main className="app-main">
        {BenchScreen && location.hash === '#bench-form' ? (
          <Suspense fallback={null}>
            <BenchScreen />
          </Suspense>
        ) : screen === 'audit' ? <AuditScreen /> : screen === 'entry' ? <FormScreen /> : screen === 'case' ? <CaseScreen /> : <QueueScreen />}
      </main>
    </div>
  );
}
