/**
 * The pnl `subscribed` frame as bytes. A year of 1m candles is 65 MB of JSON; as objects for
 * JSON.stringify, then a string for the socket to encode, it cost more than computing the
 * candles. So the candles come from the series already as JSON bytes, and only the envelope
 * around them goes through serverMessages and JSON.stringify: the frame stays byte for byte
 * what `JSON.stringify(frame)` gives for the same candles.
 */
import type { SubscribedFrame } from '../../src/protocol';

const EMPTY = '[]';
/** `data` is the payload's last key and `payload` the frame's, so this ends the envelope. */
const ENVELOPE_END = `"candles":${EMPTY}}}}`;
const AFTER_CANDLES = Buffer.from('}}}');

/** `envelope` must carry an empty candles array: the candles' JSON takes its place. */
export function pnlSubscribedBytes(envelope: SubscribedFrame<'pnl'>, candlesJson: Buffer): Buffer {
  const text = JSON.stringify(envelope);
  if (envelope.payload.data.candles.length !== 0 || !text.endsWith(ENVELOPE_END)) {
    throw new Error('a pnl envelope ends with its empty candles array');
  }
  const head = Buffer.from(text.slice(0, text.length - EMPTY.length - AFTER_CANDLES.length));
  return Buffer.concat(
    [head, candlesJson, AFTER_CANDLES],
    head.length + candlesJson.length + AFTER_CANDLES.length,
  );
}
