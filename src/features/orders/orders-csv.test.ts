import { describe, expect, it } from 'vitest';
import { sampleOrder } from '../../testing/store-samples';
import { csvCell, ordersToCsv } from './orders-csv';

describe('ordersToCsv', () => {
  it('[CSV-1] one header line and one line per order, decimals exactly as sent', () => {
    const csv = ordersToCsv([
      sampleOrder({
        ordId: 'O-1',
        qty: '100',
        cumQty: '40',
        price: '189.50',
        avgPrice: '189.4975',
      }),
    ]);
    const [header, row, end] = csv.split('\r\n');
    expect(header).toBe(
      'Time,Symbol,Side,Type,TIF,Qty,Filled,Leaves,Limit / stop,Avg fill,Status,Updated,Order ID,Legs',
    );
    expect(row).toContain(',AAPL,BUY,LIMIT,DAY,100,40,100,189.50,189.4975,Working,');
    expect(row?.endsWith(',O-1,')).toBe(true);
    expect(end).toBe('');
  });

  it("[ALLACCT-CSV-1] the combined blotter's CSV starts with whose order it is", () => {
    const csv = ordersToCsv(
      [
        sampleOrder({ ordId: 'O-1', accountId: 'A-10001' }),
        sampleOrder({ ordId: 'O-2', accountId: 'A-10002' }),
      ],
      true,
    );
    const [header, one, two] = csv.split('\r\n');
    expect(header?.startsWith('Account,Time,Symbol,')).toBe(true);
    expect(one?.startsWith('A-10001,')).toBe(true);
    expect(two?.startsWith('A-10002,')).toBe(true);
  });

  it('[CSV-2] quotes commas and quotes; defuses formulas but keeps negative numbers', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-12.50')).toBe('-12.50');
  });

  it('[CSV-3] a rejection carries its reason; legs are listed', () => {
    const csv = ordersToCsv([
      sampleOrder({
        ordStatus: 'REJECTED',
        ordRejReason: 'Insufficient buying power',
        category: 'MULTI_LEG',
        legs: [
          {
            symbol: 'AAPL  261218C00200000',
            side: 'BUY',
            ratioQty: '1',
            positionEffect: 'OPEN',
            securityType: 'OPTION',
            maturity: '2026-12-18',
            strikePrice: '200',
            putCall: 'CALL',
          },
        ],
      }),
    ]);
    expect(csv).toContain('Rejected: Insufficient buying power');
    expect(csv).toContain('BUY 1 AAPL  261218C00200000 OPEN');
  });
});
