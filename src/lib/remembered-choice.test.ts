import { afterEach, describe, expect, it, vi } from 'vitest';
import { rememberedChoice } from './remembered-choice';

function fakeStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('rememberedChoice', () => {
  it('[PREF-1] starts from the stored value, else the first value; remembers what is set', () => {
    const storage = fakeStorage({ 'k.zone': 'exchange' });
    vi.stubGlobal('localStorage', storage);
    const zone = rememberedChoice('k.zone', ['local', 'exchange']);
    expect(zone.get()).toBe('exchange');
    zone.set('local');
    expect(zone.get()).toBe('local');
    expect(storage.data.get('k.zone')).toBe('local');

    vi.stubGlobal('localStorage', fakeStorage({ 'k.theme': 'sepia' }));
    expect(rememberedChoice('k.theme', ['dark', 'light']).get()).toBe('dark');
  });

  it('[PREF-2] without usable storage it still switches, for this page only', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    });
    const theme = rememberedChoice('k.theme', ['dark', 'light']);
    expect(theme.get()).toBe('dark');
    theme.set('light');
    expect(theme.get()).toBe('light');
  });
});
