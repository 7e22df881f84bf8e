/**
 * Local or exchange (New York) time for every timestamp on the pages; the button names the
 * zone shown and switches to the other. Remembered like the theme.
 */
import { toggleDisplayZone, useDisplayZone } from '../../lib/display-zone';
import { zoneLabel } from '../../lib/time';

export function TimeZoneToggle() {
  const zone = useDisplayZone();
  const shown = zone === 'exchange' ? 'ET' : 'Local';
  const other = zone === 'exchange' ? 'local time' : 'New York time (ET)';
  return (
    <button
      type="button"
      onClick={toggleDisplayZone}
      aria-label={`Times in ${shown === 'ET' ? 'ET' : `Local (${zoneLabel('local')})`}: switch to ${other}`}
      title={`Times shown in ${zone === 'exchange' ? 'New York time (ET)' : `local time (${zoneLabel('local')})`}; click for ${other}`}
      data-testid="time-zone-toggle"
      className="num rounded border border-border px-2 py-1 text-sm"
    >
      {shown}
    </button>
  );
}
