/**
 * Appends JSON text as UTF-8 bytes into a growing Buffer. For frames too big to build as
 * objects first (a year of 1m candles is 65 MB of JSON): writing the bytes directly skips the
 * objects, the intermediate strings and the final UTF-8 encode that `JSON.stringify` plus
 * `socket.send(string)` would cost.
 */
import { formatCents, isExactInteger } from './cents';

const MINUS = 45;
const DOT = 46;
const ZERO = 48;

export class JsonBytes {
  private buf: Buffer;
  private at = 0;

  constructor(capacity: number) {
    this.buf = Buffer.allocUnsafe(Math.max(64, capacity));
  }

  /** Makes room for `n` more bytes, so the writes after it need no bounds checks of their own. */
  reserve(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n));
    this.buf.copy(grown, 0, 0, this.at);
    this.buf = grown;
  }

  /** Pre-encoded bytes: the literals between values, a few dozen bytes each. */
  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    const buf = this.buf;
    let at = this.at;
    for (let i = 0; i < b.length; i++) buf[at++] = b[i] as number;
    this.at = at;
  }

  /** Bytes of `String(n)` for an integer n with |n| < 1e15 (others go through String). */
  integer(n: number): void {
    if (!isExactInteger(n)) {
      this.latin(String(n));
      return;
    }
    this.reserve(17);
    this.digits(this.sign(n));
  }

  /** Bytes of `formatCents(cents)`, i.e. of `(cents / 100).toFixed(2)`. */
  cents(cents: number): void {
    if (!isExactInteger(cents)) {
      this.latin(formatCents(cents));
      return;
    }
    this.reserve(20);
    const abs = this.sign(cents);
    const fraction = abs % 100;
    this.digits((abs - fraction) / 100);
    const buf = this.buf;
    buf[this.at++] = DOT;
    buf[this.at++] = ZERO + Math.floor(fraction / 10);
    buf[this.at++] = ZERO + (fraction % 10);
  }

  /** The bytes written so far; the writer must not be used afterwards. */
  done(): Buffer {
    return this.buf.subarray(0, this.at);
  }

  /** Writes '-' for a negative n and returns |n|; -0 is not below 0, so no sign (as String and toFixed). */
  private sign(n: number): number {
    if (!(n < 0)) return n;
    this.buf[this.at++] = MINUS;
    return -n;
  }

  /** Decimal digits of a non-negative integer below 1e15; the caller reserved the room. */
  private digits(n: number): void {
    let len = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) len++;
    const buf = this.buf;
    let i = this.at + len;
    this.at = i;
    while (n >= 10) {
      const d = n % 10;
      buf[--i] = ZERO + d;
      n = (n - d) / 10;
    }
    buf[i - 1] = ZERO + n;
  }

  /** A string of ASCII characters only (what String and toFixed print for numbers). */
  private latin(s: string): void {
    this.reserve(s.length);
    this.at += this.buf.write(s, this.at, 'latin1');
  }
}
