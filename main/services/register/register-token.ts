import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { httpRequest } from '../sync/http-client';

/**
 * OAuth 2.0 Client Credentials for the register lookup (共通機能標準仕様書 §2.2): the client authenticates
 * with a `client_secret_jwt` assertion (RFC 7523, HS256, made by jose) or, by configuration, with
 * `client_secret_basic`. The token is kept until shortly before it expires and then simply fetched again:
 * there is no refresh token in this grant.
 */
export const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Life of one assertion: it is used once, at once; a minute absorbs a slow link and a little clock skew. */
export const ASSERTION_LIFETIME_S = 60;
/**
 * A cached token is dropped this long before the expiry the server gave: a lookup started just before
 * expiry must not arrive just after it. 30 s is many round trips even on a slow city network.
 */
export const TOKEN_EXPIRY_MARGIN_MS = 30_000;

export type RegisterAuthMethod = 'client_secret_jwt' | 'client_secret_basic';

/** The token endpoint refused us (wrong secret, unknown client, replay, …): a 認証 problem, not the network. */
export class RegisterAuthError extends Error {}

export interface RegisterTokenOptions {
  tokenUrl: string;
  clientId: string;
  /** read at each token request, so a rotated secret file takes effect without a restart */
  readSecret: () => string;
  method: RegisterAuthMethod;
  scopes: readonly string[];
  agent: http.Agent;
  timeoutMs: number;
}

export interface RegisterTokens {
  /** a live access token (cached, or fetched now) */
  token(): Promise<string>;
  /** the API said 401: forget the cached token so the next call fetches a new one */
  invalidate(): void;
}

/** RFC 6749 §2.3.1: client id and secret are form-urlencoded before they are joined for Basic. */
const formEncode = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');

export function registerTokens(o: RegisterTokenOptions): RegisterTokens {
  let cached: { token: string; until: number } | null = null;
  let pending: Promise<string> | null = null;

  const fetchToken = async (): Promise<string> => {
    const secret = o.readSecret();
    const form = new URLSearchParams({ grant_type: 'client_credentials', scope: o.scopes.join(' ') });
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    if (o.method === 'client_secret_basic') {
      headers.authorization = `Basic ${Buffer.from(`${formEncode(o.clientId)}:${formEncode(secret)}`).toString('base64')}`;
    } else {
      const now = Math.floor(Date.now() / 1000);
      const assertion = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer(o.clientId)
        .setSubject(o.clientId)
        .setAudience(o.tokenUrl)
        .setIssuedAt(now)
        .setExpirationTime(now + ASSERTION_LIFETIME_S)
        .setJti(randomUUID())
        .sign(new TextEncoder().encode(secret));
      form.set('client_id', o.clientId);
      form.set('client_assertion_type', ASSERTION_TYPE);
      form.set('client_assertion', assertion);
    }
    const started = Date.now();
    const res = await httpRequest(o.tokenUrl, { method: 'POST', agent: o.agent, timeoutMs: o.timeoutMs, headers, body: form.toString() });
    let json: { access_token?: unknown; expires_in?: unknown; error?: unknown } = {};
    try {
      json = JSON.parse(res.body || '{}') as typeof json;
    } catch {
      // judged below
    }
    if (res.status !== 200 || typeof json.access_token !== 'string' || json.access_token === '') {
      throw new RegisterAuthError(`token endpoint answered HTTP ${res.status}${typeof json.error === 'string' ? ` ${json.error}` : ''}`);
    }
    const lifeMs = typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in * 1000 : 0;
    // a lifetime shorter than twice the margin: keep it for half its life rather than not at all
    const keepMs = lifeMs > 2 * TOKEN_EXPIRY_MARGIN_MS ? lifeMs - TOKEN_EXPIRY_MARGIN_MS : lifeMs / 2;
    cached = { token: json.access_token, until: started + keepMs };
    return json.access_token;
  };

  return {
    async token() {
      if (cached && Date.now() < cached.until) return cached.token;
      // one token request at a time, however many lookups wait for it
      pending ??= fetchToken().finally(() => {
        pending = null;
      });
      return pending;
    },
    invalidate() {
      cached = null;
    },
  };
}
