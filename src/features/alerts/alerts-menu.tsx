/**
 * The header's "Alerts" button and its panel: per-account thresholds (decimal strings, kept in
 * localStorage), the desktop-notification opt-in, and the latest alerts. A non-modal disclosure:
 * Escape or a click outside closes it and focus returns to the button.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { formatMoney, formatPercent } from '../../lib/format';
import { formatClock } from '../../lib/time';
import { useDisplayZone } from '../../lib/display-zone';
import { useBalances } from '../../stores';
import type { Balance } from '../../protocol';
import { marginUse } from '../../lib/account-math';
import { THRESHOLD_KEYS, describeThreshold, thresholdValue } from './alert-engine';
import type { ThresholdKey, Thresholds } from './alert-engine';
import {
  setDesktop,
  setThresholds,
  useAlertHistory,
  useDesktop,
  useThresholds,
} from './alerts-store';
import { ALERTS_BUTTON_ID } from './alert-toasts';
import { desktopPermission, requestDesktopPermission } from './desktop-notifications';
import type { DesktopPermission } from './desktop-notifications';
import { rebaselineAlerts } from './feed-handle';
import { parseThresholdInput } from './thresholds';

const FIELDS: Record<ThresholdKey, { label: string; unit: string; placeholder: string }> = {
  buyingPowerBelow: {
    label: 'Net buying power falls below',
    unit: '$',
    placeholder: 'e.g. 100000',
  },
  marginUseAbove: { label: 'Margin use rises above', unit: '%', placeholder: 'e.g. 50' },
  dayPnlBelow: { label: "Today's P&L falls below", unit: '$', placeholder: 'e.g. -2500' },
};

export function AlertsMenu({ accountId }: { accountId: string }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const thresholds = useThresholds(accountId);
  const active = THRESHOLD_KEYS.filter((k) => thresholds[k] !== undefined).length;

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    document.getElementById(ALERTS_BUTTON_ID)?.focus();
  };
  return (
    <div
      ref={root}
      className="relative"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <button
        type="button"
        id={ALERTS_BUTTON_ID}
        aria-expanded={open}
        aria-controls="alerts-panel"
        aria-label={
          active > 0 ? `Alerts, ${active} threshold${active > 1 ? 's' : ''} set` : undefined
        }
        onClick={() => setOpen((o) => !o)}
        className="rounded border border-border px-2 py-1 text-sm"
      >
        Alerts
        {active > 0 && (
          <span
            aria-hidden="true"
            className="num ml-1 rounded-full bg-accent px-1.5 text-xs text-surface"
          >
            {active}
          </span>
        )}
      </button>
      {open && (
        <div
          id="alerts-panel"
          role="dialog"
          aria-labelledby="alerts-panel-title"
          className="absolute top-full right-0 z-40 mt-2 w-[26rem] max-w-[calc(100vw-2rem)] space-y-4 rounded border border-border bg-panel p-4 text-sm shadow-xl"
        >
          <h2 id="alerts-panel-title" className="font-semibold">
            Alerts for {accountId}
          </h2>
          <ThresholdForm key={accountId} accountId={accountId} thresholds={thresholds} />
          <DesktopOptIn />
          <RecentAlerts />
        </div>
      )}
    </div>
  );
}

function currentText(key: ThresholdKey, b: Balance | undefined): string {
  if (!b) return 'no balance yet';
  if (key === 'marginUseAbove') {
    const use = marginUse(b);
    return use === undefined ? 'equity not positive' : formatPercent(use, { dp: 2 });
  }
  return formatMoney(thresholdValue(key, b), { signed: key === 'dayPnlBelow' });
}

function ThresholdForm({ accountId, thresholds }: { accountId: string; thresholds: Thresholds }) {
  const balance = useBalances(accountId);
  const id = useId();
  const [draft, setDraft] = useState<Record<ThresholdKey, string>>(() => ({
    buyingPowerBelow: thresholds.buyingPowerBelow ?? '',
    marginUseAbove: thresholds.marginUseAbove ?? '',
    dayPnlBelow: thresholds.dayPnlBelow ?? '',
  }));
  const [errors, setErrors] = useState<Partial<Record<ThresholdKey, string>>>({});
  const [saved, setSaved] = useState('');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next: Partial<Record<ThresholdKey, string>> = {};
    const errs: Partial<Record<ThresholdKey, string>> = {};
    for (const key of THRESHOLD_KEYS) {
      const r = parseThresholdInput(key, draft[key]);
      if (r.error) errs[key] = r.error;
      else if (r.value !== undefined) next[key] = r.value;
    }
    setErrors(errs);
    if (Object.keys(errs).length > 0) {
      setSaved('');
      document.getElementById(`${id}-${Object.keys(errs)[0]}`)?.focus();
      return;
    }
    setThresholds(accountId, next);
    rebaselineAlerts(accountId);
    const on = THRESHOLD_KEYS.filter((k) => next[k] !== undefined);
    setSaved(
      on.length === 0
        ? 'Saved: no thresholds.'
        : `Saved: ${on.map((k) => describeThreshold(k, next[k] as string)).join('; ')}.`,
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset className="space-y-3">
        <legend className="mb-1 text-muted">
          Alert once each time a value crosses its threshold (leave empty for off). Fills,
          rejections and expirations always alert.
        </legend>
        {THRESHOLD_KEYS.map((key, i) => {
          const f = FIELDS[key];
          const inputId = `${id}-${key}`;
          const hintId = `${inputId}-hint`;
          const errId = `${inputId}-err`;
          return (
            <div key={key}>
              <label htmlFor={inputId} className="block">
                {f.label} ({f.unit})
              </label>
              <input
                ref={i === 0 ? first : undefined}
                id={inputId}
                name={key}
                inputMode="decimal"
                autoComplete="off"
                value={draft[key]}
                placeholder={f.placeholder}
                onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
                aria-invalid={errors[key] ? true : undefined}
                aria-describedby={errors[key] ? `${errId} ${hintId}` : hintId}
                className="num mt-1 w-full rounded border border-border bg-surface px-2 py-1 text-text"
              />
              <p id={hintId} className="mt-0.5 text-xs text-muted">
                Now <span className="num">{currentText(key, balance)}</span>
              </p>
              {errors[key] && (
                <p id={errId} className="text-xs text-loss">
                  {errors[key]}
                </p>
              )}
            </div>
          );
        })}
      </fieldset>
      <div className="mt-3 flex items-center gap-3">
        <button type="submit" className="rounded bg-accent px-3 py-1 font-semibold text-surface">
          Save thresholds
        </button>
        <p role="status" className="text-xs text-muted">
          {saved}
        </p>
      </div>
    </form>
  );
}

const PERMISSION_TEXT: Record<DesktopPermission, string> = {
  unsupported: 'This browser cannot show desktop notifications.',
  denied: 'Blocked in the browser’s site settings; allow notifications there to use them.',
  default: 'Off. The browser will ask for permission when you turn them on.',
  granted: 'Allowed by the browser.',
};

function DesktopOptIn() {
  const enabled = useDesktop();
  const [permission, setPermission] = useState<DesktopPermission>(desktopPermission);
  const on = enabled && permission === 'granted';
  return (
    <section aria-labelledby="desktop-title" className="border-t border-border pt-3">
      <h3 id="desktop-title" className="font-semibold">
        Desktop notifications
      </h3>
      <p className="mt-1 text-xs text-muted" data-testid="desktop-status">
        {on
          ? 'On: every alert also appears as a system notification.'
          : PERMISSION_TEXT[permission]}
      </p>
      {permission !== 'unsupported' && permission !== 'denied' && (
        <button
          type="button"
          onClick={async () => {
            if (on) {
              setDesktop(false);
              return;
            }
            const p = await requestDesktopPermission();
            setPermission(p);
            setDesktop(p === 'granted');
          }}
          className="mt-2 rounded border border-border px-2 py-1"
        >
          {on ? 'Turn off desktop notifications' : 'Enable desktop notifications'}
        </button>
      )}
    </section>
  );
}

function RecentAlerts() {
  const history = useAlertHistory();
  const zone = useDisplayZone();
  return (
    <section aria-labelledby="recent-alerts" className="border-t border-border pt-3">
      <h3 id="recent-alerts" className="font-semibold">
        Recent alerts
      </h3>
      {history.length === 0 ? (
        <p className="mt-1 text-xs text-muted">None since this page opened.</p>
      ) : (
        <ul className="mt-1 max-h-48 space-y-1 overflow-y-auto text-xs">
          {history.slice(0, 20).map(({ at, alert }, i) => (
            <li key={`${at}-${i}`}>
              <span className="num mr-2 text-muted">{formatClock(at, zone)}</span>
              <span className="font-semibold">{alert.title}</span> — {alert.body}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
