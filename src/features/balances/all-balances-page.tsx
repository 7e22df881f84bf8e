/**
 * Balances of every account side by side (`?account=all`): one column per account, one row per
 * documented field in its group, each field's meaning as a tooltip. An account the server
 * refused, or whose snapshot is pending, says so in its column; the others stay live.
 */
import { formatPercent, formatQty } from '../../lib/format';
import { Money } from '../../components/ui/money';
import { HelpTerm } from '../../components/ui/help-term';
import { Skeleton } from '../../components/ui/stream-gate';
import { freshnessLabel } from '../../components/ui/account-status-chips';
import { useFlashOnChange } from '../../components/ui/use-flash-on-change';
import { BALANCE_GROUPS } from '../../protocol';
import type { Balance } from '../../protocol';
import { accountKey, useBalancesOf, useLoadedAccounts, useTopicFreshness } from '../../stores';
import type { AccountBalanceView } from '../../stores';
import { balanceSections, marginUse } from './balance-sections';
import type { BalanceLine } from './balance-sections';

function Cell({ line }: { line: BalanceLine | undefined }) {
  const ref = useFlashOnChange<HTMLTableCellElement>(line?.value);
  if (!line) return <td className="num px-2 text-muted">—</td>;
  return (
    <td ref={ref} className="num px-2 py-0.5">
      {line.kind === 'count' ? (
        line.value
      ) : line.kind === 'factor' ? (
        `${formatQty(line.value)}×`
      ) : (
        <Money value={line.value} pnl={line.kind === 'pnl'} />
      )}
    </td>
  );
}

function AccountHeader({ view }: { view: AccountBalanceView }) {
  const f = useTopicFreshness(accountKey(view.accountId));
  return (
    <th scope="col" className="min-w-44 px-3 py-1.5 text-right align-bottom">
      <span className="block font-mono">{view.accountId}</span>
      <span className="block text-xs font-normal text-muted">
        {view.info ? `${view.info.accountType} · ${view.info.accountClass}` : '—'}
        {f.status !== 'live' && ` · ${freshnessLabel(f)}`}
      </span>
    </th>
  );
}

const byField = (b: Balance | undefined): ReadonlyMap<string, BalanceLine> =>
  new Map(b ? balanceSections(b).flatMap((s) => s.lines.map((l) => [l.field, l])) : []);

export function AllBalancesPage({ accountIds }: { accountIds: readonly string[] }) {
  const views = useBalancesOf(accountIds);
  const loaded = useLoadedAccounts(accountIds);
  // Labels and order come from the first loaded balance; every balance has the same fields.
  const model = views.find((v) => v.balance)?.balance;
  const lines = views.map((v) => byField(v.balance));
  return (
    <section aria-labelledby="balances-title">
      <h1 id="balances-title" className="mb-3 text-lg font-semibold">
        Balances <span className="text-sm font-normal text-muted">· all accounts</span>
      </h1>
      {loaded.length === 0 || !model ? (
        <Skeleton rows={8} label="Loading balances…" />
      ) : (
        // As wide as its columns: a field's values stay near its name, one column per account.
        <div className="w-fit max-w-full overflow-x-auto rounded border border-border">
          <table className="border-collapse text-sm">
            <caption className="sr-only">Balances of every account, one column per account</caption>
            <thead className="sticky top-0 bg-panel text-xs">
              <tr>
                <th scope="col" className="px-2 py-1.5 text-left text-muted">
                  Field
                </th>
                {views.map((v) => (
                  <AccountHeader key={v.accountId} view={v} />
                ))}
              </tr>
            </thead>
            <tbody>
              <tr className="border-b border-border/50">
                <th scope="row" className="px-2 py-0.5 text-left font-normal text-muted">
                  <HelpTerm help="Maintenance requirement as a share of total equity; 100% or more is a margin call.">
                    Margin use
                  </HelpTerm>
                </th>
                {views.map((v) => (
                  <td
                    key={v.accountId}
                    className="num px-2"
                    data-testid={`margin-use-${v.accountId}`}
                  >
                    {v.balance ? formatPercent(marginUse(v.balance)) : '—'}
                  </td>
                ))}
              </tr>
              <tr className="border-b border-border/50">
                <th scope="row" className="px-2 py-0.5 text-left font-normal text-muted">
                  Options level
                </th>
                {views.map((v) => (
                  <td key={v.accountId} className="px-2 text-right">
                    {v.info?.optionsLevel.replace('LEVEL_', 'Level ') ?? '—'}
                  </td>
                ))}
              </tr>
            </tbody>
            {BALANCE_GROUPS.map((group) => {
              const section = balanceSections(model).find((s) => s.group === group);
              if (!section || section.lines.length === 0) return null;
              return (
                <tbody key={group}>
                  <tr className="bg-panel/60">
                    <th
                      scope="rowgroup"
                      colSpan={views.length + 1}
                      className="px-2 py-1 text-left text-xs font-semibold"
                    >
                      {group}
                    </th>
                  </tr>
                  {section.lines.map((line) => (
                    <tr
                      key={line.field}
                      className="border-b border-border/50"
                      data-field={line.field}
                    >
                      <th scope="row" className="px-2 py-0.5 text-left font-normal text-muted">
                        <HelpTerm help={line.help}>{line.label}</HelpTerm>
                      </th>
                      {views.map((v, i) => (
                        <Cell key={v.accountId} line={lines[i]?.get(line.field)} />
                      ))}
                    </tr>
                  ))}
                </tbody>
              );
            })}
          </table>
        </div>
      )}
    </section>
  );
}
