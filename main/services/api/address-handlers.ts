import { ok } from '../../../common/contract/result';
import type { AddressMaster } from '../../../common/address/address-master';
import { lookupPostalCode, postalCodesForAddress } from '../../../common/address/postal-lookup';
import type { Handlers } from './handlers';

/**
 * 郵便番号 ⇄ 住所 from the address master the card reader also uses (one copy in memory). `addresses` is a
 * getter: the master is read on the first call that needs it. Without the files (null) every answer is
 * empty, never an error: the clerk types the address as before.
 */
export function createAddressHandlers(addresses: (() => AddressMaster | null) | undefined): Pick<Handlers, 'lookupPostalCode' | 'suggestPostalCode'> {
  const get = (): AddressMaster | null => addresses?.() ?? null;
  return {
    lookupPostalCode: ({ postalCode }) => {
      const m = get();
      return ok(m ? lookupPostalCode(m, postalCode) : { postalCode: '', address: '', towns: [] });
    },
    suggestPostalCode: ({ address }) => {
      const m = get();
      return ok(m ? postalCodesForAddress(m, address) : { postalCodes: [], place: '' });
    },
  };
}
