import http from 'node:http';
import type { Result } from '../../../common/contract/result';
import type { AppServices } from '../../../main/services/app-services.types';
import type { BrowserHost } from '../../../main/host/browser-host';
import { signInServices, TEST_ADMIN } from '../sign-in';

/**
 * How the fuzz tests act as a signed-in clerk (every operation but sign-in needs a session): the
 * services' session signed in as the test admin and, over HTTP, the launch token exchanged for its
 * cookie plus our Origin.
 */
export interface FuzzSession {
  /** calls one operation in-process, as the signed-in clerk */
  dispatch(operation: string, input: unknown): Promise<Result<unknown>>;
  /** headers every /api call of the signed-in page carries */
  headers: Record<string, string>;
  /** the operations the fuzzer must not call with valid input, because they would end this session */
  sessionEnding: readonly string[];
}

export async function signedInSession(services: AppServices, host: BrowserHost): Promise<FuzzSession> {
  const origin = `http://127.0.0.1:${host.port}`;
  const cookie = await launchCookie(host.url);
  // the services hold one session (one clerk per counter PC): the test admin, so no role is refused
  await signInServices(services, TEST_ADMIN);
  return {
    dispatch: (operation, input) => services.dispatch(operation as never, input),
    headers: { cookie, origin },
    // with valid input these would end, lock or switch the session, or count wrong passwords towards a lock-out
    sessionEnding: ['signOut', 'lock', 'unlock', 'signIn', 'createFirstAdmin', 'revealMyNumber'],
  };
}

/** Opens the launch URL as the browser does and keeps the cookie it is answered with. */
function launchCookie(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        res.resume();
        const cookie = res.headers['set-cookie']?.[0]?.split(';')[0];
        if (res.statusCode === 303 && cookie) resolve(cookie);
        else reject(new Error(`launch URL answered ${res.statusCode} without a cookie`));
      })
      .on('error', reject);
  });
}
