import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import type { AccountInfo } from '../../src/protocol';
import { Ledger } from './ledger';
import { Market } from './market';
import { createRng } from './rng';

const AT = '2026-12-07T15:00:00.000Z';

function marginLedger(): Ledger {
  const info: AccountInfo = {
    accountId: 'A-1',
    accountType: 'MARGIN',
    accountClass: 'INDIVIDUAL',
    optionsLevel: 'LEVEL_2',
  };
  const ledger = new Ledger(info, '100000', new Market(createRng(1)));
  ledger.openDay();
  return ledger;
}

describe('day trades', () => {
  it('[PDT-DT-1] closing shares bought today is a day trade even beside an overnight holding', () => {
    const ledger = marginLedger();
    ledger.fill('AMD', new Big(30), new Big('120'), AT);
    ledger.openDay(); // the 30 are held overnight
    ledger.fill('AMD', new Big(1), new Big('121'), AT);
    ledger.fill('AMD', new Big(-1), new Big('122'), AT);
    expect(ledger.dayTrades).toBe(1);
    expect(ledger.holdings.get('AMD')!.qty.toFixed()).toBe('30');
  });

  it('[PDT-DT-2] selling only what was held overnight is not a day trade', () => {
    const ledger = marginLedger();
    ledger.fill('AMD', new Big(30), new Big('120'), AT);
    ledger.openDay();
    ledger.fill('AMD', new Big(-10), new Big('122'), AT);
    ledger.fill('AMD', new Big(-20), new Big('123'), AT);
    expect(ledger.dayTrades).toBe(0);
  });

  it('[PDT-DT-3] a short opened by crossing through zero and covered the same day counts once', () => {
    const ledger = marginLedger();
    ledger.fill('AMD', new Big(5), new Big('120'), AT);
    ledger.openDay();
    ledger.fill('AMD', new Big(-8), new Big('121'), AT); // sells the 5 held, shorts 3 today
    expect(ledger.dayTrades).toBe(0);
    ledger.fill('AMD', new Big(3), new Big('119'), AT);
    expect(ledger.dayTrades).toBe(1);
    expect(ledger.holdings.get('AMD')!.qty.toFixed()).toBe('0');
  });
});
