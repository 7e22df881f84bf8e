/**
 * Compiles zod schemas into standalone TypeScript validators, ahead of time: the app's CSP
 * forbids `new Function`, so zod can only interpret its schemas in the browser, which is most
 * of the cost of decoding a big snapshot. Each generated function returns what zod's
 * `safeParse` would put in `data` (unknown keys stripped, an optional key kept when present),
 * or undefined where zod would fail. Only the schema kinds the protocol uses are supported;
 * anything else stops the generator rather than being checked loosely.
 */
import type { z } from 'zod';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, unknown>;
  values?: unknown[];
  checks?: Array<{ _zod: { def: CheckDef } }>;
  format?: string;
  pattern?: RegExp;
  catchall?: unknown;
  coerce?: boolean;
};
type CheckDef = {
  check: string;
  minimum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
};

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

class Emitter {
  private readonly objectFns = new Map<z.ZodType, string>();
  private readonly regexes = new Map<string, string>();
  readonly helpers: string[] = [];
  private temp = 0;

  private fresh(prefix: string): string {
    return `${prefix}${++this.temp}`;
  }

  private regex(re: RegExp): string {
    if (re.global || re.sticky) throw new Error(`stateful regex ${re} not supported`);
    const literal = re.toString();
    let name = this.regexes.get(literal);
    if (!name) {
      name = `RE_${this.regexes.size + 1}`;
      this.regexes.set(literal, name);
    }
    return name;
  }

  /** The regex constants, declared once at the top of the module. */
  regexDeclarations(): string[] {
    return [...this.regexes].map(([literal, name]) => `const ${name} = ${literal};`);
  }

  /** A boolean expression for a schema whose output is its input (a primitive), else null. */
  private primitiveCondition(schema: z.ZodType, x: string): string | null {
    const def = defOf(schema);
    if (def.coerce) throw new Error('coercing schemas are not supported');
    switch (def.type) {
      case 'string': {
        const parts = [`typeof ${x} === 'string'`];
        if (def.format !== undefined) {
          if (!def.pattern) throw new Error(`string format ${def.format} without a pattern`);
          parts.push(`${this.regex(def.pattern)}.test(${x})`);
        }
        for (const c of def.checks ?? []) parts.push(this.stringCheck(c._zod.def, x));
        return parts.join(' && ');
      }
      case 'number': {
        const parts = [`typeof ${x} === 'number'`, `Number.isFinite(${x})`];
        for (const c of def.checks ?? []) parts.push(this.numberCheck(c._zod.def, x));
        return parts.join(' && ');
      }
      case 'boolean':
        if (def.checks?.length) throw new Error('boolean checks are not supported');
        return `typeof ${x} === 'boolean'`;
      case 'enum':
      case 'literal': {
        const values = def.type === 'enum' ? Object.values(def.entries ?? {}) : (def.values ?? []);
        if (values.some((v) => typeof v !== 'string' && typeof v !== 'number'))
          throw new Error('only string and number enum values are supported');
        return `(${values.map((v) => `${x} === ${JSON.stringify(v)}`).join(' || ')})`;
      }
      case 'optional':
      case 'nonoptional': {
        const inner = this.primitiveCondition(def.innerType!, x);
        if (inner === null) return null;
        return def.type === 'optional'
          ? `(${x} === undefined || (${inner}))`
          : `(${x} !== undefined && (${inner}))`;
      }
      case 'union': {
        const options = (def.options ?? []).map((o) => this.primitiveCondition(o, x));
        if (options.some((o) => o === null)) return null;
        return `(${options.map((o) => `(${o})`).join(' || ')})`;
      }
      default:
        return null;
    }
  }

  private stringCheck(c: CheckDef, x: string): string {
    switch (c.check) {
      case 'min_length':
        return `${x}.length >= ${c.minimum}`;
      case 'string_format':
        if (c.format !== 'regex' || !c.pattern) throw new Error(`string format ${c.format}`);
        return `${this.regex(c.pattern)}.test(${x})`;
      default:
        throw new Error(`string check ${c.check} not supported`);
    }
  }

  private numberCheck(c: CheckDef, x: string): string {
    switch (c.check) {
      case 'number_format':
        if (c.format !== 'safeint') throw new Error(`number format ${c.format} not supported`);
        return `Number.isSafeInteger(${x})`;
      case 'greater_than':
        return `${x} ${c.inclusive ? '>=' : '>'} ${c.value}`;
      default:
        throw new Error(`number check ${c.check} not supported`);
    }
  }

  /**
   * Statements that check the value in `x` (a plain identifier) and leave its output in the
   * returned expression; each failure returns undefined from the enclosing function.
   */
  value(schema: z.ZodType, x: string, out: string[]): string {
    const cond = this.primitiveCondition(schema, x);
    if (cond !== null) {
      out.push(`if (!(${cond})) return undefined;`);
      return x;
    }
    const def = defOf(schema);
    if ((def.checks ?? []).length) throw new Error(`${def.type} checks are not supported`);
    switch (def.type) {
      case 'object': {
        const fn = this.objectFn(schema);
        const o = this.fresh('o');
        out.push(`const ${o} = ${fn}(${x});`, `if (${o} === undefined) return undefined;`);
        return o;
      }
      case 'array': {
        const a = this.fresh('a');
        const i = this.fresh('i');
        const e = this.fresh('e');
        const body: string[] = [];
        const result = this.value(def.element!, e, body);
        out.push(
          `if (!Array.isArray(${x})) return undefined;`,
          `const ${a}: unknown[] = new Array(${x}.length);`,
          `for (let ${i} = 0; ${i} < ${x}.length; ${i}++) {`,
          `const ${e}: unknown = ${x}[${i}];`,
          ...body,
          `${a}[${i}] = ${result};`,
          `}`,
        );
        return a;
      }
      default:
        throw new Error(`schema type ${def.type} not supported here`);
    }
  }

  /** A named function for an object schema (one per schema instance). */
  objectFn(schema: z.ZodType): string {
    const known = this.objectFns.get(schema);
    if (known) return known;
    const def = defOf(schema);
    if (def.type !== 'object') throw new Error(`expected an object schema, got ${def.type}`);
    if (def.catchall !== undefined) throw new Error('catchall objects are not supported');
    const name = `object${this.objectFns.size + 1}`;
    this.objectFns.set(schema, name);
    const body: string[] = [
      `if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;`,
      `const input = v as Record<string, unknown>;`,
      `const out: Record<string, unknown> = {};`,
    ];
    for (const [key, field] of Object.entries(def.shape ?? {})) {
      if (key === '__proto__') throw new Error('a __proto__ key is not supported');
      const k = JSON.stringify(key);
      const fieldDef = defOf(field);
      const x = this.fresh('x');
      if (fieldDef.type === 'optional') {
        // zod: an absent key stays absent; a present one (even undefined) is checked and kept.
        const inner: string[] = [];
        const result = this.value(fieldDef.innerType!, x, inner);
        body.push(
          `if (${k} in input) {`,
          `const ${x} = input[${k}];`,
          `if (${x} === undefined) out[${k}] = undefined;`,
          `else {`,
          ...inner,
          `out[${k}] = ${result};`,
          `}`,
          `}`,
        );
      } else {
        body.push(`const ${x} = input[${k}];`);
        const result = this.value(field, x, body);
        body.push(`out[${k}] = ${result};`);
      }
    }
    body.push('return out;');
    this.helpers.push(`function ${name}(v: unknown): Record<string, unknown> | undefined {`);
    this.helpers.push(...body, '}');
    return name;
  }
}

/** The module text (unformatted) exporting one validator per named object schema. */
export function renderValidators(schemas: Record<string, z.ZodType>, source: string): string {
  const emitter = new Emitter();
  const exports = Object.entries(schemas).map(
    ([name, schema]) => `  ${name}: ${emitter.objectFn(schema)},`,
  );
  return [
    `// Generated by scripts/gen-validators.ts from ${source}; do not edit.`,
    `// Regenerate with \`npm run gen:validators\` (a unit test fails when this is stale).`,
    '',
    ...emitter.regexDeclarations(),
    '',
    ...emitter.helpers,
    '',
    'export const generatedValidators = {',
    ...exports,
    '};',
    '',
  ].join('\n');
}
