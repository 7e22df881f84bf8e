/**
 * Briefly highlights an element when `value` changes identity (a new order object means the
 * order changed). Uses the Web Animations API, so a burst of changes costs no React renders,
 * and does nothing on first mount (a row scrolled into view is not "changed").
 */
import { useEffect, useRef, type RefObject } from 'react';

const reducedMotion = () =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

export function useFlashOnChange<T extends HTMLElement>(value: unknown): RefObject<T | null> {
  const ref = useRef<T>(null);
  const previous = useRef(value);
  useEffect(() => {
    if (previous.current === value) return;
    previous.current = value;
    const el = ref.current;
    if (!el || reducedMotion() || typeof el.animate !== 'function') return;
    el.animate(
      [
        { backgroundColor: 'color-mix(in srgb, var(--accent) 28%, transparent)' },
        { backgroundColor: 'transparent' },
      ],
      { duration: 900, easing: 'ease-out' },
    );
    el.dataset.flashed = String(Number(el.dataset.flashed ?? 0) + 1);
  }, [value]);
  return ref;
}
