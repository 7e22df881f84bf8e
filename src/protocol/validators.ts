/**
 * Validation of normalised frames: the generated standalone validators decide (no zod work on
 * the accepted path, and no runtime code generation, which the CSP forbids); zod, the source
 * of truth, is asked only to explain a value the generated code refused. A property test
 * (validators-equivalence.test.ts) holds the two to the same verdicts and output.
 */
import type { z } from './zod';
import { generatedValidators } from './generated-validators';
import { VALIDATED_SCHEMAS, type ValidatedName } from './validated-schemas';

export type Validated<N extends ValidatedName> = z.output<(typeof VALIDATED_SCHEMAS)[N]>;

export type ValidationResult<N extends ValidatedName> =
  { success: true; data: Validated<N> } | { success: false; path: PropertyKey[]; message: string };

/** What zod's `safeParse` would return for `value` against the schema named `name`. */
export function validateAs<N extends ValidatedName>(name: N, value: unknown): ValidationResult<N> {
  const fast = generatedValidators[name](value);
  if (fast !== undefined) return { success: true, data: fast as Validated<N> };
  const r = VALIDATED_SCHEMAS[name].safeParse(value);
  if (r.success) return { success: true, data: r.data as Validated<N> };
  const issue = r.error.issues[0];
  return { success: false, path: issue?.path ?? [], message: issue?.message ?? 'invalid' };
}
