/**
 * Dark by default (what traders run all day); light on request. A display preference, not
 * account data, so it lives in localStorage; one small store so the header button and the
 * command palette switch the same theme.
 */
import { create } from 'zustand';

export type Theme = 'dark' | 'light';
const STORAGE_KEY = 'aries.theme';

function initialTheme(): Theme {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'light' ? 'light' : 'dark';
  } catch {
    return 'dark';
  }
}

const themeStore = create<{ theme: Theme }>(() => ({ theme: initialTheme() }));

export const useTheme = (): Theme => themeStore((s) => s.theme);

/** Applies the theme to the page (a class on <html>) and remembers it. */
export function setTheme(theme: Theme): void {
  themeStore.setState({ theme });
  document.documentElement.classList.toggle('light', theme === 'light');
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

export const otherTheme = (theme: Theme): Theme => (theme === 'dark' ? 'light' : 'dark');

export const toggleTheme = (): void => setTheme(otherTheme(themeStore.getState().theme));

/** At start: the remembered theme, before the first paint of the shell. */
export const applyStoredTheme = (): void => setTheme(themeStore.getState().theme);
