import http from 'node:http';
import type { Result } from '../../../common/contract/result';
import type { AppServices } from '../../../main/services/app-services.types';
import type { BrowserHost } from '../../../main/host/browser-host';

/**
 * How the fuzz tests act as a signed-in clerk: the one place to change when sign-in arrives (every
 * operation but sign-in will need a session). Today there are no accounts, so a session is the
 * services' dispatch as it is and, over HTTP, the launch token exchanged for its cookie plus our Origin.
 * After accounts: sign in here (an admin or a seeded clerk) and return the session's dispatch / cookie.
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
  return {
    dispatch: (operation, input) => services.dispatch(operation as never, input),
    headers: { cookie, origin },
    sessionEnding: [],
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
