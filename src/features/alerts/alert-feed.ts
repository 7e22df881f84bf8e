/**
 * Feeds the alert engine from the stores, outside React: live order transitions → order
 * alerts; balance changes → threshold alerts (a snapshot only re-baselines). Order alerts are
 * de-duplicated by key, so an event delivered twice (a replayed frame, a second tab's echo)
 * still alerts once.
 */
import type { Balance } from '../../protocol';
import { currentBalances, subscribeBalanceChanges, subscribeOrderTransitions } from '../../stores';
import { evaluateThresholds, orderAlerts } from './alert-engine';
import type { Alert, Armed, Thresholds } from './alert-engine';

const SEEN_MAX = 5_000;

export type AlertFeed = {
  /** Thresholds of `accountId` changed: take the current balance as the new baseline. */
  rebaseline(accountId: string): void;
  stop(): void;
};

export function startAlertFeed(deps: {
  thresholdsOf: (accountId: string) => Thresholds;
  onAlerts: (alerts: readonly Alert[]) => void;
}): AlertFeed {
  const armed = new Map<string, Armed>();
  const balances = new Map<string, Balance>();
  const seen = new Set<string>();

  function fresh(a: Alert): boolean {
    if (seen.has(a.key)) return false;
    seen.add(a.key);
    if (seen.size > SEEN_MAX) seen.delete(seen.values().next().value as string);
    return true;
  }

  function evaluate(accountId: string, balance: Balance, live: boolean): Alert[] {
    balances.set(accountId, balance);
    const r = evaluateThresholds(
      armed.get(accountId) ?? {},
      balance,
      deps.thresholdsOf(accountId),
      live,
    );
    armed.set(accountId, r.armed);
    return r.alerts;
  }

  for (const c of currentBalances()) evaluate(c.accountId, c.balance, false);

  const stopOrders = subscribeOrderTransitions((transitions) => {
    const out = transitions.flatMap(({ prev, next }) => orderAlerts(prev, next)).filter(fresh);
    if (out.length > 0) deps.onAlerts(out);
  });
  const stopBalances = subscribeBalanceChanges((changes) => {
    const out = changes.flatMap((c) => evaluate(c.accountId, c.balance, c.live));
    if (out.length > 0) deps.onAlerts(out);
  });

  return {
    rebaseline(accountId) {
      armed.delete(accountId);
      const b = balances.get(accountId);
      if (b) evaluate(accountId, b, false);
    },
    stop() {
      stopOrders();
      stopBalances();
    },
  };
}
