/**
 * The overview's risk panel: margin use and concentration as meters, buying power by kind,
 * the pattern-day-trader status in words, and options exposure per underlying. All figures
 * come from risk-metrics.ts; this component only lays them out.
 */
import { useMemo } from 'react';
import { formatMoney, formatPercent, formatQty } from '../../lib/format';
import { Gauge } from '../../components/ui/gauge';
import { HelpTerm } from '../../components/ui/help-term';
import { Money } from '../../components/ui/money';
import type { AccountInfo, Balance, Position } from '../../protocol';
import {
  buyingPowerByKind,
  concentration,
  explainPdt,
  marginUse,
  optionsExposure,
  pdtStatus,
} from './risk-metrics';
import type { PdtStatus } from './risk-metrics';

const EXPOSURE_HEADERS = [
  ['Net contracts', 'Long minus short contracts.'],
  ['Long', 'Contracts held long.'],
  ['Short', 'Contracts written (short).'],
  ['Shares controlled', 'Contracts × multiplier (100 shares each), signed: what they deliver.'],
  ['Market value', 'Sum of the option positions’ market values (already × multiplier).'],
  ['% of equity', 'Absolute market value as a share of total equity.'],
] as const;

export function RiskPanel({
  balance,
  info,
  positions,
}: {
  balance: Balance;
  info: AccountInfo | undefined;
  positions: readonly Position[];
}) {
  const top = useMemo(
    () => concentration(positions, balance.totalEquity),
    [positions, balance.totalEquity],
  );
  const exposure = useMemo(
    () => optionsExposure(positions, balance.totalEquity),
    [positions, balance.totalEquity],
  );
  const pdt = pdtStatus(balance, info);
  const use = marginUse(balance);
  return (
    <section aria-labelledby="risk-title" className="mb-6">
      <h2 id="risk-title" className="mb-2 text-sm font-semibold">
        Risk
      </h2>
      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
        <div className="space-y-3">
          <Gauge
            label="Margin use"
            percent={use}
            detail={
              use === undefined
                ? `Equity ${formatMoney(balance.totalEquity)} is not positive: margin call`
                : `Maintenance ${formatMoney(balance.maintReq)} of equity ${formatMoney(balance.totalEquity)}`
            }
            warnAt="50"
            alarmAt="80"
            testId="risk-margin-use"
          />
          <Gauge
            label="Concentration"
            percent={top?.percentOfEquity}
            detail={
              top
                ? `Largest position ${top.label}, ${formatMoney(top.marketValue)}`
                : 'No positions'
            }
            warnAt="20"
            alarmAt="35"
            testId="risk-concentration"
          />
        </div>
        <BuyingPower balance={balance} />
        <Pdt status={pdt} />
      </div>
      <OptionsExposureTable rows={exposure} />
    </section>
  );
}

function BuyingPower({ balance }: { balance: Balance }) {
  return (
    <section aria-labelledby="risk-bp" className="rounded border border-border bg-panel p-3">
      <h3 id="risk-bp" className="text-sm font-semibold">
        Buying power
      </h3>
      <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
        {buyingPowerByKind(balance).map((line) => (
          <div key={line.field} className="contents">
            <dt className="text-muted">
              <HelpTerm help={line.help}>{line.label}</HelpTerm>
            </dt>
            <dd data-testid={`risk-${line.field}`}>
              <Money value={line.value} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const PDT_HEADLINE: Record<PdtStatus['kind'], string> = {
  'not-applicable': 'Not applicable',
  unrestricted: 'Unlimited day trades',
  restricted: 'Limited day trades',
};

function Pdt({ status }: { status: PdtStatus }) {
  const tone =
    status.kind === 'restricted' ? (status.dayTradesLeft === 0 ? 'text-loss' : 'text-warn') : '';
  return (
    <section aria-labelledby="risk-pdt" className="rounded border border-border bg-panel p-3">
      <h3 id="risk-pdt" className="text-sm font-semibold">
        <HelpTerm help="Pattern day trader (FINRA): 4 or more day trades in 5 business days in a margin account. Below $25,000 of equity such an account is restricted.">
          PDT status
        </HelpTerm>
      </h3>
      <p className={`mt-2 text-lg ${tone}`} data-testid="risk-pdt-status">
        {PDT_HEADLINE[status.kind]}
        {status.kind === 'restricted' && status.dayTradesLeft !== undefined && (
          <span className="num">: {status.dayTradesLeft} left</span>
        )}
      </p>
      {status.kind !== 'not-applicable' && (
        <dl className="mt-1 grid grid-cols-[1fr_auto] gap-x-4 text-sm">
          <dt className="text-muted">PDT equity</dt>
          <dd data-testid="risk-pdt-equity">
            <Money value={status.pdtEquity} />
          </dd>
          {status.kind === 'unrestricted' ? (
            <>
              <dt className="text-muted">Day-trade buying power</dt>
              <dd>
                <Money value={status.dayTradeBuyingPower} />
              </dd>
            </>
          ) : (
            <>
              <dt className="text-muted">Short of $25,000 by</dt>
              <dd className="text-loss">
                <Money value={status.shortfall} />
              </dd>
            </>
          )}
        </dl>
      )}
      <p className="mt-1 text-xs text-muted" data-testid="risk-pdt-explained">
        {explainPdt(status)}
      </p>
    </section>
  );
}

function OptionsExposureTable({ rows }: { rows: ReturnType<typeof optionsExposure> }) {
  return (
    <table className="mt-3 w-full text-sm" data-testid="risk-options">
      <caption className="mb-1 text-left text-sm font-semibold">
        Options exposure by underlying
      </caption>
      <thead className="text-muted">
        <tr className="border-b border-border">
          <th scope="col" className="py-1 text-left">
            Underlying
          </th>
          {EXPOSURE_HEADERS.map(([h, help]) => (
            <th key={h} scope="col" className="text-right font-normal">
              <HelpTerm help={help}>{h}</HelpTerm>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={EXPOSURE_HEADERS.length + 1} className="py-2 text-muted">
              No option positions.
            </td>
          </tr>
        ) : (
          rows.map((r) => (
            <tr key={r.underlying} className="border-b border-border/50">
              <th scope="row" className="py-1 text-left font-mono font-normal">
                {r.underlying}
              </th>
              <td className="num">{formatQty(r.netContracts, { signed: true })}</td>
              <td className="num">{formatQty(r.longContracts)}</td>
              <td className="num">{formatQty(r.shortContracts)}</td>
              <td className="num">{formatQty(r.sharesControlled, { signed: true })}</td>
              <td className="num">
                <Money value={r.marketValue} pnl={false} />
              </td>
              <td className="num">{formatPercent(r.percentOfEquity, { dp: 2 })}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
