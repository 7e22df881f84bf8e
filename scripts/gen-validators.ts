/**
 * Writes src/protocol/generated-validators.ts from the schemas in
 * src/protocol/validated-schemas.ts (see validator-codegen.ts).
 *
 *   npm run gen:validators            write it
 *   npm run gen:validators -- --check exit 1 if the committed file is stale
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { VALIDATED_SCHEMAS } from '../src/protocol/validated-schemas';
import { renderValidators } from './validator-codegen';

export const GENERATED_PATH = fileURLToPath(
  new URL('../src/protocol/generated-validators.ts', import.meta.url),
);

/** The file's expected contents, formatted as the repo formats TypeScript. */
export async function expectedValidators(): Promise<string> {
  const text = renderValidators(VALIDATED_SCHEMAS, 'src/protocol/validated-schemas.ts');
  const config = (await resolveConfig(GENERATED_PATH)) ?? {};
  return format(text, { ...config, filepath: GENERATED_PATH });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const expected = await expectedValidators();
  if (process.argv.includes('--check')) {
    const current = await readFile(GENERATED_PATH, 'utf8').catch(() => '');
    if (current !== expected) {
      console.error('src/protocol/generated-validators.ts is stale: run npm run gen:validators');
      process.exit(1);
    }
  } else {
    await writeFile(GENERATED_PATH, expected);
    console.log(`wrote ${GENERATED_PATH}`);
  }
}
