/** Today's P&L per symbol from the open positions (the account stream the shell holds). */
import { useMemo } from 'react';
import { Money } from '../../components/ui/money';
import { HelpTerm } from '../../components/ui/help-term';
import { EmptyState, StreamGate } from '../../components/ui/stream-gate';
import { accountKey, usePositions, usePositionsLoaded } from '../../stores';
import { pnlBySymbol, type SymbolPnl } from './pnl-by-symbol';

function Cells({ of }: { of: SymbolPnl }) {
  return (
    <>
      <td className="num px-2 py-1">{of.positions}</td>
      <td className="num px-2 py-1">
        <Money value={of.realized} pnl />
      </td>
      <td className="num px-2 py-1">
        <Money value={of.unrealized} pnl />
      </td>
      <td className="num px-2 py-1 font-semibold">
        <Money value={of.total} pnl />
      </td>
    </>
  );
}

export function PnlBySymbol({ accountId }: { accountId: string }) {
  const positions = usePositions(accountId);
  const loaded = usePositionsLoaded(accountId);
  const { rows, total } = useMemo(() => pnlBySymbol(positions), [positions]);
  return (
    <section aria-labelledby="perf-by-symbol" className="space-y-2">
      <h2 id="perf-by-symbol" className="font-semibold">
        Today&apos;s P&amp;L by symbol
      </h2>
      <StreamGate
        streamKey={accountKey(accountId)}
        loaded={loaded}
        what="positions"
        accountId={accountId}
      >
        {rows.length === 0 ? (
          <EmptyState>No open positions on {accountId}.</EmptyState>
        ) : (
          <div className="max-w-3xl overflow-x-auto rounded border border-border">
            <table className="w-full border-collapse text-sm" data-testid="perf-by-symbol">
              <caption className="sr-only">
                Today&apos;s P&amp;L of {accountId} by symbol: realized today plus unrealized
              </caption>
              <thead className="bg-panel text-xs text-muted">
                <tr>
                  <th scope="col" className="px-2 py-1 text-left">
                    Symbol
                  </th>
                  <th scope="col" className="px-2 py-1 text-right">
                    Positions
                  </th>
                  <th scope="col" className="px-2 py-1 text-right">
                    <HelpTerm help="The positions' todayRealizedPnL, summed exactly. A position closed today leaves the list, and its realized P&L with it.">
                      Realized today
                    </HelpTerm>
                  </th>
                  <th scope="col" className="px-2 py-1 text-right">
                    <HelpTerm help="The positions' unrealizedPnL (last price against average cost), summed exactly.">
                      Unrealized
                    </HelpTerm>
                  </th>
                  <th scope="col" className="px-2 py-1 text-right">
                    <HelpTerm help="Realized today plus unrealized.">Total</HelpTerm>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.symbol} className="border-t border-border/50">
                    <th scope="row" className="px-2 py-1 text-left font-medium">
                      {r.symbol}
                    </th>
                    <Cells of={r} />
                  </tr>
                ))}
              </tbody>
              <tfoot className="border-t border-border bg-panel/60">
                <tr>
                  <th scope="row" className="px-2 py-1 text-left">
                    {total.symbol}
                  </th>
                  <Cells of={total} />
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </StreamGate>
    </section>
  );
}
