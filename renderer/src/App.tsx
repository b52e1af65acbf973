import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { useApp } from './store';
import { useCase } from './case-store';
import { ConnectionIndicator } from './components/ConnectionIndicator';
import { FormScreen } from './screens/FormScreen';
import { QueueScreen } from './screens/QueueScreen';
import { CaseScreen } from './screens/CaseScreen';
import { SessionGate } from './session/SessionGate';
import { SessionBar } from './session/SessionBar';
import { AuditScreen } from './session/AuditScreen';
import { AccountsScreen } from './session/AccountsScreen';
import { useSession } from './session/session-store';
import { ACCOUNT_ADMIN_ROLES, AUDIT_READER_ROLES } from '../../common/accounts/roles';
import { TrainingScreen } from './training/TrainingScreen';
import { ScenarioGuide } from './training/ScenarioGuide';

const REFRESH_MS = 1000;

/** `#bench-form` (npm run bench:counter) exists only in a `vite build --mode bench` renderer: production leaves it out. */
const BenchScreen = import.meta.env.MODE === 'bench' ? lazy(() => import('./screens/BenchScreen').then((m) => ({ default: m.BenchScreen }))) : null;

/** The page's #hash, followed as it changes (the bench opens #bench-form on the page already loaded). */
function useHash(): string {
  return useSyncExternalStore(
    (changed) => {
      window.addEventListener('hashchange', changed);
      return () => window.removeEventListener('hashchange', changed);
    },
    () => location.hash,
  );
}

export function App() {
  return (
    <SessionGate>
      <AppScreens />
    </SessionGate>
  );
}

function AppScreens() {
  const appScreen = useApp((s) => s.screen);
  const setAppScreen = useApp((s) => s.setScreen);
  const simulated = useApp((s) => s.info?.backend.simulated ?? false);
  const fatal = useApp((s) => s.fatal);
  const loadInfo = useApp((s) => s.loadInfo);
  const refresh = useApp((s) => s.refresh);
  const loadResumable = useCase((s) => s.loadResumable);
  const role = useSession((s) => s.session?.user?.role);
  const hash = useHash();
  // the audit trail and the accounts are the supervisor's / admin's screens, kept apart from the clerk's screens' state
  const [office, setOffice] = useState<'audit' | 'accounts' | 'training' | null>(null);
  const screen = office ?? appScreen;
  const setScreen = (s: typeof appScreen) => {
    setOffice(null);
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
          <button type="button" className={screen === 'case' ? 'tab active' : 'tab'} aria-pressed={screen === 'case'} onClick={() => {
              setScreen('case');
              // the tab also refreshes 続きから (the app opens on it, so the list may be older than the cases saved since)
              void loadResumable();
            }}>
            手続きナビ
          </button>
          <button type="button" className={screen === 'entry' ? 'tab active' : 'tab'} aria-pressed={screen === 'entry'} onClick={() => setScreen('entry')}>
            届出入力
          </button>
          <button type="button" className={screen === 'queue' ? 'tab active' : 'tab'} aria-pressed={screen === 'queue'} onClick={() => setScreen('queue')}>
            送信状況
          </button>
          {role && AUDIT_READER_ROLES.includes(role) && (
            <button type="button" className={office === 'audit' ? 'tab active' : 'tab'} aria-pressed={office === 'audit'} onClick={() => setOffice('audit')}>
              監査ログ
            </button>
          )}
          {simulated && (
            <button type="button" className={office === 'training' ? 'tab active' : 'tab'} aria-pressed={office === 'training'} onClick={() => setOffice('training')}>
              研修
            </button>
          )}
          {role && ACCOUNT_ADMIN_ROLES.includes(role) && (
            <button type="button" className={office === 'accounts' ? 'tab active' : 'tab'} aria-pressed={office === 'accounts'} onClick={() => setOffice('accounts')}>
              アカウント
            </button>
          )}
        </nav>
        <ConnectionIndicator />
        <SessionBar />
      </header>
      {simulated && <ScenarioGuide />}
      <main className="app-main">
        {fatal && (
          <div className="banner error" role="alert">
            {fatal}
          </div>
        )}
        {BenchScreen && hash === '#bench-form' ? (
          <Suspense fallback={null}>
            <BenchScreen />
          </Suspense>
        ) : screen === 'training' ? <TrainingScreen onStarted={() => setScreen('case')} /> : screen === 'audit' ? <AuditScreen /> : screen === 'accounts' ? <AccountsScreen /> : screen === 'entry' ? <FormScreen /> : screen === 'case' ? <CaseScreen /> : <QueueScreen />}
      </main>
    </div>
  );
}
