/**
 * Untrusted text from the wire, made safe to show. React already renders strings as text
 * (never HTML), so what is left is what text itself can do: bidi overrides that reverse what a
 * headline appears to say, control characters, and sheer size. Links are allowed only to
 * http(s), never `javascript:` or `data:`.
 */

// Bidi embeddings/overrides/isolates (U+202A–U+202E, U+2066–U+2069) and C0/C1 controls but
// tab and newline; the regex is built from code points to keep invisible characters out of source.
const UNSAFE = new RegExp(
  `[${[
    [0x00, 0x08],
    [0x0b, 0x1f],
    [0x7f, 0x9f],
    [0x202a, 0x202e],
    [0x2066, 0x2069],
  ]
    .map(([a, b]) => `\\u{${a!.toString(16)}}-\\u{${b!.toString(16)}}`)
    .join('')}]`,
  'gu',
);

/** Strips unsafe characters and clamps to `max` code points (with an ellipsis). */
export function cleanText(text: string, max: number): string {
  const clean = text.replace(UNSAFE, '');
  const points = Array.from(clean);
  return points.length <= max ? clean : `${points.slice(0, max - 1).join('')}…`;
}

/** The URL if it is absolute http(s), else undefined (so the UI shows no link at all). */
export function safeHttpUrl(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
