import { describe, expect, it } from 'vitest';
import { createDesktopLimiter } from './desktop-notifications';

describe('desktop notifications', () => {
  it('[ALERT-14] a burst shows at most 5 per 10 s, then counts the rest for one summary', () => {
    const gate = createDesktopLimiter(5, 10_000);
    const shown = Array.from({ length: 8 }, (_, i) => gate.allow(i));
    expect(shown).toEqual([true, true, true, true, true, false, false, false]);
    expect(gate.suppressed()).toBe(3);
    // Once the window has passed, single alerts show again and the count starts over.
    expect(gate.allow(20_000)).toBe(true);
    expect(gate.suppressed()).toBe(0);
  });
});
