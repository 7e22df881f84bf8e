import { describe, expect, it } from 'vitest';
import { clientMessages } from '../../protocol';
import { looksLikeJwt, REDACTED, redactFrame, redactText, redactValue } from './redact';

// Shaped like the embedded server's HS256 tokens (header.payload.signature, base64url).
const JWT =
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTEwMDEiLCJhdWQiOiJhY2NvdW50cy13cyJ9.Qm9ndXNTaWduYXR1cmVfLV9fMTIzNDU2';

describe('redaction', () => {
  it('[REC-1] the auth request loses its token by field name, even when it is not a JWT', () => {
    const frame = JSON.stringify(clientMessages.auth('auth-1', 'opaque-production-token-123'));
    const out = redactFrame(frame);
    expect(out).not.toContain('opaque-production-token-123');
    expect(JSON.parse(out).payload.body.token).toBe(REDACTED);
    expect(JSON.parse(out).id).toBe('auth-1');
  });

  it('[REC-2] anything JWT-shaped is redacted anywhere: nested, in text, in non-JSON frames', () => {
    const nested = JSON.stringify({
      type: 'event',
      payload: { note: `see ${JWT} here`, x: [JWT] },
    });
    expect(looksLikeJwt(nested)).toBe(true);
    expect(redactFrame(nested)).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    expect(redactFrame(`garbage ${JWT} {`)).toBe(`garbage ${REDACTED} {`);
    expect(
      redactValue({ access_token: 'abc', refreshToken: 'def', Authorization: 'Bearer x' }),
    ).toEqual({
      access_token: REDACTED,
      refreshToken: REDACTED,
      Authorization: REDACTED,
    });
  });

  it('[REC-3] frames without secrets come back as the very same string (replay validates what was received)', () => {
    const frame =
      '{"type":"event","payload":{"action":"update","topic":"news","data":{"id":"n-1"}}}';
    expect(redactFrame(frame)).toBe(frame);
    // Account ids, OSI symbols and decimals are not mistaken for tokens.
    const order =
      '{"ordId":"O-1.2.3","symbol":"AAPL  261218C00200000","price":"1.25","url":"https://a.example.com/x"}';
    expect(redactFrame(order)).toBe(order);
  });

  it('[REC-4] a truncated excerpt that no longer parses still loses a token value', () => {
    const cut = '{"type":"request","payload":{"body":{"token":"opaque-secret-value","act';
    expect(redactText(cut)).not.toContain('opaque-secret-value');
    expect(redactFrame(cut)).not.toContain('opaque-secret-value');
  });
});
