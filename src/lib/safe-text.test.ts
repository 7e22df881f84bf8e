import { describe, expect, it } from 'vitest';
import { cleanText, safeHttpUrl, stripUnsafe } from './safe-text';

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

describe('invisible characters and deceptive links', () => {
  const cp = (...points: number[]) => String.fromCodePoint(...points);

  it('[SAFE-4] strips zero-width and direction marks wherever they hide', () => {
    for (const p of [0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060, 0xfeff, 0x061c, 0x202e]) {
      expect(stripUnsafe(`NV${cp(p)}DA`), p.toString(16)).toBe('NVDA');
    }
  });

  it('[SAFE-5] keeps a zero-width joiner only inside an emoji sequence', () => {
    const zwj = cp(0x200d);
    const technologist = `${cp(0x1f469)}${zwj}${cp(0x1f4bb)}`;
    const family = `${cp(0x1f468)}${zwj}${cp(0x1f469)}${zwj}${cp(0x1f467)}`;
    const rainbowFlag = `${cp(0x1f3f3, 0xfe0f)}${zwj}${cp(0x1f308)}`;
    const darkTechnologist = `${cp(0x1f469, 0x1f3ff)}${zwj}${cp(0x1f4bb)}`;
    for (const emoji of [technologist, family, rainbowFlag, darkTechnologist]) {
      expect(stripUnsafe(`a ${emoji} b`)).toBe(`a ${emoji} b`);
    }
    expect(stripUnsafe(`A${zwj}B`)).toBe('AB');
    expect(stripUnsafe(`${cp(0x1f469)}${zwj}X`)).toBe(`${cp(0x1f469)}X`);
    expect(stripUnsafe(`X${zwj}${cp(0x1f4bb)}`)).toBe(`X${cp(0x1f4bb)}`);
  });

  it('[SAFE-6] refuses links with user info or a non-default port', () => {
    expect(safeHttpUrl('https://api.aries.com@evil.example/login')).toBeUndefined();
    expect(safeHttpUrl('https://user:pw@news.example/')).toBeUndefined();
    expect(safeHttpUrl('https://@news.example/')).toBeUndefined();
    expect(safeHttpUrl('https://news.example:8443/a')).toBeUndefined();
    expect(safeHttpUrl('http://news.example:8080/a')).toBeUndefined();
    expect(safeHttpUrl('https://news.example:443/a')).toBe('https://news.example/a');
    expect(safeHttpUrl('ftp://news.example/a')).toBeUndefined();
    expect(safeHttpUrl('https://news.example/a?q=b@c')).toBe('https://news.example/a?q=b@c');
  });
});
