/**
 * Redaction for anything that leaves the page (recordings, the support report, excerpts of
 * invalid frames): a credential must never end up in a file a trader mails to support.
 *
 * Two nets, because either alone misses something: by field name (the auth request's
 * `body.token`, OAuth's `access_token`/`refresh_token`, passwords, headers), and by shape —
 * anything that looks like a JWT anywhere, even inside a string or a frame that is not JSON.
 */

export const REDACTED = '[redacted]';

/** Field names whose values are secrets, compared case-insensitively without `_`/`-`. */
const SECRET_FIELDS = new Set([
  'token',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'password',
  'authorization',
  'secret',
  'clientsecret',
  'apikey',
]);

/** A JWS/JWT in compact form: base64url(JSON header) always starts `ey` (`{"`, `{ `) or `ew` (`{\n`). */
const JWT_SHAPE = /\be[wy][A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;

/**
 * Cheap pre-check so frames without a secret-looking key skip the JSON round trip: a key
 * *ending* in one of these words, then its colon (a literal scan, no backtracking).
 */
const MAYBE_SECRET_KEY = /(?:token|password|authorization|secret|api[_-]?key)"\s*:/i;

const normKey = (k: string) => k.toLowerCase().replace(/[_-]/g, '');

export const isSecretField = (key: string): boolean => SECRET_FIELDS.has(normKey(key));

/** Replaces every JWT-shaped run in `text`. */
export function redactJwts(text: string): string {
  return text.replace(JWT_SHAPE, REDACTED);
}

export function looksLikeJwt(text: string): boolean {
  JWT_SHAPE.lastIndex = 0;
  const found = JWT_SHAPE.test(text);
  JWT_SHAPE.lastIndex = 0;
  return found;
}

/** `"token": "…"`-style pairs in text that is not (or no longer, once truncated) valid JSON. */
const SECRET_PAIR =
  /("(?:[a-z_-]*token|password|authorization|[a-z_-]*secret|api[_-]?key)"\s*:\s*)"(?:[^"\\]|\\.)*"?/gi;

/** A deep copy of `value` with secret fields replaced and JWT-shaped strings redacted. */
export function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactJwts(value);
  if (Array.isArray(value)) return value.map(redactValue);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = isSecretField(k) && v !== null && v !== '' ? REDACTED : redactValue(v);
    }
    return out;
  }
  return value;
}

/**
 * One frame's text, redacted. A JSON frame with a secret-looking key is re-serialised with
 * those fields replaced; every frame (JSON or not) loses its JWT-shaped runs. Frames without
 * either come back as the very same string, so replay validates exactly what was received.
 */
export function redactFrame(text: string): string {
  let out = text;
  if (MAYBE_SECRET_KEY.test(text)) {
    try {
      out = JSON.stringify(redactValue(JSON.parse(text)));
    } catch {
      return redactText(text);
    }
  }
  return redactJwts(out);
}

/** Redaction for text that may not parse (a truncated excerpt): secret pairs and JWTs. */
export function redactText(text: string): string {
  return redactJwts(text.replace(SECRET_PAIR, `$1"${REDACTED}"`));
}
