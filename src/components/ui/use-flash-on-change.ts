/**
 * Brief highlights for live changes. Uses the Web Animations API, so a burst of changes costs
 * no React renders; respects reduced motion; counts flashes in `data-flashed` for tests.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { countShed, isBehind } from '../../stores';

const reducedMotion = () =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

// One animation per element, restarted on each change: a row updated every frame would
// otherwise stack dozens of concurrent animations and repaint for all of them.
const running = new WeakMap<object, Animation>();

/**
 * At most this many flashes at once. A highlight points the eye at one change; in a burst every
 * visible row changes every frame, so flashing them all says nothing, and a background-colour
 * animation repaints its row on every frame (at 5,000 events/s this was a large part of the
 * blotter's paint time). Past the cap a change is counted but not flashed; a row already
 * flashing restarts its own animation.
 */
export const MAX_CONCURRENT_FLASHES = 12;
let flashing = 0;

type Animatable = {
  dataset: DOMStringMap;
  animate?: HTMLElement['animate'];
};

export function flash(el: Animatable | null, durationMs = 900): void {
  if (!el) return;
  el.dataset.flashed = String(Number(el.dataset.flashed ?? 0) + 1);
  if (reducedMotion() || typeof el.animate !== 'function') return;
  // Behind the server, painting highlights only delays the figures further: shed them.
  if (isBehind()) {
    countShed();
    return;
  }
  const current = running.get(el);
  if (current && current.playState === 'running') {
    current.currentTime = 0;
    return;
  }
  if (flashing >= MAX_CONCURRENT_FLASHES) return;
  const animation = el.animate(
    [{ backgroundColor: 'var(--flash)' }, { backgroundColor: 'transparent' }],
    { duration: durationMs, easing: 'ease-out' },
  );
  flashing++;
  let ended = false;
  animation.onfinish = animation.oncancel = () => {
    if (!ended) flashing--;
    ended = true;
  };
  running.set(el, animation);
}

/**
 * Flashes when `value` changes identity (a new order object means the order changed); not on
 * first mount, since a row scrolled into view has not changed.
 */
export function useFlashOnChange<T extends HTMLElement>(value: unknown): RefObject<T | null> {
  const ref = useRef<T>(null);
  const previous = useRef(value);
  useEffect(() => {
    if (previous.current === value) return;
    previous.current = value;
    flash(ref.current);
  }, [value]);
  return ref;
}

/** Flashes on mount or change when `changedAt` (ms epoch) is recent: a row that just arrived. */
export function useFlashWhenRecent<T extends HTMLElement>(
  changedAt: number | undefined,
  windowMs = 5_000,
): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (changedAt !== undefined && Date.now() - changedAt < windowMs) flash(ref.current, 2_000);
  }, [changedAt, windowMs]);
  return ref;
}
