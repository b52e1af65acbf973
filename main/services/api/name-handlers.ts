import { ok } from '../../../common/contract/result';
import type { NameReadings } from '../../../common/names/name-readings';
import type { Handlers } from './handlers';

/**
 * ふりがな suggestions for a family and a given name; nothing known gives empty lists, never an error.
 * `names` may be a getter: the tables are then read on the first call that needs them, not at start-up.
 */
export function createNameHandlers(names: NameReadings | (() => NameReadings) | undefined): Pick<Handlers, 'suggestNameReadings'> {
  const get = (): NameReadings | undefined => (typeof names === 'function' ? names() : names);
  return {
    suggestNameReadings: ({ family, given }) => {
      const n = get();
      return ok({ family: n?.suggest(family, '姓') ?? [], given: n?.suggest(given, '名') ?? [] });
    },
  };
}
