import { z } from 'zod';

/**
 * Where in the input a schema issue sits, for the log, naming only what the schema itself defines:
 * field names and array positions. A record's keys come from the caller (form field keys, answers) and
 * may be anything a caller typed, a 個人番号 included, so each is written `*`.
 */
export function issuePath(schema: z.ZodType, path: readonly PropertyKey[]): string {
  const out: string[] = [];
  let s: z.ZodType | undefined = schema;
  for (const seg of path) {
    s = s && unwrap(s);
    if (s instanceof z.ZodObject && typeof seg === 'string' && Object.hasOwn(s.shape, seg)) {
      out.push(seg);
      s = s.shape[seg] as z.ZodType;
    } else if (s instanceof z.ZodArray && typeof seg === 'number') {
      out.push(String(seg));
      s = s.element as z.ZodType;
    } else if (s instanceof z.ZodRecord) {
      out.push('*');
      s = s.valueType as z.ZodType;
    } else if (s instanceof z.ZodUnion) {
      // which option the caller meant is not known: name the place no further
      out.push('*');
      s = undefined;
    } else {
      out.push(typeof seg === 'number' ? String(seg) : '*');
      s = undefined;
    }
  }
  return out.join('.');
}

function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (let i = 0; i < 10; i++) {
    if (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable) cur = cur.unwrap() as z.ZodType;
    else if (cur instanceof z.ZodPipe) cur = cur.in as z.ZodType;
    else break;
  }
  return cur;
}
