import { describe, expect, it } from 'vitest';
import type { NormalizeResult } from '../protocol';
import { sampleAccountSnapshot, sampleOrder } from '../testing/store-samples';
import { splitForTransfer, TransferAssembler } from './decode-transfer';

const through = (result: NormalizeResult, slice: number) => {
  // Structured clone, as postMessage does, so no part shares objects with the original.
  const parts = [...splitForTransfer(7, result, slice)].map((p) => structuredClone(p));
  const assembler = new TransferAssembler();
  const outputs = parts.map((p) => assembler.add(p));
  return { parts, outputs };
};

describe('decode transfer', () => {
  it('[XFER-1] a big snapshot crosses in slices and is reassembled exactly, in order', () => {
    const orders = Array.from({ length: 5_001 }, (_, i) => sampleOrder({ ordId: `O-${i}` }));
    const result: NormalizeResult = {
      ok: true,
      serverTime: 42,
      message: {
        kind: 'subscribed',
        id: 's1',
        topic: 'account',
        snapshot: sampleAccountSnapshot('A-1', { orders }),
      },
    };
    const { parts, outputs } = through(result, 2_000);
    expect(parts.map((p) => p.kind)).toEqual(['head', 'slice', 'slice', 'slice']);
    expect(outputs.slice(0, -1)).toEqual([undefined, undefined, undefined]);
    expect(outputs.at(-1)).toEqual(result);
  });

  it('[XFER-2] small messages and drops cross as one part', () => {
    const drop: NormalizeResult = { ok: false, reason: 'not-json', detail: 'bad' };
    const pong: NormalizeResult = { ok: true, message: { kind: 'pong', id: 'p' } };
    for (const r of [drop, pong]) {
      const { parts, outputs } = through(r, 2);
      expect(parts).toHaveLength(1);
      expect(outputs).toEqual([r]);
    }
  });

  it('[XFER-4] parts are cut one at a time: the head and each slice before the next slice is written', () => {
    let written = 0;
    const orders = Array.from({ length: 5 }, (_, i) => ({
      ...sampleOrder({ ordId: `O-${i}` }),
      toJSON(this: object) {
        written++;
        return { ...this, toJSON: undefined };
      },
    }));
    const result: NormalizeResult = {
      ok: true,
      message: {
        kind: 'subscribed',
        topic: 'account',
        snapshot: sampleAccountSnapshot('A-1', { orders }),
      },
    };
    const parts = splitForTransfer(1, result, 2);
    expect(parts.next().value).toMatchObject({ kind: 'head', slices: 3 });
    expect(written).toBe(0);
    expect(parts.next().value).toMatchObject({ kind: 'slice', field: 'orders' });
    expect(written).toBe(2);
    expect([...parts]).toHaveLength(2);
    expect(written).toBe(5);
  });

  it('[XFER-3] a slice of another frame is ignored', () => {
    const assembler = new TransferAssembler();
    expect(assembler.add({ kind: 'slice', id: 3, field: 'orders', json: '[1]' })).toBeUndefined();
  });
});
