import type { Result } from './result';
import { OPERATION_NAMES, type OperationName } from './operation-names';
import type { OpInput, OpOutput } from './operations';

/**
 * What the renderer sees as `window.ichimado`: one function per operation, nothing generic.
 * The renderer cannot choose a channel; each function is bound to its own.
 */
export type IchimadoApi = {
  [K in OperationName]: (input: OpInput<K>) => Promise<Result<OpOutput<K>>>;
};

/** How a bridge moves one call: IPC in Electron, HTTP in browser mode. */
export type Transport = (operation: OperationName, input: unknown) => Promise<Result<unknown>>;

/** Builds the bridge object from a transport. Both bridges use it and `satisfies IchimadoApi`. */
export function bindOperations(transport: Transport): IchimadoApi {
  const api: Record<string, (input: unknown) => Promise<Result<unknown>>> = {};
  for (const name of OPERATION_NAMES) {
    api[name] = (input: unknown) => transport(name, input);
  }
  return Object.freeze(api) as IchimadoApi;
}
