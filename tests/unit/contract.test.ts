import { describe, expect, it } from 'vitest';
import { bindOperations } from '../../common/contract/bridge';
import { OPERATION_NAMES, operations } from '../../common/contract/operations';

describe('the API contract', () => {
  it('binds exactly one function per operation, each to its own channel', async () => {
    const seen: string[] = [];
    const api = bindOperations(async (op) => {
      seen.push(op);
      return { ok: true, value: null };
    });
    expect(Object.keys(api).sort()).toEqual([...OPERATION_NAMES].sort());
    expect(Object.isFrozen(api)).toBe(true);
    for (const name of OPERATION_NAMES) await (api[name] as (i: unknown) => Promise<unknown>)({});
    expect(seen).toEqual(OPERATION_NAMES);
    expect('invoke' in api).toBe(false);
  });

  it('refuses extra fields, wrong types and oversized strings at the boundary', () => {
    const submit = operations.submitApplication.input;
    expect(submit.safeParse({ formId: 'x', values: {} }).success).toBe(true);
    expect(submit.safeParse({ formId: 'x', values: {}, extra: 1 }).success).toBe(false);
    expect(submit.safeParse({ formId: 1, values: {} }).success).toBe(false);
    expect(submit.safeParse({ formId: 'x', values: { a: 'あ'.repeat(2001) } }).success).toBe(false);
    expect(submit.safeParse({ formId: 'x', values: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, 'v'])) }).success).toBe(false);
    expect(operations.getAppInfo.input.safeParse({ x: 1 }).success).toBe(false);
    expect(operations.listQueue.input.safeParse({ limit: 10_000 }).success).toBe(false);
    expect(operations.listQueue.input.safeParse({ status: 'lost' }).success).toBe(false);
    expect(operations.suggestNameReadings.input.safeParse({ family: '髙橋', given: '一郎' }).success).toBe(true);
    expect(operations.suggestNameReadings.input.safeParse({ family: '髙'.repeat(41), given: '' }).success).toBe(false);
    expect(operations.suggestNameReadings.input.safeParse({ family: '髙橋' }).success).toBe(false);
  });
});
