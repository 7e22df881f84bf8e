/** The money cells every positions table shows, for a position, a group or a total. */
import { Money } from './money';

export type PositionMoney = {
  marketValue: string;
  unrealizedPnL: string;
  todayRealizedPnL: string;
};

export function PositionMoneyCells({ of }: { of: PositionMoney }) {
  return (
    <>
      <td className="num px-2">
        <Money value={of.marketValue} />
      </td>
      <td className="num px-2">
        <Money value={of.unrealizedPnL} pnl />
      </td>
      <td className="num px-2">
        <Money value={of.todayRealizedPnL} pnl />
      </td>
    </>
  );
}
