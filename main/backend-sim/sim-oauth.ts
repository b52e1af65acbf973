import type http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { jwtVerify } from 'jose';

/**
 * The register owner's OAuth 2.0 authorization server, as 共通機能標準仕様書 §2.2 asks: Client Credentials
 * only, the client authenticated by `client_secret_jwt` (RFC 7523 assertion, HS256 with the shared secret)
 * or `client_secret_basic` (RFC 6749 §2.3.1), a short-lived bearer token, no refresh token, and
 * introspection (RFC 7662) for the resource side.
 */
export const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/**
 * Longest life an assertion may claim (exp − now). RFC 7523 leaves it to the server; a client makes a
 * fresh assertion per token request, so a minute or two covers clock skew and a slow network while
 * keeping the replay window (and the jti memory) small.
 */
export const ASSERTION_MAX_LIFETIME_S = 300;
/** clock difference tolerated between the counter PC and the server when checking exp */
export const ASSERTION_CLOCK_TOLERANCE_S = 30;
/** Default access-token lifetime: the standards want it short; five minutes covers a counter visit's lookups. */
export const DEFAULT_REGISTER_TOKEN_TTL_S = 300;

export interface SimOAuthOptions {
  clientId: string;
  clientSecret: string;
  tokenTtlS?: number;
  /** scopes this client may be granted */
  allowedScopes: readonly string[];
}

interface Issued {
  exp: number;
  scopes: string[];
  clientId: string;
}

export interface OAuthAnswer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

export interface SimOAuth {
  /** POST /oauth2/token; `tokenUrls` are the URLs the assertion's aud may name */
  token(req: http.IncomingMessage, body: string, tokenUrls: string[]): Promise<OAuthAnswer>;
  /** POST /oauth2/introspect (the caller authenticates as a client, like at the token endpoint) */
  introspect(req: http.IncomingMessage, body: string, tokenUrls: string[]): Promise<OAuthAnswer>;
  /** null when the request's bearer token is live and holds `scope`; else the refusal to send */
  check(req: http.IncomingMessage, scope: string): OAuthAnswer | null;
  /** forgets every issued token (a restarted or rotated authorization server), for drills and tests */
  revokeAll(): void;
  stats(): { tokensIssued: number; clientsRefused: number; replaysRefused: number };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** RFC 6749 §2.3.1 form-decoding of a Basic credential part; null when its %-escapes are broken */
function formDecode(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

const invalidClient = (description: string): OAuthAnswer => ({
  status: 401,
  body: { error: 'invalid_client', error_description: description },
  headers: { 'www-authenticate': 'Basic realm="oauth2"' },
});

export function simOAuth(opts: SimOAuthOptions): SimOAuth {
  const key = new TextEncoder().encode(opts.clientSecret);
  const ttlS = opts.tokenTtlS ?? DEFAULT_REGISTER_TOKEN_TTL_S;
  const tokens = new Map<string, Issued>();
  const usedJti = new Map<string, number>(); // jti → its assertion's exp (ms); kept until then
  const counts = { tokensIssued: 0, clientsRefused: 0, replaysRefused: 0 };

  const forgetExpired = (now: number) => {
    for (const [t, i] of tokens) if (i.exp <= now) tokens.delete(t);
    for (const [j, exp] of usedJti) if (exp + ASSERTION_CLOCK_TOLERANCE_S * 1000 <= now) usedJti.delete(j);
  };

  /** The client this request authenticates as, or the refusal. */
  const authenticate = async (req: http.IncomingMessage, form: URLSearchParams, tokenUrls: string[]): Promise<string | OAuthAnswer> => {
    const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const assertion = form.get('client_assertion');
    if (basic && assertion) return { status: 400, body: { error: 'invalid_request', error_description: 'one client authentication method only' } };
    if (basic) {
      const decoded = Buffer.from(basic, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) return invalidClient('malformed basic credentials');
      const id = formDecode(decoded.slice(0, colon));
      const secret = formDecode(decoded.slice(colon + 1));
      if (id === null || secret === null) return invalidClient('malformed basic credentials');
      if (id !== opts.clientId || !safeEqual(secret, opts.clientSecret)) return invalidClient('unknown client or wrong secret');
      return id;
    }
    if (assertion) {
      if (form.get('client_assertion_type') !== ASSERTION_TYPE) return { status: 400, body: { error: 'invalid_request', error_description: 'client_assertion_type' } };
      let payload: { jti?: unknown; exp?: unknown };
      try {
        ({ payload } = await jwtVerify(assertion, key, {
          algorithms: ['HS256', 'HS384', 'HS512'],
          issuer: opts.clientId,
          subject: opts.clientId,
          audience: tokenUrls,
          requiredClaims: ['jti', 'exp'],
          clockTolerance: ASSERTION_CLOCK_TOLERANCE_S,
        }));
      } catch (err) {
        return invalidClient(`assertion refused: ${(err as { code?: string }).code ?? 'invalid'}`);
      }
      const now = Date.now();
      const expMs = Number(payload.exp) * 1000;
      if (expMs - now > ASSERTION_MAX_LIFETIME_S * 1000) return invalidClient('assertion lives too long');
      if (typeof payload.jti !== 'string' || payload.jti === '') return invalidClient('assertion without jti');
      if (usedJti.has(payload.jti)) {
        counts.replaysRefused++;
        return invalidClient('assertion replayed (jti already used)');
      }
      usedJti.set(payload.jti, expMs);
      return opts.clientId;
    }
    return invalidClient('no client authentication');
  };

  const withClient = async (req: http.IncomingMessage, body: string, tokenUrls: string[]) => {
    const form = new URLSearchParams(body);
    forgetExpired(Date.now());
    const who = await authenticate(req, form, tokenUrls);
    if (typeof who !== 'string') counts.clientsRefused++;
    return { form, who };
  };

  return {
    async token(req, body, tokenUrls) {
      const { form, who } = await withClient(req, body, tokenUrls);
      if (typeof who !== 'string') return who;
      if (form.get('grant_type') !== 'client_credentials') return { status: 400, body: { error: 'unsupported_grant_type' } };
      const requested = (form.get('scope') ?? '').split(' ').filter(Boolean);
      // RFC 6749 §3.3: the server may grant less than asked; the resource then answers 403 for the rest
      const scopes = requested.length === 0 ? [...opts.allowedScopes] : requested.filter((s) => opts.allowedScopes.includes(s));
      const token = randomBytes(32).toString('base64url');
      tokens.set(token, { exp: Date.now() + ttlS * 1000, scopes, clientId: who });
      counts.tokensIssued++;
      return {
        status: 200,
        body: { access_token: token, token_type: 'Bearer', expires_in: ttlS, scope: scopes.join(' ') },
        headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
      };
    },
    async introspect(req, body, tokenUrls) {
      const { form, who } = await withClient(req, body, tokenUrls);
      if (typeof who !== 'string') return who;
      const issued = tokens.get(form.get('token') ?? '');
      if (!issued || issued.exp <= Date.now()) return { status: 200, body: { active: false } };
      return {
        status: 200,
        body: { active: true, scope: issued.scopes.join(' '), client_id: issued.clientId, token_type: 'Bearer', exp: Math.floor(issued.exp / 1000) },
      };
    },
    check(req, scope) {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const issued = token ? tokens.get(token) : undefined;
      if (!issued || issued.exp <= Date.now()) {
        return { status: 401, body: { error: 'invalid_token' }, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } };
      }
      if (!issued.scopes.includes(scope)) {
        return { status: 403, body: { error: 'insufficient_scope', scope }, headers: { 'www-authenticate': 'Bearer error="insufficient_scope"' } }; // the scope (not Latin-1) goes in the body
      }
      return null;
    },
    revokeAll() {
      tokens.clear();
    },
    stats: () => ({ ...counts }),
  };
}
