/**
 * The kind of day the embedded server plays (SIM_SCENARIO). Every scenario is seeded: the
 * same seed and scenario give the same book, the same prices and the same traffic.
 */
export const SCENARIOS = ['quiet', 'busy', 'crash'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface Scenario {
  name: ScenarioName;
  /** Multiplies every price move's size. */
  volatility: number;
  /** Mean move per 15 s of today's regular session, as a fraction of the price (crash: down). */
  drift: number;
  /** Orders the margin account has placed by the time the server starts. */
  marginBook: number;
  /** Orders each other demo account has placed by then. */
  otherBook: number;
  /** Share of random steps that place a new order (the rest move prices, fills, news…). */
  newOrderShare: number;
  /** Share of new orders that go to the margin account (the algorithmic one when busy). */
  marginShare: number;
}

export const SCENARIO: Readonly<Record<ScenarioName, Scenario>> = {
  // A normal day: about 1.6 % daily moves, a morning's worth of orders.
  quiet: {
    name: 'quiet',
    volatility: 1,
    drift: 0,
    marginBook: 120,
    otherBook: 12,
    newOrderShare: 0.15,
    marginShare: 0.5,
  },
  // An algorithmic account: many small orders, most of the traffic on the margin account.
  busy: {
    name: 'busy',
    volatility: 1.3,
    drift: 0,
    marginBook: 200,
    otherBook: 12,
    newOrderShare: 0.3,
    marginShare: 0.85,
  },
  // A fast sell-off: prices slide through today's session (about −8 % over a full session),
  // moves twice the size, margin use climbing on the leveraged margin account.
  crash: {
    name: 'crash',
    volatility: 2,
    drift: -0.00005,
    marginBook: 120,
    otherBook: 12,
    newOrderShare: 0.15,
    marginShare: 0.5,
  },
};
