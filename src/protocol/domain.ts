/**
 * Canonical domain objects: the one shape the app and the embedded server agree on.
 * The server builds these; the client's normaliser (normalize.ts) turns every tolerated
 * production spelling into them and then validates with the schemas below.
 */
import { z } from './zod';
import {
  ACCOUNT_CLASSES,
  ACCOUNT_TYPES,
  LEG_SIDES,
  OPTIONS_LEVELS,
  ORDER_CATEGORIES,
  ORDER_SECURITY_TYPES,
  ORDER_STATUSES,
  ORDER_TYPES,
  PNL_INTERVALS,
  POSITION_EFFECTS,
  POSITION_SECURITY_TYPES,
  PUT_CALL,
  SIDES,
  TIME_IN_FORCE,
} from './codes';

/** Money and quantities travel as strings so no cent is lost to binary floats. */
export const decimalString = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string such as "125000.00"');
export type DecimalString = z.infer<typeof decimalString>;

/** RFC3339 with a zone; milliseconds optional. */
export const rfc3339 = z.iso.datetime({ offset: true });

export const OrderLegSchema = z.object({
  symbol: z.string().min(1),
  side: z.enum(LEG_SIDES),
  ratioQty: decimalString,
  positionEffect: z.enum(POSITION_EFFECTS),
  securityType: z.literal('OPTION'),
  maturity: z.iso.date(),
  strikePrice: decimalString,
  putCall: z.enum(PUT_CALL),
});
export type OrderLeg = z.infer<typeof OrderLegSchema>;

export const OrderSchema = z.object({
  ordId: z.string().min(1),
  clOrdId: z.string(),
  accountId: z.string().min(1),
  clientId: z.string().optional(),
  symbol: z.string().min(1),
  side: z.enum(SIDES),
  type: z.enum(ORDER_TYPES),
  timeInForce: z.enum(TIME_IN_FORCE),
  qty: decimalString,
  price: decimalString.optional(),
  stopPrice: decimalString.optional(),
  ordStatus: z.enum(ORDER_STATUSES),
  cumQty: decimalString,
  leavesQty: decimalString,
  avgPrice: decimalString.optional(),
  currency: z.string(),
  exDestination: z.string().optional(),
  text: z.string().optional(),
  ordRejReason: z.string().optional(),
  securityType: z.enum(ORDER_SECURITY_TYPES),
  category: z.enum(ORDER_CATEGORIES),
  legs: z.array(OrderLegSchema),
  createdAt: rfc3339,
  updatedAt: rfc3339,
  lastFillQty: decimalString.optional(),
  lastFillPrice: decimalString.optional(),
  expireDate: z.iso.date().optional(),
});
export type Order = z.infer<typeof OrderSchema>;

/** The v1 order that snapshots still carry under `orders` (REST legacy shape). */
export const LegacyOrderSchema = z.object({
  orderId: z.string().min(1),
  clOrdId: z.string(),
  accountId: z.string().min(1),
  symbol: z.string().min(1),
  side: z.enum(SIDES),
  orderType: z.enum(ORDER_TYPES),
  status: z.enum([...ORDER_STATUSES, 'WORKING']),
  tif: z.enum(TIME_IN_FORCE),
  quantity: decimalString,
  filledQty: decimalString,
  leavesQty: decimalString,
  price: decimalString.optional(),
  stopPrice: decimalString.optional(),
  avgPrice: decimalString.optional(),
  currency: z.string(),
  destination: z.string().optional(),
  instrument: z.string(),
  category: z.enum(ORDER_CATEGORIES),
  text: z.string().optional(),
  legs: z.array(OrderLegSchema),
  createdAt: rfc3339,
  updatedAt: rfc3339,
});
export type LegacyOrder = z.infer<typeof LegacyOrderSchema>;

export const PositionSchema = z.object({
  accountId: z.string().min(1),
  symbol: z.string().min(1),
  securityType: z.enum(POSITION_SECURITY_TYPES),
  /** Signed; "0" means the position closed and leaves the table. */
  qty: decimalString,
  avgPrice: decimalString,
  todayRealizedPnL: decimalString,
  lastPrice: decimalString,
  marketValue: decimalString,
  unrealizedPnL: decimalString,
  updatedAt: rfc3339,
  underlying: z.string().optional(),
  putCall: z.enum(PUT_CALL).optional(),
  strikePrice: decimalString.optional(),
  maturity: z.iso.date().optional(),
  multiplier: decimalString.optional(),
});
export type Position = z.infer<typeof PositionSchema>;

/** The 27 documented balance fields, in the docs' order. */
export const BALANCE_DECIMAL_FIELDS = [
  'sodPositionsMarketValue',
  'netBuyingPower',
  'stockBuyingPower',
  'dayTradeBuyingPower',
  'optionBuyingPower',
  'dayTradeOvernightRegTBuyingPower',
  'totalEquity',
  'settledFunds',
  'unsettledFunds',
  'heldBackFunds',
  'grossMargin',
  'pendingOrdersMarginRequirements',
  'maintReq',
  'creditMultiplier',
  'credit',
  'creditRemaining',
  'realizedPL',
  'unRealizedPL',
  'SMA',
  'smaCreditRemaining',
  'PDT',
  'pdtCreditRemaining',
  'startOfDayCash',
  'valueBought',
  'valueSold',
] as const;
export type BalanceDecimalField = (typeof BALANCE_DECIMAL_FIELDS)[number];

export const BalanceSchema = z.object({
  accountId: z.string().min(1),
  pendingOrdersCount: z.number().int().nonnegative(),
  ...(Object.fromEntries(BALANCE_DECIMAL_FIELDS.map((f) => [f, decimalString])) as Record<
    BalanceDecimalField,
    typeof decimalString
  >),
});
export type Balance = z.infer<typeof BalanceSchema>;

/** A balance update that may carry only the fields that changed (merged into the last full one). */
export const BalancePatchSchema = BalanceSchema.partial().required({ accountId: true });
export type BalancePatch = z.infer<typeof BalancePatchSchema>;

export const AccountInfoSchema = z.object({
  accountId: z.string().min(1),
  accountType: z.enum(ACCOUNT_TYPES),
  accountClass: z.enum(ACCOUNT_CLASSES),
  optionsLevel: z.enum(OPTIONS_LEVELS),
  status: z.string().optional(),
  displayName: z.string().optional(),
});
export type AccountInfo = z.infer<typeof AccountInfoSchema>;

export const CandleSchema = z.object({
  accountId: z.string().min(1),
  interval: z.enum(PNL_INTERVALS),
  /** Unix seconds of the candle's start. */
  t: z.number().int(),
  open: decimalString,
  high: decimalString,
  low: decimalString,
  close: decimalString,
});
export type Candle = z.infer<typeof CandleSchema>;

/**
 * Integers in our REST, any string in production: an opaque id, compared and never parsed.
 * The normaliser turns a string that spells an integer exactly ("12") into that integer, so
 * one list sent both ways is still one list.
 */
export const WatchlistIdSchema = z.union([z.number().int(), z.string().min(1)]);
export type WatchlistId = z.infer<typeof WatchlistIdSchema>;

export const WatchlistSchema = z.object({
  id: WatchlistIdSchema,
  name: z.string(),
  symbols: z.array(z.string().min(1)),
});
export type Watchlist = z.infer<typeof WatchlistSchema>;

export const WatchlistSymbolChangeSchema = z.object({
  watchlistId: WatchlistIdSchema,
  watchlistName: z.string(),
  symbol: z.string().min(1),
});
export type WatchlistSymbolChange = z.infer<typeof WatchlistSymbolChangeSchema>;

/** A whole list after a rename, reorder, create or delete. */
export const WatchlistReplaceSchema = WatchlistSchema.extend({ deleted: z.boolean().optional() });
export type WatchlistReplace = z.infer<typeof WatchlistReplaceSchema>;

export const NewsArticleSchema = z.object({
  id: z.string().min(1),
  headline: z.string(),
  summary: z.string(),
  source: z.string(),
  url: z.string(),
  symbols: z.array(z.string()),
  topics: z.array(z.string()),
  publishedAt: rfc3339,
});
export type NewsArticle = z.infer<typeof NewsArticleSchema>;

/** Everything an `account` subscription starts from. */
export const AccountSnapshotSchema = z.object({
  info: AccountInfoSchema,
  balance: BalanceSchema,
  positions: z.array(PositionSchema),
  orders: z.array(OrderSchema),
});
export type AccountSnapshot = z.infer<typeof AccountSnapshotSchema>;

export const PnlSnapshotSchema = z.object({ candles: z.array(CandleSchema) });
export type PnlSnapshot = z.infer<typeof PnlSnapshotSchema>;

export const WatchlistSnapshotSchema = z.object({ watchlists: z.array(WatchlistSchema) });
export type WatchlistSnapshot = z.infer<typeof WatchlistSnapshotSchema>;

export const NewsSnapshotSchema = z.object({ articles: z.array(NewsArticleSchema) });
export type NewsSnapshot = z.infer<typeof NewsSnapshotSchema>;

/** Positions are keyed by account and symbol (an OSI symbol for options). */
export function positionKey(p: Pick<Position, 'accountId' | 'symbol'>): string {
  return `${p.accountId}|${p.symbol}`;
}
