import type http from 'node:http';
import { readBodyLimited } from '../http/read-body';
import { mappingScopes, DEFAULT_REGISTER_MAPPING, type RegisterMapping } from '../../common/register/register-mapping';
import { simOAuth, type OAuthAnswer } from './sim-oauth';
import { simRegisterApi, type RegisterAnswerFault } from './sim-register-api';
import type { RegisterPerson } from './sim-register-file';

/**
 * The simulator as the 住民基本台帳 owner: its OAuth endpoints, its lookup API, and two admin endpoints for
 * drills and tests. sim-server.ts hands every request here first; null means "not mine".
 *   POST /oauth2/token, POST /oauth2/introspect (form-encoded, RFC 6749 / 7662)
 *   GET  /admin/register-stats → {tokensIssued, clientsRefused, replaysRefused}
 *   POST /admin/register/revoke-tokens → every issued token is forgotten (the next call gets 401)
 */
export interface SimRegisterOptions {
  persons: readonly RegisterPerson[];
  clientId: string;
  clientSecret: string;
  tokenTtlS?: number;
  /** the scopes the client may be granted; default every scope of the mapping */
  allowedScopes?: readonly string[];
  mapping?: RegisterMapping;
  fault?: RegisterAnswerFault;
}

/** the counter's client id in the standards' sense: one per 業務 system, not per user */
export const COUNTER_CLIENT_ID = 'ichimado-counter';
const MAX_FORM_BODY = 16 * 1024;

export function simRegister(opts: SimRegisterOptions) {
  const mapping = opts.mapping ?? DEFAULT_REGISTER_MAPPING;
  const oauth = simOAuth({
    clientId: opts.clientId,
    clientSecret: opts.clientSecret,
    allowedScopes: opts.allowedScopes ?? mappingScopes(mapping),
    ...(opts.tokenTtlS !== undefined ? { tokenTtlS: opts.tokenTtlS } : {}),
  });
  const api = simRegisterApi({ persons: opts.persons, oauth, mapping, ...(opts.fault ? { fault: opts.fault } : {}) });

  return {
    /** `ownUrl` is the simulator's own base URL: an assertion's aud names it, or the Host the client used */
    async handle(req: http.IncomingMessage, url: URL, ownUrl: string): Promise<OAuthAnswer | null> {
      if (req.method === 'GET' && url.pathname === '/admin/register-stats') return { status: 200, body: oauth.stats() };
      if (req.method === 'POST' && url.pathname === '/admin/register/revoke-tokens') {
        oauth.revokeAll();
        return { status: 200, body: { revoked: true } };
      }
      if (req.method === 'POST' && (url.pathname === '/oauth2/token' || url.pathname === '/oauth2/introspect')) {
        const raw = await readBodyLimited(req, MAX_FORM_BODY);
        if (raw === null) return { status: 413, body: { error: 'invalid_request' } };
        const scheme = ownUrl.startsWith('https:') ? 'https' : 'http';
        const tokenUrls = [`${ownUrl}/oauth2/token`, `${scheme}://${req.headers.host ?? ''}/oauth2/token`];
        const body = raw.toString('utf8');
        return url.pathname === '/oauth2/token' ? oauth.token(req, body, tokenUrls) : oauth.introspect(req, body, tokenUrls);
      }
      return api.handle(req, url);
    },
  };
}
