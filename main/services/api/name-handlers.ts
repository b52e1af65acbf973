import { ok } from '../../../common/contract/result';
import type { NameReadings } from '../../../common/names/name-readings';
import type { Handlers } from './handlers';

/** ふりがな suggestions for a family and a given name; nothing known gives empty lists, never an error. */
export function createNameHandlers(names: NameReadings | undefined): Pick<Handlers, 'suggestNameReadings'> {
  return {
    suggestNameReadings: ({ family, given }) =>
      ok({ family: names?.suggest(family, '姓') ?? [], given: names?.suggest(given, '名') ?? [] }),
  };
}
