/**
 * Hostile values for the fuzz suite (fast-check arbitraries) and a generator of values from the
 * OpenAPI (JSON Schema) form of the routes' zod contracts, with hostile leaves mixed in.
 */
import fc from 'fast-check';

/** Strings that have broken servers before. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\t\r\n',
  'a'.repeat(100_000),
  '中'.repeat(50_000),
  '\u0000',
  'abc\u0000def',
  '\ud800',
  'x\udfffy',
  '\ud83d',
  '\u202e\u200f\u200e\u2066',
  '\ufeff',
  '👨‍👩‍👧‍👦🏳️‍🌈',
  '𠀀𪚥𫝀',
  'Z̴̡̛̗͓̈́a̸̢̛̖͆l̵̨̰̈g̶̡̦͒o̶̢̔',
  "'; DROP TABLE residents; --",
  "' OR '1'='1",
  '%',
  '_',
  '\\',
  '%_\\%',
  '.*',
  '(?:a+)+$',
  '<script>alert(1)</script>',
  '{"$gt":""}',
  '__proto__',
  'constructor',
  '../../etc/passwd',
  '341881198001011234',
  '34188119800101123X',
  '2024-02-30',
  '9999-12-31',
  '0000-01-01',
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  'a'.repeat(36),
] as const;

export const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.uuid() },
);

export const hostileNumber = fc.oneof(
  fc.constantFrom(-1, 0, -0, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e308, -1e308, 5e-324),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** `depth` nested arrays: [[[…]]]. */
function nested(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** Any JSON value that a contract does not expect. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom([], {}, [{}], [null], { length: 1e9 }, nested(2000)) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'a', '0', ''), hostileString, { maxKeys: 3 }) },
);

/** Fields a caller must never set: ids, ownership, scope keys, derived and audit columns. */
export const MASS_ASSIGNMENT_KEYS = [
  'id',
  'version',
  'communityId',
  'gridId',
  'householdId',
  'residentId',
  'idHash',
  'idCipher',
  'idMasked',
  'status',
  'createdAt',
  'updatedAt',
  'createdBy',
  'passwordHash',
  'role',
  'permissions',
  'path',
  'level',
  '__proto__',
] as const;

/** A JSON Schema as fastify-swagger prints the zod contracts (the subset they use). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  default?: unknown;
}

/**
 * Values of a schema, with a hostile value in place of any part with probability `hostility`.
 * `refs` resolves `$ref`s (components.schemas).
 */
export function fromSchema(schema: JsonSchema, refs: Record<string, JsonSchema>, hostility = 0.2, depth = 0): fc.Arbitrary<unknown> {
  const valid = validFrom(schema, refs, hostility, depth);
  return fc.oneof({ weight: Math.round(hostility * 100), arbitrary: hostileValue }, { weight: Math.round((1 - hostility) * 100), arbitrary: valid });
}

function validFrom(schema: JsonSchema, refs: Record<string, JsonSchema>, hostility: number, depth: number): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const target = refs[schema.$ref.split('/').pop()!];
    return target && depth < 6 ? validFrom(target, refs, hostility, depth + 1) : hostileValue;
  }
  const options = schema.oneOf ?? schema.anyOf;
  if (options?.length) return fc.oneof(...options.map((s) => validFrom(s, refs, hostility, depth + 1)));
  if (schema.allOf?.length) return validFrom(schema.allOf[0], refs, hostility, depth + 1);
  let arb: fc.Arbitrary<unknown>;
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (schema.const !== undefined) arb = fc.constant(schema.const);
  else if (schema.enum?.length) arb = fc.constantFrom(...schema.enum);
  else if (type === 'string') {
    if (schema.format === 'uuid') arb = fc.uuid();
    else if (schema.format === 'date') arb = fc.constantFrom('2024-05-01', '1999-12-31', '2030-01-01');
    else if (schema.format === 'date-time') arb = fc.constantFrom('2024-05-01T00:00:00Z', '2024-05-01T08:00:00+08:00');
    else arb = fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 30, 30) });
  } else if (type === 'integer') arb = fc.integer({ min: Math.max(schema.minimum ?? -1000, -1e9), max: Math.min(schema.maximum ?? 1000, 1e9) });
  else if (type === 'number') arb = fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
  else if (type === 'boolean') arb = fc.boolean();
  else if (type === 'array') arb = depth > 4 ? fc.constant([]) : fc.array(fromSchema(schema.items ?? {}, refs, hostility, depth + 1), { maxLength: 3 });
  else if (type === 'object' || schema.properties) {
    if (depth > 4) arb = fc.constant({});
    else {
      const props = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, fromSchema(s, refs, hostility, depth + 1)]));
      arb = fc.record(props, { requiredKeys: schema.required?.filter((k) => k in props) ?? [] });
    }
  } else arb = hostileValue;
  return schema.nullable ? fc.oneof(fc.constant(null), arb) : arb;
}

/** encodeURIComponent that also sends lone surrogates (as the invalid UTF-8 a hostile client would). */
export function encodeLoose(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      const d = value.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += encodeURIComponent(value.slice(i, i + 2));
        i++;
        continue;
      }
    }
    out += c >= 0xd800 && c <= 0xdfff ? '%ED%A0%80' : encodeURIComponent(value[i]);
  }
  return out;
}
