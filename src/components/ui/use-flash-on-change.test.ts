import { describe, expect, it } from 'vitest';
import { lagStore, resetLag, setBehind } from '../../stores/connection/lag-store';
import { flash, MAX_CONCURRENT_FLASHES } from './use-flash-on-change';

/** An element whose animations the test finishes by hand. */
function fakeRow() {
  const animations: Array<{ playState: string; currentTime: number; finish(): void }> = [];
  const el = {
    dataset: {} as DOMStringMap,
    animate: () => {
      const a = {
        playState: 'running',
        currentTime: 0,
        onfinish: null as null | (() => void),
        oncancel: null as null | (() => void),
        finish() {
          a.playState = 'finished';
          a.onfinish?.();
        },
      };
      animations.push(a);
      return a as unknown as Animation;
    },
  };
  return { el, animations };
}

describe('flash', () => {
  it('[FLASH-1] at most MAX_CONCURRENT_FLASHES rows flash at once; every change is still counted; a finished flash frees its place', () => {
    const rows = Array.from({ length: MAX_CONCURRENT_FLASHES + 5 }, fakeRow);
    for (const r of rows) flash(r.el);
    const animating = rows.filter((r) => r.animations.length > 0);
    expect(animating).toHaveLength(MAX_CONCURRENT_FLASHES);
    expect(rows.every((r) => r.el.dataset.flashed === '1')).toBe(true);

    // A row already flashing restarts its own animation, cap or not.
    const first = rows[0]!;
    first.animations[0]!.currentTime = 500;
    flash(first.el);
    expect(first.animations).toHaveLength(1);
    expect(first.animations[0]!.currentTime).toBe(0);

    const last = rows.at(-1)!;
    flash(last.el);
    expect(last.animations).toHaveLength(0);
    first.animations[0]!.finish();
    flash(last.el);
    expect(last.animations).toHaveLength(1);
    expect(last.el.dataset.flashed).toBe('3');
    for (const r of rows) r.animations.forEach((a) => a.playState === 'running' && a.finish());
  });

  it('[FLASH-2] while the figures trail the server, changes are counted but not flashed (shed)', () => {
    const row = fakeRow();
    setBehind(2_500);
    try {
      flash(row.el);
      flash(row.el);
      expect(row.animations).toHaveLength(0);
      expect(row.el.dataset.flashed).toBe('2');
      expect(lagStore.getState().shed).toBe(2);
    } finally {
      resetLag();
    }
    flash(row.el);
    expect(row.animations).toHaveLength(1);
    row.animations[0]!.finish();
  });
});
