import fc from 'fast-check';

/**
 * Random and hostile input for the bridges and the simulator: what a compromised renderer, a local
 * process on 127.0.0.1 or a broken client could send. Two families:
 *  - `hostileJson`: any JSON value, with hostile strings, keys and numbers mixed in (both bridges);
 *  - `hostileCloneable`: also what Electron's structured clone lets through IPC but JSON cannot carry
 *    (undefined, NaN, ±Infinity, BigInt, Date, Map, Set, typed arrays, null-prototype objects);
 * and `mutateSeed`, near-valid input: one change to a valid input.
 */

/** A My Number with a valid check digit: a hostile value must never echo it back or log it. */
export const SAMPLE_MY_NUMBER = '123456789018';

/** How big a "huge" string is: over every string bound in the contract (20 MB card images excepted). */
const HUGE = 300_000;

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', '\u0000', '\uD800', 'a'.repeat(10_000), SAMPLE_MY_NUMBER, '../..', 'values.__proto__'),
  fc.string({ maxLength: 20 }),
);

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '\u0000',
    'a\u0000b',
    '\uD800',
    '\uDFFF',
    '\uDBFF\uDBFF',
    '\uFEFF',
    '\u202Etxt.exe',
    SAMPLE_MY_NUMBER,
    '１２３４５６７８９０１８',
    '../../../../etc/passwd',
    'C:\\Windows\\win.ini',
    '<script>alert(1)</script>',
    "'; DROP TABLE outbox; --",
    '%00%2e%2e%2f',
    '${process.exit()}',
    '2026-02-30',
    '9999-99-99',
    'a'.repeat(HUGE),
    'あ'.repeat(HUGE / 3),
    '𠮷'.repeat(HUGE / 4),
  ),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: loneSurrogate, minLength: 1, maxLength: 4 }),
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, Number.MIN_SAFE_INTEGER - 2, 2 ** 31, 2 ** 53, 1.5, 5e-324),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** An object whose keys may be `__proto__` & co as own properties (as JSON.parse makes them). */
function objectOf<T>(key: fc.Arbitrary<string>, value: fc.Arbitrary<T>, maxKeys: number): fc.Arbitrary<Record<string, T>> {
  return fc.array(fc.tuple(key, value), { maxLength: maxKeys }).map((entries) => {
    const o: Record<string, T> = {};
    for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
    return o;
  });
}

/** 10,000 levels of arrays or objects: deep enough to break a recursive walk, small as bytes. */
export const deeplyNested: fc.Arbitrary<unknown> = fc.constantFrom('array', 'object').map((kind) => {
  let v: unknown = 1;
  for (let i = 0; i < 10_000; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
});

export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    objectOf(hostileKey, tie('value'), 5),
  ),
})).value;

export const anyJson: fc.Arbitrary<unknown> = fc.oneof(fc.jsonValue({ maxDepth: 4 }), hostileJson);

/** The same nesting as JSON text (JSON.stringify itself would overflow the stack on it). */
export const deeplyNestedJsonText: fc.Arbitrary<string> = fc.constantFrom('[', '{"a":').map((open) => {
  const n = 100_000;
  return open.repeat(n) + (open === '[' ? '1' + ']'.repeat(n) : '1' + '}'.repeat(n));
});

/** Values structured clone carries over Electron IPC that JSON cannot. */
const cloneOnly: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(undefined, NaN, Infinity, -Infinity, 10n ** 30n, new Date(8.64e15), new Date(NaN), new Uint8Array(16), new Map([['caseId', 'a1']]), new Set([1])),
  fc.constant(null).map(() => Object.assign(Object.create(null) as object, { caseId: 'a1' })),
  fc.bigInt(),
);

export const hostileCloneable: fc.Arbitrary<unknown> = fc.oneof(anyJson, deeplyNested, cloneOnly, fc.array(cloneOnly, { maxLength: 3 }), objectOf(hostileKey, cloneOnly, 3));

type Path = (string | number)[];

/** Every place in a JSON-like value where a value sits, the root included. */
function paths(v: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

function setAt(root: unknown, path: Path, f: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  if (path.length === 0) return root;
  let parent = root as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
  f(parent, path[path.length - 1]!);
  return root;
}

export type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'add'; at: number; key: string; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'wrap'; at: number }
  | { kind: 'whole'; value: unknown };

export const mutation = (values: fc.Arbitrary<unknown>): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: values }),
    fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: hostileKey, value: values }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('wrap' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('whole' as const), value: values }),
  );

/** One change to a (JSON) seed: a value replaced, a key added or removed, a value wrapped in an array. */
export function mutateSeed(seed: unknown, m: Mutation): unknown {
  if (m.kind === 'whole') return m.value;
  const copy = structuredClone(seed);
  const all = paths(copy);
  if (m.kind === 'add') {
    const objects = all.filter((p) => {
      const v = p.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], copy);
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    });
    if (objects.length === 0) return copy;
    const at = objects[m.at % objects.length]!;
    const target = at.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], copy) as object;
    Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    return copy;
  }
  const at = all[m.at % all.length]!;
  if (at.length === 0) return m.kind === 'replace' ? m.value : m.kind === 'wrap' ? [copy] : undefined;
  return setAt(copy, at, (parent, key) => {
    if (m.kind === 'replace') parent[key] = m.value;
    else if (m.kind === 'wrap') parent[key] = [parent[key]];
    else if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  });
}
