import { describe, expect, it } from 'vitest';
import type { NormalizeResult } from '../../protocol';
import type { TransferPart } from '../decode-transfer';
import { RAW_EXCERPT_CHARS, rawForPage } from './relay-messages';

const big = 'x'.repeat(RAW_EXCERPT_CHARS * 3);
const head = (result: NormalizeResult): TransferPart => ({
  kind: 'head',
  id: 1,
  result,
  slices: 2,
});
const decoded = { ok: true } as unknown as NormalizeResult;
const refused = { ok: false, reason: 'invalid', detail: 'bad' } as unknown as NormalizeResult;

describe('rawForPage (what of a big frame the page is handed raw)', () => {
  it('[WSOCK-RAW-1] a decoded big frame: only its start, unless the page records', () => {
    expect(rawForPage(head(decoded), big, false)).toBe(big.slice(0, RAW_EXCERPT_CHARS));
    expect(rawForPage(head(decoded), big, true)).toBe(big);
  });

  it('[WSOCK-RAW-2] a big frame that could not be decoded goes whole, for its drop report', () => {
    expect(rawForPage(head(refused), big, false)).toBe(big);
  });
});
