import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectedValidators, GENERATED_PATH } from './gen-validators';
import { renderValidators } from './validator-codegen';

describe('gen-validators', () => {
  it('[GEN-1] the committed validators are what the schemas generate now (run npm run gen:validators)', async () => {
    expect(await readFile(GENERATED_PATH, 'utf8')).toBe(await expectedValidators());
  });

  it.each([
    ['a date', z.object({ d: z.date() })],
    ['a default', z.object({ s: z.string().default('x') })],
    ['a transform', z.object({ s: z.string().transform((s) => s.length) })],
    ['a max length', z.object({ s: z.string().max(3) })],
    ['a record', z.object({ r: z.record(z.string(), z.string()) })],
    ['a catchall', z.object({}).catchall(z.string())],
    ['a global regex', z.object({ s: z.string().regex(/a/g) })],
  ])('[GEN-2] refuses a schema it cannot compile exactly (%s)', (_, schema) => {
    expect(() => renderValidators({ s: schema }, 'test')).toThrow();
  });
});
