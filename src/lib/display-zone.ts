/**
 * The zone every timestamp is shown in: a display preference remembered like the theme, so a
 * switch re-renders exactly the components that show times.
 */
import { rememberedChoice } from './remembered-choice';
import type { DisplayZone } from './time';

export const DISPLAY_ZONE_KEY = 'aries.timeZone';

const zone = rememberedChoice<DisplayZone>(DISPLAY_ZONE_KEY, ['local', 'exchange']);

/** The chosen zone; re-renders the caller when it changes. */
export const useDisplayZone = zone.use;

export const getDisplayZone = zone.get;

export const setDisplayZone = zone.set;

export const toggleDisplayZone = (): void =>
  setDisplayZone(getDisplayZone() === 'exchange' ? 'local' : 'exchange');
