import fs from 'node:fs';
import type http from 'node:http';
import { httpRequest } from './http-client';

export type AuthConfig =
  | { type: 'none' }
  /** a fixed token issued to this terminal; from the config or a file only IT can read */
  | { type: 'bearer'; token?: string | undefined; tokenFile?: string | undefined }
  /** OAuth 2.0 client credentials: a fresh token is fetched when the old one is refused */
  | { type: 'client-credentials'; tokenUrl: string; clientId: string; clientSecret?: string | undefined; clientSecretFile?: string | undefined };

/** The token endpoint refused our credentials: a configuration problem, not a network one. */
export class TokenRefusedError extends Error {}

export interface TokenProvider {
  /** the Authorization header value, or null for none */
  header(): Promise<string | null>;
  /** the back end said 401: forget the token; true when a new one can be fetched */
  invalidate(): boolean;
}

function readSecret(value: string | undefined, file: string | undefined): string {
  if (value) return value;
  if (file) return fs.readFileSync(file, 'utf8').trim();
  throw new Error('認証情報（トークンまたはシークレット）が設定されていません');
}

export function tokenProvider(auth: AuthConfig, agent: http.Agent, timeoutMs: number): TokenProvider {
  switch (auth.type) {
    case 'none':
      return { header: async () => null, invalidate: () => false };
    case 'bearer': {
      return { header: async () => `Bearer ${readSecret(auth.token, auth.tokenFile)}`, invalidate: () => false };
    }
    case 'client-credentials': {
      let current: Promise<string> | null = null;
      const fetchToken = async (): Promise<string> => {
        const res = await httpRequest(auth.tokenUrl, {
          method: 'POST',
          agent,
          timeoutMs,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ grant_type: 'client_credentials', client_id: auth.clientId, client_secret: readSecret(auth.clientSecret, auth.clientSecretFile) }),
        });
        let json: { access_token?: unknown } = {};
        try {
          json = JSON.parse(res.body || '{}') as { access_token?: unknown };
        } catch {
          // handled below as a refusal
        }
        if (res.status !== 200 || typeof json.access_token !== 'string') throw new TokenRefusedError(`token endpoint answered HTTP ${res.status}`);
        return json.access_token;
      };
      return {
        header: async () => {
          // one request for a token at a time, however many deliveries are waiting for it
          current ??= fetchToken().catch((err: unknown) => {
            current = null;
            throw err;
          });
          return `Bearer ${await current}`;
        },
        invalidate: () => {
          current = null;
          return true;
        },
      };
    }
  }
}
