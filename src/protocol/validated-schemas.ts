/**
 * Every schema the client validates a normalised frame against, by name. The decode path runs
 * the standalone validators generated from these (generated-validators.ts, written by
 * scripts/gen-validators.ts); zod stays the source of truth and reports why a value failed.
 */
import { z } from './zod';
import {
  AccountInfoSchema,
  AccountSnapshotSchema,
  BalancePatchSchema,
  BalanceSchema,
  CandleSchema,
  NewsArticleSchema,
  NewsSnapshotSchema,
  OrderSchema,
  PositionSchema,
  WatchlistReplaceSchema,
  WatchlistSnapshotSchema,
  WatchlistSymbolChangeSchema,
} from './domain';

// The context a frame may leave to its subscription is optional here; complete.ts fills it.
const noAccount = { accountId: true } as const;
export const DecodedCandleSchema = CandleSchema.partial({ accountId: true, interval: true });
export const DecodedPnlSnapshotSchema = z.object({ candles: z.array(DecodedCandleSchema) });
export const DecodedAccountSnapshotSchema = AccountSnapshotSchema.extend({
  info: AccountInfoSchema.partial(noAccount),
  balance: BalanceSchema.partial(noAccount),
  positions: z.array(PositionSchema.partial(noAccount)),
  orders: z.array(OrderSchema.partial(noAccount)),
});

export const VALIDATED_SCHEMAS = {
  accountSnapshot: DecodedAccountSnapshotSchema,
  pnlSnapshot: DecodedPnlSnapshotSchema,
  watchlistSnapshot: WatchlistSnapshotSchema,
  newsSnapshot: NewsSnapshotSchema,
  order: OrderSchema,
  position: PositionSchema,
  balancePatch: BalancePatchSchema,
  info: AccountInfoSchema,
  candle: DecodedCandleSchema,
  symbolChange: WatchlistSymbolChangeSchema,
  watchlistReplace: WatchlistReplaceSchema,
  article: NewsArticleSchema,
} as const;

export type ValidatedName = keyof typeof VALIDATED_SCHEMAS;
