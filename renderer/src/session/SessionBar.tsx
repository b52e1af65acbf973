import { ROLE_LABELS } from '../../../common/accounts/roles';
import { useSession } from './session-store';
import { LOCK_HOTKEY_LABEL } from './use-lock-triggers';
import { ResidentScreenButton } from '../resident/ResidentScreenButton';

/** Who is signed in, and the lock (with its hot key shown) and sign-out buttons. */
export function SessionBar() {
  const session = useSession((s) => s.session);
  const lock = useSession((s) => s.lock);
  const signOut = useSession((s) => s.signOut);
  const user = session?.user;
  if (!user) return null;
  return (
    <div className="session-user">
      <span className="who" data-testid="signed-in-user" title={`${ROLE_LABELS[user.role]}${user.demo ? '・研修' : ''}`}>{user.name}</span>
      <span className="role">（{ROLE_LABELS[user.role]}{user.demo ? '・研修' : ''}）</span>
      <ResidentScreenButton />
      <button type="button" className="row-btn" onClick={() => void lock('button')} title={`画面をロックします（${LOCK_HOTKEY_LABEL}）。${session.lockAfterMinutes}分操作がないと自動でロックします。`}>
        画面ロック（{LOCK_HOTKEY_LABEL}）
      </button>
      <button type="button" className="row-btn subtle" onClick={() => void signOut()}>サインアウト</button>
    </div>
  );
}
