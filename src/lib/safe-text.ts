/**
 * Untrusted text from the wire, made safe to show. React already renders strings as text
 * (never HTML), so what is left is what text itself can do: bidi controls that reverse what a
 * headline appears to say, invisible characters that make `NV\u200BDA` look like `NVDA`,
 * control characters, and sheer size. Links are allowed only to plain http(s) addresses.
 */

const range = (ranges: readonly (readonly [number, number])[]) =>
  ranges.map(([a, b]) => `\\u{${a.toString(16)}}-\\u{${b.toString(16)}}`).join('');

// C0/C1 controls but tab and newline; soft hyphen; Arabic letter mark; Mongolian vowel
// separator; zero-width space/non-joiner and LRM/RLM; bidi embeddings, overrides and
// isolates; word joiner and invisible operators; the BOM. Built from code points to keep
// invisible characters out of the source.
const UNSAFE = new RegExp(
  `[${range([
    [0x00, 0x08],
    [0x0b, 0x1f],
    [0x7f, 0x9f],
    [0xad, 0xad],
    [0x061c, 0x061c],
    [0x180e, 0x180e],
    [0x200b, 0x200c],
    [0x200e, 0x200f],
    [0x202a, 0x202e],
    [0x2060, 0x2064],
    [0x2066, 0x2069],
    [0xfeff, 0xfeff],
  ])}]`,
  'gu',
);

// A zero-width joiner is kept only where it glues an emoji sequence (👩‍💻): after a pictograph
// (or its variation selector / skin tone) and before another pictograph.
const STRAY_ZWJ =
  /(?<!\p{Extended_Pictographic}|\u{FE0F}|\p{Emoji_Modifier})\u{200D}|\u{200D}(?!\p{Extended_Pictographic})/gu;

/** The one cleaning every text the feed shows goes through: unsafe and invisible characters out. */
export function stripUnsafe(text: string): string {
  return text.replace(UNSAFE, '').replace(STRAY_ZWJ, '');
}

/** Strips unsafe characters and clamps to `max` code points (with an ellipsis). */
export function cleanText(text: string, max: number): string {
  const clean = stripUnsafe(text);
  const points = Array.from(clean);
  return points.length <= max ? clean : `${points.slice(0, max - 1).join('')}…`;
}

const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * The URL if it is an absolute http(s) address on its scheme's default port with no user
 * info, else undefined (so the UI shows no link at all). `https://bank.example@evil.example/`
 * reads as the bank but goes to evil.example; an odd port is as unusual for a news link.
 */
export function safeHttpUrl(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (DEFAULT_PORT[u.protocol] === undefined) return undefined;
  if (u.username || u.password || /^[^/]*\/\/[^/?#]*@/.test(url.trim())) return undefined;
  if (u.port !== '' && u.port !== DEFAULT_PORT[u.protocol]) return undefined;
  if (!u.hostname) return undefined;
  return u.href;
}
