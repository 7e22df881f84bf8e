/** The header's theme button: names the theme it switches to. */
import { useEffect } from 'react';
import { applyStoredTheme, otherTheme, toggleTheme, useTheme } from './theme';

export function ThemeToggle() {
  const theme = useTheme();
  useEffect(applyStoredTheme, []);
  const next = otherTheme(theme);
  return (
    <button
      type="button"
      onClick={toggleTheme}
      aria-label={`Switch to ${next} theme`}
      title={`Switch to ${next} theme`}
      className="rounded border border-border px-2 py-1 text-sm"
    >
      {theme === 'dark' ? '☾' : '☀'}
    </button>
  );
}
