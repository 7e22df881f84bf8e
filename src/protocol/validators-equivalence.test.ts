/**
 * The generated validators against zod, the source of truth: for values built from each
 * schema (valid ones, and ones broken at any depth), both accept or both refuse, and what is
 * accepted comes out equal, absent and undefined keys included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from './zod';
import { generatedValidators } from './generated-validators';
import { VALIDATED_SCHEMAS, type ValidatedName } from './validated-schemas';
import { validateAs } from './validators';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
  format?: string;
  checks?: Array<{ _zod: { def: { check: string; format?: string } } }>;
};
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const isoDateTime = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString());
const dateTimes = isoDateTime.chain((s) =>
  fc.constantFrom(s, s.replace('Z', '+05:30'), s.replace(/\.\d+Z$/, 'Z')),
);
const badDateTimes = isoDateTime.chain((s) =>
  fc.constantFrom(s.replace('Z', ''), s.slice(0, 10), s.replace('T', ' '), '2024-02-30T00:00:00Z'),
);
const decimals = fc.oneof(
  fc.integer().map(String),
  fc.tuple(fc.integer(), fc.nat()).map(([a, b]) => `${a}.${b}`),
);
const badDecimals = fc.oneof(
  fc.constantFrom('1.', '.5', '1e5', '-', '', ' 1', '1.2.3', '--1', 'NaN'),
  fc.double().map(String),
);
const junk = fc.oneof(fc.anything(), fc.constantFrom(undefined, null, NaN, Infinity, -0, [], {}));

/** A value `schema` accepts (optional keys absent or undefined, unknown keys added). */
function valid(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string': {
      const checks = (def.checks ?? []).map((c) => c._zod.def);
      if (def.format === 'datetime') return dateTimes;
      if (def.format === 'date') return isoDateTime.map((s) => s.slice(0, 10));
      if (checks.some((c) => c.format === 'regex')) return decimals;
      return fc.string({ minLength: 1, maxLength: 4 });
    }
    case 'number':
      return fc.nat({ max: 1e6 });
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries!));
    case 'literal':
      return fc.constantFrom(...def.values!);
    case 'union':
      return fc.oneof(...def.options!.map(valid));
    case 'optional':
      return fc.oneof(valid(def.innerType!), fc.constant(undefined));
    case 'nonoptional':
      return valid(def.innerType!).filter((v) => v !== undefined);
    case 'array':
      return fc.array(valid(def.element!), { maxLength: 3 });
    case 'object':
      return object(def, -1);
    default:
      throw new Error(`no arbitrary for ${def.type}`);
  }
}

/** A value that is wrong in itself (nearly right or wholly wrong), for the node `schema`. */
function wrong(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string': {
      const checks = (def.checks ?? []).map((c) => c._zod.def);
      if (def.format === 'datetime') return fc.oneof(badDateTimes, junk);
      if (def.format === 'date') return fc.oneof(badDateTimes, dateTimes, junk);
      if (checks.some((c) => c.format === 'regex')) return fc.oneof(badDecimals, junk);
      return fc.oneof(fc.constant(''), junk);
    }
    case 'number':
      return fc.oneof(fc.double(), fc.constantFrom(2 ** 53, -(2 ** 53), 1.5, -1, -0, '1'), junk);
    case 'boolean':
      return fc.oneof(fc.constantFrom(0, 'true'), junk);
    case 'enum':
    case 'literal':
      return fc.oneof(fc.constantFrom('', 'buy', 'X', 'option'), junk);
    case 'union':
      return fc.oneof(...def.options!.map(wrong));
    case 'optional':
    case 'nonoptional':
      return fc.oneof(wrong(def.innerType!), fc.constant(undefined));
    case 'array':
    case 'object':
      return fc.oneof(fc.constantFrom(null, [], {}, 'x', 0), junk);
    default:
      throw new Error(`no arbitrary for ${def.type}`);
  }
}

type Step = string | typeof ELEMENT;
const ELEMENT = Symbol('element');

/** Every place in `schema` a defect can be put: each key at any depth, each array's element. */
function places(schema: z.ZodType, at: Step[] = []): Step[][] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nonoptional':
      return places(def.innerType!, at);
    case 'array':
      return [at, ...places(def.element!, [...at, ELEMENT])];
    case 'object':
      return [at, ...Object.entries(def.shape!).flatMap(([k, field]) => places(field, [...at, k]))];
    default:
      return [at];
  }
}

/** A value of `schema` that is valid except at `place`. */
function wrongAt(schema: z.ZodType, place: Step[]): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (place.length === 0) return wrong(schema);
  const [step, ...rest] = place;
  switch (def.type) {
    case 'optional':
    case 'nonoptional':
      return wrongAt(def.innerType!, place);
    case 'array':
      return fc
        .tuple(
          fc.array(valid(def.element!), { maxLength: 3 }),
          wrongAt(def.element!, rest),
          fc.nat(),
        )
        .map(([items, bad, i]) => {
          const out = [...items];
          out.splice(i % (items.length + 1), 0, bad);
          return out;
        });
    case 'object': {
      const keys = Object.keys(def.shape!);
      const bad = keys.indexOf(step as string);
      const field = def.shape![step as string]!;
      return object(
        def,
        bad,
        rest.length === 0
          ? fc.oneof(wrongAt(field, rest), fc.constant(ABSENT))
          : wrongAt(field, rest),
      );
    }
    default:
      throw new Error(`cannot descend into ${def.type}`);
  }
}

/** An object of `def`'s shape, valid except (when `bad` ≥ 0) at its `bad`-th key. */
function object(def: Def, bad: number, badValue?: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const entries = Object.entries(def.shape!).map(([k, s], i) => {
    const optional = defOf(s).type === 'optional';
    const value =
      i === bad && badValue
        ? badValue
        : optional
          ? fc.oneof(valid(s), fc.constant(ABSENT))
          : valid(s);
    return [k, value] as const;
  });
  return fc
    .tuple(
      fc.tuple(...entries.map(([, a]) => a)),
      fc.dictionary(fc.constantFrom('extra', 'legs2', 'Qty'), fc.anything(), { maxKeys: 2 }),
    )
    .map(([values, extra]) => {
      const out: Record<string, unknown> = { ...extra };
      entries.forEach(([k], i) => {
        if (values[i] !== ABSENT) out[k] = values[i];
      });
      return out;
    });
}

const ABSENT = Symbol('absent');

const order = {
  ordId: 'O-1',
  clOrdId: 'C-1',
  accountId: 'A-10001',
  symbol: 'AAPL',
  side: 'BUY',
  type: 'LIMIT',
  timeInForce: 'DAY',
  qty: '100',
  price: '189.50',
  stopPrice: '180',
  ordStatus: 'NEW',
  cumQty: '0',
  leavesQty: '100',
  currency: 'USD',
  securityType: 'EQUITY',
  category: 'SINGLE_LEG',
  legs: [],
  createdAt: '2026-01-02T14:30:00.000Z',
  updatedAt: '2026-01-02T14:30:00.000Z',
};
const sampleOrder = () => ({ ...order });

const names = Object.keys(VALIDATED_SCHEMAS) as ValidatedName[];

describe('generated validators ≡ zod', () => {
  const agree = (schema: z.ZodType, name: ValidatedName, value: unknown): boolean => {
    const fast = generatedValidators[name](value);
    const slow = schema.safeParse(value);
    expect(fast !== undefined).toBe(slow.success);
    if (slow.success) expect(fast).toStrictEqual(slow.data);
    return slow.success;
  };

  it.each(names)('[VALID-1] %s: valid values are accepted by both, with equal output', (name) => {
    const schema = VALIDATED_SCHEMAS[name] as z.ZodType;
    fc.assert(
      fc.property(valid(schema), (value) => void expect(agree(schema, name, value)).toBe(true)),
      { numRuns: 200 },
    );
  });

  it.each(names)(
    '[VALID-2] %s: a defect at any key, at any depth, gets the same verdict from both',
    (name) => {
      const schema = VALIDATED_SCHEMAS[name] as z.ZodType;
      let refused = 0;
      for (const place of places(schema)) {
        fc.assert(
          fc.property(wrongAt(schema, place), (value) => {
            if (!agree(schema, name, value)) refused++;
          }),
          { numRuns: 25 },
        );
      }
      // Most defects are real ones (a few near-misses are still valid, e.g. an omitted option).
      expect(refused).toBeGreaterThan(places(schema).length * 4);
    },
  );

  it('[VALID-3] accepted output is a fresh object without unknown keys; optional keys keep absent vs undefined', () => {
    const order = { ...sampleOrder(), extra: 1, price: undefined };
    delete (order as Partial<typeof order>).stopPrice;
    const out = generatedValidators.order(order) as Record<string, unknown>;
    expect(out).not.toBe(order);
    expect('extra' in out).toBe(false);
    expect('price' in out && out.price === undefined).toBe(true);
    expect('stopPrice' in out).toBe(false);
  });

  it('[VALID-4] a refusal carries zod’s own path and message', () => {
    const r = validateAs('order', { ...sampleOrder(), qty: '1e5' });
    expect(r).toEqual({
      success: false,
      path: ['qty'],
      message: 'expected a decimal string such as "125000.00"',
    });
    expect(validateAs('order', sampleOrder())).toEqual({ success: true, data: sampleOrder() });
  });
});
