/** The scroll offset and height of a scrolling element, kept current (scroll and resize). */
import { useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

export type ScrollViewport = { scrollTop: number; height: number };

export function useScrollViewport(ref: RefObject<HTMLElement | null>): ScrollViewport {
  const [viewport, setViewport] = useState<ScrollViewport>({ scrollTop: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () =>
      setViewport((v) =>
        v.scrollTop === el.scrollTop && v.height === el.clientHeight
          ? v
          : { scrollTop: el.scrollTop, height: el.clientHeight },
      );
    // Rendered in the scroll event's own frame, so a fast wheel never shows unrendered rows.
    const onScroll = () => flushSync(read);
    read();
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(read);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize.disconnect();
    };
  }, [ref]);
  return viewport;
}
