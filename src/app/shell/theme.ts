/**
 * Dark by default (what traders run all day); light on request. A remembered display
 * preference, so the header button and the command palette switch the same theme.
 */
import { rememberedChoice } from '../../lib/remembered-choice';

export type Theme = 'dark' | 'light';

const theme = rememberedChoice<Theme>('aries.theme', ['dark', 'light']);

export const useTheme = theme.use;

/** Applies the theme to the page (a class on <html>) and remembers it. */
export function setTheme(next: Theme): void {
  theme.set(next);
  document.documentElement.classList.toggle('light', next === 'light');
}

export const otherTheme = (t: Theme): Theme => (t === 'dark' ? 'light' : 'dark');

export const toggleTheme = (): void => setTheme(otherTheme(theme.get()));

/** At start: the remembered theme, before the first paint of the shell. */
export const applyStoredTheme = (): void => setTheme(theme.get());
