import type { z } from 'zod';

/**
 * A small valid instance of a contract input schema, found by walking the zod schema: the seed that
 * the fuzzer mutates into near-valid input. Built from the schema itself, so an operation added to
 * common/contract gets a seed without anyone writing one. Returns undefined when no candidate passes
 * (the fuzz test then reports the operation, rather than silently fuzzing it with garbage only).
 */
// '10000000001': an 11-digit 住民票コード (register-operations.ts); '1234' a PIN and '550217' a 和暦 birth date
// YYMMDD of 照合番号B (chip-operations.ts)
const STRING_CANDIDATES = ['a1', '', 'a', '2026-01-02', 'AAAAAAAAAAAAAAAAAAAA', '123456789018', 'x'.repeat(100), '10000000001', '1234', '550217'];
const NUMBER_CANDIDATES = [1, 0, 10, 19, 100, 1000];

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  in?: z.ZodType;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const passes = (s: z.ZodType, v: unknown): boolean => s.safeParse(v).success;

export function validSample(schema: z.ZodType, withOptional = true): unknown {
  const d = defOf(schema);
  const first = (candidates: unknown[]) => candidates.find((c) => passes(schema, c));
  switch (d.type) {
    case 'string':
      return first(STRING_CANDIDATES);
    case 'number':
      return first(NUMBER_CANDIDATES);
    case 'boolean':
      return true;
    case 'enum':
      return Object.values(d.entries ?? {})[0];
    case 'literal':
      return d.values?.[0];
    case 'optional':
    case 'nullable':
    case 'default':
      return validSample(d.innerType!, withOptional);
    case 'pipe':
      return validSample(d.in!, withOptional);
    case 'array': {
      const item = validSample(d.element!, withOptional);
      return first(item === undefined ? [[]] : [[item], []]);
    }
    case 'record': {
      const key = validSample(d.keyType!, withOptional);
      const value = validSample(d.valueType!, withOptional);
      return first(typeof key === 'string' && value !== undefined ? [{ [key]: value }, {}] : [{}]);
    }
    case 'union':
      for (const o of d.options ?? []) {
        const v = validSample(o, withOptional);
        if (v !== undefined && passes(schema, v)) return v;
      }
      return undefined;
    case 'object': {
      const full: Record<string, unknown> = {};
      const required: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(d.shape ?? {})) {
        const optional = defOf(s).type === 'optional';
        const v = validSample(s, withOptional);
        if (v === undefined) continue;
        if (withOptional || !optional) full[k] = v;
        if (!optional) required[k] = v;
      }
      return first([full, required]);
    }
    default:
      return undefined;
  }
}
