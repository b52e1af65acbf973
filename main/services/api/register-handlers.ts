import { fail, type Result } from '../../../common/contract/result';
import type { Handlers } from './handlers';
import type { RegisterClient } from '../register/register-client';
import { RegisterMappingError } from '../register/register-mapping-file';
import type { Logger } from '../log';

export const REGISTER_NOT_CONFIGURED = '住民基本台帳の照会は設定されていません（設定ファイルの register）。手入力で続けられます。';

/**
 * 住基照会 for the counter: search and household. The register client is made on first use, so a wrong
 * mapping file is a message to the clerk (and a log line for IT), not a failed start. Nothing looked up
 * is stored here; the audit entry (audited-operations.ts) records who looked up and how many were found.
 */
export function createRegisterHandlers(
  register: (() => RegisterClient) | undefined,
  log: Logger,
): Pick<Handlers, 'searchResidents' | 'getRegisterHousehold'> {
  const withClient = async <T>(use: (c: RegisterClient) => Promise<Result<T>>): Promise<Result<T>> => {
    if (!register) return fail({ code: 'REGISTER_UNAVAILABLE', reason: 'not-configured', message: REGISTER_NOT_CONFIGURED });
    let client: RegisterClient;
    try {
      client = register();
    } catch (err) {
      if (!(err instanceof RegisterMappingError)) throw err;
      log('error', 'register.mapping_invalid', { detail: err.message });
      return fail({ code: 'REGISTER_UNAVAILABLE', reason: 'config', message: `${err.message}。情報担当に確認を依頼してください。手入力で続けられます。` });
    }
    return use(client);
  };
  return {
    searchResidents: async (q) => {
      const r = await withClient((c) => c.searchResidents(q));
      return r.ok ? { ok: true, value: { persons: r.value } } : r;
    },
    getRegisterHousehold: ({ residentCode }) => withClient((c) => c.householdWithStatus(residentCode)),
  };
}
