import type { Page } from 'playwright-core';
import type { AppServices } from '../../main/services/app-services.types';
import type { SessionView } from '../../common/contract/account-operations';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../main/services/accounts/demo-accounts';

/**
 * Signing in as tests do: the demo account where the simulated back end is in use (its seeded
 * training accounts), else the test admin, created on the first-run screen when no account
 * exists yet. One helper for the services, one for the UI, used by every test that works a case.
 */
export const TEST_ADMIN = { name: '試験管理者', password: 'test-admin-pass-1' } as const;
export const DEMO_CLERK = { name: DEMO_ACCOUNTS.find((a) => a.role === 'clerk')!.name, password: DEMO_PASSWORD } as const;

type Dispatch = AppServices['dispatch'];

async function call<T>(dispatch: Dispatch, op: Parameters<Dispatch>[0], input: unknown): Promise<T> {
  const r = await dispatch(op, input);
  if (!r.ok) throw new Error(`${op}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** Signs the services' session in (creating the test admin on first run); returns the session. */
export async function signInServices(services: Pick<AppServices, 'dispatch'>, who?: { name: string; password: string }): Promise<SessionView> {
  const s = await call<SessionView>(services.dispatch, 'getSession', {});
  if (s.firstRun) await call(services.dispatch, 'createFirstAdmin', TEST_ADMIN);
  const account = who ?? (s.demoAccounts.length > 0 ? DEMO_CLERK : TEST_ADMIN);
  return call<SessionView>(services.dispatch, 'signIn', account);
}

/**
 * The UI: waits for the first-run or sign-in screen, creates the test admin on the first, signs in
 * (demo clerk in demo mode), and returns once the app's own screens show.
 */
export async function signInPage(page: Page, who?: { name: string; password: string }): Promise<void> {
  const firstRun = page.locator('form[aria-label="管理者の登録"]');
  const signIn = page.locator('form[aria-label="サインイン"]');
  await firstRun.or(signIn).first().waitFor({ timeout: 30_000 });
  if (await firstRun.isVisible()) {
    await firstRun.getByLabel('名前').fill(TEST_ADMIN.name);
    await firstRun.getByLabel('パスワード', { exact: true }).fill(TEST_ADMIN.password);
    await firstRun.getByLabel('パスワード（確認）').fill(TEST_ADMIN.password);
    await firstRun.getByRole('button', { name: '管理者を登録' }).click();
    await signIn.waitFor();
  }
  const demo = await signIn.locator('[data-testid="demo-accounts"]').isVisible();
  const account = who ?? (demo ? DEMO_CLERK : TEST_ADMIN);
  await signIn.getByLabel('名前').fill(account.name);
  await signIn.getByLabel('パスワード').fill(account.password);
  await signIn.getByRole('button', { name: 'サインイン' }).click();
  await signIn.waitFor({ state: 'detached' });
}
