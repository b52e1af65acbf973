import { useEffect, type ReactNode } from 'react';
import { useSession } from './session-store';
import { FirstRunScreen, LockScreen, SignInScreen } from './SignInScreens';
import { RevealPrompt } from './reveal';
import { useLockTriggers } from './use-lock-triggers';
import './session.css';

/**
 * The app's screens render only for a signed-in clerk. While locked they stay mounted (the same
 * case, step and typed text come back on unlock) but hidden and inert under the lock screen.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const session = useSession((s) => s.session);
  const load = useSession((s) => s.load);
  const message = useSession((s) => s.message);
  useEffect(() => void load(), [load]);
  const signedIn = !!session?.user;
  useLockTriggers(signedIn && !session.locked, session?.lockAfterMinutes ?? 5);
  if (!session) return message ? <div className="banner error" role="alert">{message}</div> : null;
  if (session.firstRun) return <main className="session-page"><FirstRunScreen /></main>;
  if (!session.user) return <main className="session-page"><SignInScreen s={session} /></main>;
  return (
    <>
      <div className="session-content" hidden={session.locked} inert={session.locked} aria-hidden={session.locked}>
        {children}
      </div>
      {session.locked ? <LockScreen s={session} /> : <RevealPrompt />}
    </>
  );
}
