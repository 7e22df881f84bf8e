/**
 * The decode path of a big snapshot in Node, step by step, on this machine: JSON.parse,
 * normalise + validate (what the socket worker does), and for the validation alone the
 * generated validator against zod's interpreted `safeParse` on the same normalised value.
 * Then the transfer: the slices written in the worker and parsed again on the page.
 *
 *   npx tsx bench/decode.ts [--orders 100000] [--candles 525600] [--runs 3]
 */
import { serverMessages, toWirePosition } from '../src/protocol';
import { normalizeServerMessage } from '../src/protocol/normalize';
import { VALIDATED_SCHEMAS } from '../src/protocol/validated-schemas';
import { generatedValidators } from '../src/protocol/generated-validators';
import { splitForTransfer } from '../src/socket/decode-transfer';
import { sampleAccountSnapshot, sampleCandle, sampleOrder } from '../src/testing/store-samples';
import { numArg } from './lib';

const runs = numArg('runs', 3);
const nOrders = numArg('orders', 100_000);
const nCandles = numArg('candles', 525_600);

const { info, balance, positions } = sampleAccountSnapshot('A-10001');
const orders = Array.from({ length: nOrders }, (_, i) => sampleOrder({ ordId: `O-${i}` }));
const account = JSON.stringify(
  serverMessages.subscribed(
    's1',
    'account',
    { accountId: 'A-10001' },
    { ...info, ...balance, positions: positions.map(toWirePosition), orders: [], ordersV2: orders },
    0,
  ),
);
const candles = Array.from({ length: nCandles }, (_, i) => sampleCandle(1_700_000_000 + i * 60));
const pnl = JSON.stringify(
  serverMessages.subscribed('s2', 'pnl', { accountId: 'A-10001' }, { candles }, 0),
);

const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const out = fn();
  return [out, performance.now() - t];
};
const f = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;

for (const [label, frame, schema] of [
  [`${nOrders.toLocaleString('en-US')} orders`, account, 'accountSnapshot'],
  [`${nCandles.toLocaleString('en-US')} candles`, pnl, 'pnlSnapshot'],
] as const) {
  console.log(`\n${label} (${(frame.length / 1e6).toFixed(1)} MB of JSON)`);
  console.log('   parse  normalise+validate  (validate: generated | zod)  slices written  parsed');
  for (let r = 0; r < runs; r++) {
    const [value, parse] = time(() => JSON.parse(frame) as unknown);
    const [result, normalise] = time(() => normalizeServerMessage(value));
    if (!result.ok || result.message.kind !== 'subscribed') throw new Error('not decoded');
    const snapshot = result.message.snapshot;
    const [, generated] = time(() => generatedValidators[schema](snapshot));
    const [, zod] = time(() => VALIDATED_SCHEMAS[schema].safeParse(snapshot));
    const [parts, written] = time(() => [...splitForTransfer(1, result)]);
    const [, parsed] = time(() => {
      for (const p of parts) if (p.kind === 'slice') JSON.parse(p.json);
    });
    console.log(
      `  ${f(parse)}  ${f(normalise)}            ${f(generated)} | ${f(zod)}   ${f(written)}  ${f(parsed)}`,
    );
  }
}
