/**
 * The zone every timestamp is shown in, a display preference kept in localStorage like the
 * theme. One small store, so a switch re-renders exactly the components that show times.
 */
import { create } from 'zustand';
import type { DisplayZone } from './time';

export const DISPLAY_ZONE_KEY = 'aries.timeZone';

function initialZone(): DisplayZone {
  try {
    return globalThis.localStorage?.getItem(DISPLAY_ZONE_KEY) === 'exchange' ? 'exchange' : 'local';
  } catch {
    return 'local';
  }
}

const zoneStore = create<{ zone: DisplayZone }>(() => ({ zone: initialZone() }));

/** The chosen zone; re-renders the caller when it changes. */
export const useDisplayZone = (): DisplayZone => zoneStore((s) => s.zone);

export const getDisplayZone = (): DisplayZone => zoneStore.getState().zone;

export function setDisplayZone(zone: DisplayZone): void {
  zoneStore.setState({ zone });
  try {
    localStorage.setItem(DISPLAY_ZONE_KEY, zone);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

export const toggleDisplayZone = (): void =>
  setDisplayZone(getDisplayZone() === 'exchange' ? 'local' : 'exchange');
