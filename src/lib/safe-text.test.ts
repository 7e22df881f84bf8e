import { describe, expect, it } from 'vitest';
import { cleanText, safeHttpUrl } from './safe-text';

describe('safe text', () => {
  it('[SAFE-1] strips bidi overrides and control characters, keeps ordinary text', () => {
    const rlo = String.fromCodePoint(0x202e);
    const isolate = String.fromCodePoint(0x2067);
    expect(cleanText(`AAPL ${rlo}sepyt${isolate} up\u0007`, 100)).toBe('AAPL sepyt up');
    expect(cleanText('Zürich · 東京 — 5% ✓', 100)).toBe('Zürich · 東京 — 5% ✓');
    expect(cleanText('<img src=x onerror=alert(1)>', 100)).toBe('<img src=x onerror=alert(1)>');
  });

  it('[SAFE-2] clamps huge text by code points, never splitting a surrogate pair', () => {
    expect(cleanText('x'.repeat(1_000_000), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(cleanText('😀'.repeat(5), 3)).toBe('😀😀…');
    expect(cleanText('short', 5)).toBe('short');
  });

  it('[SAFE-3] links only to http(s)', () => {
    expect(safeHttpUrl('https://news.example.com/a?b=1')).toBe('https://news.example.com/a?b=1');
    expect(safeHttpUrl('http://x.test/')).toBe('http://x.test/');
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl(' JAVASCRIPT:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('data:text/html,<script>')).toBeUndefined();
    expect(safeHttpUrl('/relative')).toBeUndefined();
    expect(safeHttpUrl('')).toBeUndefined();
  });
});
