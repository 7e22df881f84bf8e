/**
 * Every documented balance field, grouped, each with its meaning as a keyboard-reachable
 * tooltip; the account's type, class and options level; gauges for margin use and free
 * buying power. Values flash when they change.
 */
import { formatMoney, formatQty } from '../../lib/format';
import { Money } from '../../components/ui/money';
import { Gauge } from '../../components/ui/gauge';
import { HelpTerm } from '../../components/ui/help-term';
import { StreamGate } from '../../components/ui/stream-gate';
import { useFlashOnChange } from '../../components/ui/use-flash-on-change';
import { OPTIONS_LEVEL_DOCS } from '../../protocol';
import type { AccountInfo, Balance } from '../../protocol';
import { accountKey, useAccountInfo, useAccountLoaded, useBalances } from '../../stores';
import { balanceSections, buyingPowerFree, marginUse } from './balance-sections';
import type { BalanceLine } from './balance-sections';

function Value({ line }: { line: BalanceLine }) {
  const ref = useFlashOnChange<HTMLElement>(line.value);
  const body =
    line.kind === 'count' ? (
      <span className="num">{line.value}</span>
    ) : line.kind === 'factor' ? (
      <span className="num">{formatQty(line.value)}×</span>
    ) : (
      <Money value={line.value} pnl={line.kind === 'pnl'} />
    );
  return (
    <dd ref={ref} className="num rounded px-1" data-testid={line.field}>
      {body}
    </dd>
  );
}

function AccountCard({ info, accountId }: { info: AccountInfo | undefined; accountId: string }) {
  return (
    <section aria-labelledby="account-title" className="rounded border border-border bg-panel p-3">
      <h2 id="account-title" className="text-sm font-semibold">
        {info?.displayName ?? accountId}
      </h2>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted">Account</dt>
        <dd className="font-mono">{accountId}</dd>
        <dt className="text-muted">Type</dt>
        <dd data-testid="accountType">{info?.accountType ?? '—'}</dd>
        <dt className="text-muted">Class</dt>
        <dd>{info?.accountClass ?? '—'}</dd>
        {info?.status && (
          <>
            <dt className="text-muted">Status</dt>
            <dd>{info.status}</dd>
          </>
        )}
        <dt className="text-muted">Options</dt>
        <dd data-testid="optionsLevel">
          {info ? (
            <>
              {info.optionsLevel.replace('LEVEL_', 'Level ')}
              <span className="block text-xs text-muted">
                {OPTIONS_LEVEL_DOCS[info.optionsLevel]}
              </span>
            </>
          ) : (
            '—'
          )}
        </dd>
      </dl>
    </section>
  );
}

function Gauges({ balance }: { balance: Balance }) {
  return (
    <>
      <Gauge
        label="Margin use"
        percent={marginUse(balance)}
        detail={`Maintenance ${formatMoney(balance.maintReq)} of equity ${formatMoney(balance.totalEquity)}`}
        warnAt="50"
        alarmAt="80"
        testId="margin-use"
      />
      <Gauge
        label="Buying power free"
        percent={buyingPowerFree(balance)}
        detail={`Net ${formatMoney(balance.netBuyingPower)} of stock buying power ${formatMoney(balance.stockBuyingPower)}`}
        warnAt="50"
        alarmAt="20"
        higherIsBetter
        testId="buying-power-free"
      />
    </>
  );
}

export function BalancesPage({ accountId }: { accountId: string }) {
  const balance = useBalances(accountId);
  const info = useAccountInfo(accountId);
  const loaded = useAccountLoaded(accountId);
  return (
    <section aria-labelledby="balances-title">
      <h1 id="balances-title" className="mb-3 text-lg font-semibold">
        Balances
      </h1>
      <StreamGate
        streamKey={accountKey(accountId)}
        loaded={loaded}
        what="balances"
        accountId={accountId}
      >
        {balance && (
          <div className="space-y-4">
            <div className="grid gap-3 md:grid-cols-3">
              <AccountCard info={info} accountId={accountId} />
              <Gauges balance={balance} />
            </div>
            <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
              {balanceSections(balance).map(({ group, lines }) => (
                <section
                  key={group}
                  aria-labelledby={`bal-${group}`}
                  className="rounded border border-border bg-panel p-3"
                >
                  <h2 id={`bal-${group}`} className="mb-2 text-sm font-semibold">
                    {group}
                  </h2>
                  <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
                    {lines.map((line) => (
                      <div key={line.field} className="contents">
                        <dt className="text-muted">
                          <HelpTerm help={line.help}>{line.label}</HelpTerm>
                        </dt>
                        <Value line={line} />
                      </div>
                    ))}
                  </dl>
                </section>
              ))}
            </div>
          </div>
        )}
      </StreamGate>
    </section>
  );
}
