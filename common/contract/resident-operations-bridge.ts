import type { z } from 'zod';
import type { Result } from './result';
import type { residentOperations } from './resident-operations';

/**
 * The resident page's operation names and bridge, free of zod values (types only), so the resident window's
 * sandboxed preload stays small. resident-operations.ts holds the schemas.
 */
export const RESIDENT_OPERATION_NAMES = ['getResidentDisplay', 'submitChipPin', 'submitResidentPhone'] as const;
export type ResidentOperationName = (typeof RESIDENT_OPERATION_NAMES)[number];

export function isResidentOperationName(name: string): name is ResidentOperationName {
  return (RESIDENT_OPERATION_NAMES as readonly string[]).includes(name);
}

type Ops = typeof residentOperations;
export type ResidentApi = {
  [K in ResidentOperationName]: (input: z.input<Ops[K]['input']>) => Promise<Result<z.output<Ops[K]['output']>>>;
};

export type ResidentTransport = (operation: ResidentOperationName, input: unknown) => Promise<Result<unknown>>;

export function bindResidentOperations(transport: ResidentTransport): ResidentApi {
  const api: Record<string, (input: unknown) => Promise<Result<unknown>>> = {};
  for (const name of RESIDENT_OPERATION_NAMES) api[name] = (input: unknown) => transport(name, input);
  return Object.freeze(api) as ResidentApi;
}
