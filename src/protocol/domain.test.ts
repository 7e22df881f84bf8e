import { describe, expect, it } from 'vitest';
import { BalanceSchema, CandleSchema, OrderSchema, PositionSchema, decimalString } from './domain';
import { toLegacyOrder } from './server-messages';
import { orderStatusLabel } from './field-docs';
import { LegacyOrderSchema, type Order } from './domain';

const order: Order = {
  ordId: 'O-1',
  clOrdId: 'C-1',
  accountId: 'A-10001',
  symbol: 'AAPL',
  side: 'BUY',
  type: 'LIMIT',
  timeInForce: 'DAY',
  qty: '100',
  price: '230.00',
  ordStatus: 'NEW',
  cumQty: '0',
  leavesQty: '100',
  currency: 'USD',
  securityType: 'EQUITY',
  category: 'SINGLE_LEG',
  legs: [],
  createdAt: '2026-11-23T14:30:00.000Z',
  updatedAt: '2026-11-23T14:30:00.000Z',
};

describe('canonical schemas', () => {
  it('[PROTO-DEC-1] decimals are strings; numbers, exponents and junk are refused', () => {
    for (const ok of ['0', '-12.50', '125000.00', '0.0001'])
      expect(decimalString.safeParse(ok).success).toBe(true);
    for (const bad of [12.5, '1e5', '', '12.', '.5', '1,000.00', 'NaN'])
      expect(decimalString.safeParse(bad).success).toBe(false);
  });

  it('[PROTO-ORDER-1] a valid order passes; a wrong enum, decimal or timestamp fails', () => {
    expect(OrderSchema.parse(order)).toEqual(order);
    expect(OrderSchema.safeParse({ ...order, ordStatus: 'WORKING' }).success).toBe(false);
    expect(OrderSchema.safeParse({ ...order, qty: 100 }).success).toBe(false);
    expect(OrderSchema.safeParse({ ...order, updatedAt: 'yesterday' }).success).toBe(false);
  });

  it('[PROTO-ORDER-2] the legacy v1 view maps NEW to WORKING and passes its schema', () => {
    const legacy = LegacyOrderSchema.parse(toLegacyOrder(order));
    expect(legacy).toMatchObject({
      orderId: 'O-1',
      status: 'WORKING',
      orderType: 'LIMIT',
      tif: 'DAY',
      quantity: '100',
      filledQty: '0',
    });
  });

  it('[PROTO-OTHER-1] balance, position and candle schemas reject the usual slips', () => {
    expect(BalanceSchema.safeParse({ accountId: 'A', pendingOrdersCount: 1 }).success).toBe(false);
    expect(
      PositionSchema.safeParse({ accountId: 'A', symbol: 'X', securityType: 'CS' }).success,
    ).toBe(false);
    expect(
      CandleSchema.safeParse({
        accountId: 'A',
        interval: '1m',
        t: 1.5,
        open: '1',
        high: '1',
        low: '1',
        close: '1',
      }).success,
    ).toBe(false);
  });
});

describe('orderStatusLabel', () => {
  it('[LABEL-1] uses the docs wording and appends a rejection reason', () => {
    expect(orderStatusLabel({ ordStatus: 'NEW' })).toBe('Working');
    expect(orderStatusLabel({ ordStatus: 'PARTIALLY_FILLED' })).toBe('Partially filled');
    expect(
      orderStatusLabel({ ordStatus: 'REJECTED', ordRejReason: 'Insufficient buying power' }),
    ).toBe('Rejected: Insufficient buying power');
    expect(orderStatusLabel({ ordStatus: 'REJECTED' })).toBe('Rejected');
  });
});
